import type { Command } from 'commander';
import { progressOf, watchProgress, type ExecutionProgress } from '../../operations/execution-progress.js';
import { loadOrNotFound } from '../../operations/executions.js';
import type { ExecutionManifest } from '../../records/state.js';
import { formatDuration } from '../../report/format.js';
import { EXEC_ID_HELP, parseExecIdArgument, resolveExecId } from '../arguments.js';
import { CliError, ExitCode } from '../context.js';
import { statusText } from '../execution-text.js';
import { addStoreOptions, integerFlag, settingsFrom, type Flags } from '../options.js';
import type { Runtime } from '../runtime.js';

/** `exec_… running: 12/40 done (30%), 4 running, 24 pending · ETA 12.0 s` */
export function progressText(manifest: ExecutionManifest, p: ExecutionProgress): string {
  const t = p.tasks;
  const parts = [`${t.succeeded}/${t.total} done (${p.percent}%)`, `${t.running} running`, `${t.pending} pending`];
  for (const key of ['failed', 'skipped', 'cancelled'] as const) if (t[key] > 0) parts.push(`${t[key]} ${key}`);
  const eta = p.etaMs === null ? '' : ` · ETA ${formatDuration(p.etaMs)}`;
  return `${p.executionId} ${statusText(manifest)}: ${parts.join(', ')}${eta}`;
}

/** `progress EXEC_ID [--watch]`: where an execution stands, once or until it ends. */
export function registerProgress(program: Command, runtime: Runtime): void {
  const command = program
    .command('progress')
    .argument('<exec-id>', EXEC_ID_HELP)
    .description('done/total, running, pending, failed and an ETA; --watch follows a running execution until it ends')
    .option('--watch', 'poll until the execution is no longer running; exit 1 if it ends failed or cancelled')
    .option('--interval-seconds <n>', 'pause between two polls with --watch, 1-3600', '2');
  addStoreOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ finops-aws progress exec_123456789012_20261125T060000Z_4f3a9c1e
  $ finops-aws progress latest --watch
  $ finops-aws progress exec_123456789012_20261125T060000Z_4f3a9c1e --watch --interval-seconds 5
  $ finops-aws progress exec_123456789012_20261125T060000Z_4f3a9c1e --watch --json   # one JSON line per change`,
    )
    .action(async (rawId: string, flags: Flags, self: Command) => {
      const argument = parseExecIdArgument(rawId);
      const intervalMs = integerFlag('--interval-seconds', flags['intervalSeconds'], 1, 3600) * 1000;
      const store = runtime.store(settingsFrom(flags, runtime.io.env, self));
      const { out, signal } = runtime;
      const { executionId, accountId } = await resolveExecId(argument, store, signal);
      if (!flags['watch']) {
        const { manifest } = await loadOrNotFound(store, executionId, signal);
        const progress = progressOf(manifest);
        if (flags['json']) out.jsonLine(progress);
        else {
          out.line(progressText(manifest, progress));
          if (progress.running.length > 0) out.line(`  running: ${progress.running.join(', ')}`);
        }
        return;
      }
      let last = '';
      const print = (manifest: ExecutionManifest, progress: ExecutionProgress) => {
        const text = flags['json'] ? JSON.stringify(progress) : progressText(manifest, progress);
        if (text !== last) out.line(text);
        last = text;
      };
      let end;
      try {
        end = await watchProgress({ store, clock: runtime.clock, signal }, { executionId, intervalMs }, print);
      } catch (error) {
        if (signal?.aborted) throw new CliError(ExitCode.Interrupted, 'stopped watching');
        throw error;
      }
      if (end.kind === 'run-gone') {
        out.note(
          `No run holds account ${accountId}'s lease: the run that owned ${executionId} stopped. \`finops-aws resume ${executionId}\` continues it.`,
        );
        return;
      }
      if (end.status === 'failed' || end.status === 'cancelled') runtime.outcome = 'execution-failed';
    });
}
