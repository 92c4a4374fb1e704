import type { CancelResult } from '../operations/cancel-execution.js';
import type { CleanupResult } from '../operations/cleanup-executions.js';
import type { ExecutionProgress } from '../operations/execution-progress.js';
import type { BreakersResult } from '../operations/reset-breakers.js';
import type { RetryMarking } from '../operations/retry-execution.js';
import type { Report } from '../records/report.js';
import type { ExecutionManifest } from '../records/state.js';
import { markdownCell } from '../report/escape.js';
import { formatDuration } from '../report/format.js';
import { markdownTable } from '../report/md-table.js';

/** A state command's result: one line for the log, and Markdown for the job summary. */
export interface CommandView {
  log: string;
  markdown: string;
}

const view = (title: string, log: string, details: string[] = []): CommandView => ({
  log,
  markdown: [`### finops-aws ${title}`, markdownCell(log, 2000), ...details].join('\n\n'),
});

export function progressMarkdown(manifest: ExecutionManifest, p: ExecutionProgress): CommandView {
  const t = p.tasks;
  const eta = p.etaMs === null ? '' : `, ETA ${formatDuration(p.etaMs)}`;
  const log = `${p.executionId} ${manifest.status}${manifest.cancelRequested ? ' (cancel requested)' : ''}: ${t.succeeded}/${t.total} done (${p.percent}%), ${t.running} running, ${t.pending} pending${eta}`;
  const counts = (['succeeded', 'running', 'pending', 'failed', 'skipped', 'cancelled'] as const).map((k) => [k, String(t[k])]);
  return view('progress', log, [markdownTable(['Tasks', 'Count'], ['left', 'right'], counts)]);
}

export function cancelMarkdown(result: CancelResult): CommandView {
  const { executionId, action, before } = result;
  const log =
    action === 'cancelled'
      ? `Cancelled ${executionId} (was ${before.status}); its unfinished tasks will not run.`
      : action === 'requested'
        ? `Cancel requested for ${executionId}: the run holding the account (${result.lease?.holder}) ends it at its next checkpoint.`
        : `Nothing to cancel: ${executionId} is ${before.status}${before.cancelRequested ? ' (cancel requested)' : ''}.`;
  return view('cancel', log);
}

export function breakersMarkdown(result: BreakersResult): CommandView {
  const log = result.reset.length === 0 ? `No breaker of ${result.executionId} to reset.` : `Closed: ${result.reset.join(', ')}`;
  const rows = Object.entries(result.breakers).map(([key, b]) => [markdownCell(key), b.state, String(b.consecutiveFailures)]);
  return view(
    'reset-breakers',
    log,
    rows.length === 0 ? [] : [markdownTable(['Breaker', 'State', 'Failures'], ['left', 'left', 'right'], rows)],
  );
}

export function cleanupMarkdown(result: CleanupResult): CommandView {
  const log = `Removed ${result.removed.length} execution(s) not updated since ${new Date(result.cutoff).toISOString()}${result.skipped.length > 0 ? `; kept ${result.skipped.length} of an account a run holds` : ''}.`;
  const rows = result.removed.map((r) => [r.execution.executionId, r.execution.status, r.execution.updatedAt, String(r.objects)]);
  return view(
    'cleanup',
    log,
    rows.length === 0 ? [] : [markdownTable(['Execution', 'Status', 'Updated', 'Objects'], ['left', 'left', 'left', 'right'], rows)],
  );
}

export function retryMarkdown(marking: RetryMarking, report: Report | undefined): CommandView {
  const id = marking.before.executionId;
  if (!marking.after)
    return view('retry', `Nothing to retry: ${id} is ${marking.before.status} with no failed, cancelled or breaker-skipped task.`);
  const parts = [
    marking.reopened.length === 0
      ? `No task to reopen in ${id}`
      : `Reopened ${marking.reopened.length} task(s) of ${id}: ${marking.reopened.join(', ')}`,
    ...(marking.recomputed.length > 0 ? [`recomputed with them: ${marking.recomputed.join(', ')}`] : []),
    ...(marking.openBreakers.length > 0 ? [`breakers still open: ${marking.openBreakers.join(', ')} (reset-breakers closes them)`] : []),
    report ? `the execution is now ${report.status}` : 'nothing pending to run',
  ];
  return view('retry', `${parts.join('; ')}.`);
}
