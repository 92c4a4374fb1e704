import type { Command } from 'commander';
import { formatDuration } from '../../report/format.js';
import type { ExecutionManifest } from '../../records/state.js';
import { CliError, ExitCode } from '../context.js';
import { countTasks, loadOrNotFound, parseExecIdArgument, statusText, type TaskCounts } from '../executions.js';
import { liveLease } from '../lease.js';
import { addStoreOptions, integerFlag, settingsFrom, type Flags } from '../options.js';
import type { Runtime } from '../runtime.js';

/** Where an execution stands, from its stored manifest. */
export interface ExecutionProgress {
  executionId: string;
  status: ExecutionManifest['status'];
  cancelRequested: boolean;
  tasks: TaskCounts;
  /** Succeeded over total, in percent (0 when there are no tasks yet). */
  percent: number;
  /** Running task ids. */
  running: string[];
  /** Mean duration of the succeeded tasks × what is left ÷ tasks running now, in ms; null when unknown. */
  etaMs: number | null;
  updatedAt: string;
}

/** Progress of an execution from its stored manifest (no events needed). */
export function progressOf(manifest: ExecutionManifest): ExecutionProgress {
  const tasks = countTasks(manifest);
  const records = Object.values(manifest.tasks);
  const timed = records.filter((t) => t.status === 'succeeded' && t.durationMs !== undefined);
  const mean = timed.length === 0 ? undefined : timed.reduce((sum, t) => sum + t.durationMs!, 0) / timed.length;
  const left = tasks.pending + tasks.running;
  const etaMs =
    manifest.status !== 'running' || mean === undefined ? null : left === 0 ? 0 : Math.round((mean * left) / Math.max(1, tasks.running));
  return {
    executionId: manifest.executionId,
    status: manifest.status,
    cancelRequested: manifest.cancelRequested,
    tasks,
    percent: tasks.total === 0 ? 0 : Math.round((tasks.succeeded / tasks.total) * 100),
    running: records.filter((t) => t.status === 'running').map((t) => t.id),
    etaMs,
    updatedAt: manifest.updatedAt,
  };
}

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
    .argument('<exec-id>', 'execution id')
    .description('done/total, running, pending, failed and an ETA; --watch follows a running execution until it ends')
    .option('--watch', 'poll until the execution is no longer running; exit 1 if it ends failed or cancelled')
    .option('--interval-seconds <n>', 'pause between two polls with --watch, 1-3600', '2');
  addStoreOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ finops-aws progress exec_123456789012_20261125T060000Z_4f3a9c1e
  $ finops-aws progress exec_123456789012_20261125T060000Z_4f3a9c1e --watch --interval-seconds 5
  $ finops-aws progress exec_123456789012_20261125T060000Z_4f3a9c1e --watch --json   # one JSON line per change`,
    )
    .action(async (rawId: string, flags: Flags, self: Command) => {
      const { executionId, accountId } = parseExecIdArgument(rawId);
      const intervalMs = integerFlag('--interval-seconds', flags['intervalSeconds'], 1, 3600) * 1000;
      const store = runtime.store(settingsFrom(flags, runtime.io.env, self));
      const { out, clock, signal } = runtime;
      let last = '';
      for (;;) {
        const { manifest } = await loadOrNotFound(store, executionId, signal);
        const progress = progressOf(manifest);
        const text = flags['json'] ? JSON.stringify(progress) : progressText(manifest, progress);
        const changed = text !== last || !flags['watch'];
        if (changed && flags['json']) out.jsonLine(progress);
        else if (changed) {
          out.line(text);
          if (!flags['watch'] && progress.running.length > 0) out.line(`  running: ${progress.running.join(', ')}`);
        }
        last = text;
        if (!flags['watch']) return;
        if (manifest.status !== 'running') {
          runtime.exitCode = manifest.status === 'failed' || manifest.status === 'cancelled' ? ExitCode.Failed : ExitCode.Ok;
          return;
        }
        if (!(await liveLease(store, accountId, signal))) {
          out.note(
            `No run holds account ${accountId}'s lease: the run that owned ${executionId} stopped. \`finops-aws resume ${executionId}\` continues it.`,
          );
          return;
        }
        try {
          await clock.sleep(intervalMs, signal);
        } catch {
          throw new CliError(ExitCode.Interrupted, 'stopped watching');
        }
      }
    });
}
