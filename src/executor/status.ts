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
