import type { TaskStatus } from './types.js';

/**
 * The execution's status once nothing runs any more (a cancel wins over all of these):
 * - `partial`: some task is still pending (time budget or outside stop): the next run resumes it;
 * - `failed`: nothing pending and at least one task failed;
 * - `completed`: nothing pending and nothing failed. Skipped tasks (not enrolled, breaker open,
 *   failed dependency) do not fail the execution: the report lists them with the reason.
 */
export function finalStatus(statuses: Iterable<TaskStatus>): 'completed' | 'partial' | 'failed' {
  let failed = false;
  for (const status of statuses) {
    if (status === 'pending' || status === 'running') return 'partial';
    if (status === 'failed') failed = true;
  }
  return failed ? 'failed' : 'completed';
}

/** Tasks an earlier run left failed or skipped, as `executionStarted` reports them. */
export function countEarlierFailures(statuses: Iterable<TaskStatus>): { failed: number; skipped: number } {
  const counts = { failed: 0, skipped: 0 };
  for (const status of statuses) if (status === 'failed' || status === 'skipped') counts[status] += 1;
  return counts;
}

/** Why a task did not succeed, for dependants that run without it. */
export function reasonOf(record: { skipReason?: string; error?: { message: string } }): { reason?: string } {
  const reason = record.skipReason ?? record.error?.message;
  return reason === undefined ? {} : { reason };
}
