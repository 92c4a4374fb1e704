// A run of the 50-task crash graph, for the crash test to kill: on a local state directory, or
// on a bucket of the S3 test server when the environment names one (then stateDir is unused).
// argv: stateDir logDir. With a kill point in the environment it halts at that step (0: the
// executor's start; n: the end of the n-th task body it runs) until it is killed.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { runExecution } from '../../src/operations/run-execution.js';
import { systemClock } from '../../src/primitives/clock.js';
import type { ObjectStore, WriteCondition } from '../../src/state/object-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { childObjectStore } from '../support/crash-store.js';
import { killPointFromEnv } from '../support/kill-point.js';
import { crashGraph } from './graph.js';

const [stateDir, logDir] = process.argv.slice(2) as [string, string];
const step = killPointFromEnv();
// A killed child can leave a per-key lock file (on a directory) behind; take it over sooner than the 10 s default.
const local = childObjectStore(stateDir, 1000);

// Records the task ids of each result batch that a put really created, after the fact, so the
// test can prove no result was written twice.
const recording: ObjectStore = {
  location: local.location,
  get: (key, signal) => local.get(key, signal),
  delete: (key, signal) => local.delete(key, signal),
  list: (prefix, signal) => local.list(prefix, signal),
  async put(key: string, body: string, condition?: WriteCondition, signal?: AbortSignal) {
    const written = await local.put(key, body, condition, signal);
    if (key.includes('/results/')) {
      const ids = Object.keys((JSON.parse(body) as { results: Record<string, unknown> }).results);
      appendFileSync(join(logDir, 'writes.log'), ids.map((id) => `${id}\n`).join(''));
    }
    return written;
  },
};

const store = new StateStore(recording, { onWarning: (m) => process.stderr.write(`warning: ${m}\n`) });
const result = await runExecution({
  store,
  accountId: '123456789012',
  holder: `crash-child-${process.pid}`,
  clock: systemClock,
  trigger: { event: 'cli' },
  resumeWindowMs: 3_600_000,
  leaseTtlMs: 600,
  leaseWaitMs: 10_000,
  maxConcurrentTasks: 4,
  // Called synchronously by the executor: a halt here stops the run as it starts.
  onEvent: (event) => {
    if (event.type === 'executionStarted') step('start');
  },
  tasks: () =>
    crashGraph({
      // At the end of the body, before the executor has its result: a halt here stops the run there.
      ran: (taskId, nonce) => {
        appendFileSync(join(logDir, 'runs.log'), `${taskId} ${nonce}\n`);
        step(`ran ${taskId}`);
      },
      durationMs: () => 5 + Math.floor(Math.random() * 40),
      sleep: (ms, signal) => systemClock.sleep(ms, signal),
    }),
});
process.stdout.write(
  `${JSON.stringify({ executionId: result.manifest.executionId, status: result.outcome.status, resumed: result.resumed })}\n`,
);
