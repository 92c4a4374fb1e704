#!/usr/bin/env node
// First, so the Node.js version is checked before any other module is evaluated.
import './cli/require-node.js';
import { main } from './cli/main.js';

// Ctrl-C or SIGTERM stops a run cleanly (tasks back to pending, checkpoint, lease released);
// a second one exits at once.
const stop = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (stop.signal.aborted) process.exit(130);
  process.stderr.write(`\n${signal}: stopping after a checkpoint (again to exit at once)\n`);
  stop.abort(new Error(`received ${signal}`));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// `finops-aws list | head` closes stdout early: the reader has what it wanted, so stop. A closed
// stderr only loses progress lines; a run keeps going so it still checkpoints and releases its lease.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await main(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: process.stderr.isTTY === true },
  { signal: stop.signal },
);
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
