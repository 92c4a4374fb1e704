import type { Command } from 'commander';
import type { ExecutionManifest, Lease } from '../../records/state.js';
import { countTasks, executionDurationMs, executionSummary, taskProblem } from '../../operations/executions.js';
import { showExecution } from '../../operations/show-execution.js';
import { EXEC_ID_HELP, parseExecIdArgument, resolveExecId } from '../arguments.js';
import { statusText } from '../execution-text.js';
import { addStoreOptions, settingsFrom, type Flags } from '../options.js';
import { duration, renderTable, when } from '../output.js';
import type { Runtime } from '../runtime.js';

/** What an operator should know or do next about an execution, in one sentence. */
export function statusHint(manifest: ExecutionManifest, lease: Lease | undefined): string {
  const id = manifest.executionId;
  const counts = countTasks(manifest);
  if (manifest.cancelRequested && manifest.status !== 'cancelled') {
    return lease
      ? `cancel requested: the run holding the account stops at its next checkpoint`
      : `cancel requested while no run held the account: \`finops-aws cancel ${id}\` finishes it`;
  }
  switch (manifest.status) {
    case 'running':
      return lease
        ? `a run holds the account (${lease.holder} until ${lease.expiresAt})`
        : `no run holds the account's lease: the run that owned this execution stopped; \`finops-aws resume ${id}\` continues it`;
    case 'partial':
      return `${counts.pending + counts.running} task(s) pending; \`finops-aws resume ${id}\` (or the next run) continues them`;
    case 'failed':
      return `${counts.failed} task(s) failed; \`finops-aws retry ${id}\` runs them again`;
    case 'cancelled':
      return `cancelled; \`finops-aws retry ${id}\` reopens its cancelled and failed tasks`;
    case 'completed':
      return counts.skipped > 0 ? `${counts.skipped} task(s) skipped (see ERROR)` : 'every task succeeded';
  }
}

/** `show EXEC_ID`: header, task table, breakers and pending tasks of one execution. */
export function registerShow(program: Command, runtime: Runtime): void {
  const command = program
    .command('show')
    .argument('<exec-id>', EXEC_ID_HELP)
    .description('one execution: its task table (status, attempts, duration, error), breakers and pending tasks');
  addStoreOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ finops-aws show exec_123456789012_20261125T060000Z_4f3a9c1e
  $ finops-aws show latest
  $ finops-aws show latest:123456789012 --state-bucket my-finops-state
  $ finops-aws show exec_123456789012_20261125T060000Z_4f3a9c1e --json | jq '.tasks[] | select(.status == "failed")'`,
    )
    .action(async (rawId: string, flags: Flags, self: Command) => {
      const argument = parseExecIdArgument(rawId);
      const store = runtime.store(settingsFrom(flags, runtime.io.env, self));
      const { executionId } = await resolveExecId(argument, store, runtime.signal);
      const { manifest, lease, pending } = await showExecution({ store, signal: runtime.signal }, { executionId });
      const { out } = runtime;
      if (flags['json']) {
        out.json({
          ...manifest,
          summary: executionSummary(manifest),
          pending,
          lease: lease ?? null,
          hint: statusHint(manifest, lease),
        });
        return;
      }
      out.lines([
        `Execution  ${manifest.executionId}`,
        `Account    ${manifest.accountId}`,
        `Status     ${statusText(manifest)} — ${statusHint(manifest, lease)}`,
        `Started    ${when(manifest.createdAt)}`,
        `Updated    ${when(manifest.updatedAt)}`,
        `Finished   ${when(manifest.finishedAt)}`,
        `Duration   ${duration(executionDurationMs(manifest))}`,
        `Runs       ${manifest.runs}`,
        `Trigger    ${manifest.trigger?.event ?? '—'}`,
        '',
      ]);
      const tasks = Object.values(manifest.tasks);
      if (tasks.length === 0) out.line('No tasks recorded yet.');
      else {
        out.lines(
          renderTable(
            ['TASK', 'TYPE', 'STATUS', 'ATTEMPTS', 'DURATION', 'ERROR'],
            tasks.map((t) => [t.id, t.type, t.status, String(t.attempts), duration(t.durationMs), taskProblem(t)]),
          ),
        );
      }
      out.line('');
      const breakers = Object.entries(manifest.breakers).filter(([, b]) => b.state !== 'closed' || b.consecutiveFailures > 0);
      if (breakers.length === 0) out.line('Breakers: all closed.');
      else {
        out.line('Breakers:');
        out.lines(
          renderTable(
            ['BREAKER', 'STATE', 'FAILURES', 'OPENED', 'LAST ERROR'],
            breakers.map(([key, b]) => [
              key,
              b.state,
              String(b.consecutiveFailures),
              b.state === 'open' ? when(b.openedAt) : '—',
              b.state === 'open' ? (b.lastError ?? '') : '',
            ]),
          ),
        );
      }
      out.line('');
      out.line(pending.length === 0 ? 'Pending: none.' : `Pending (${pending.length}): ${pending.join(', ')}`);
    });
}
