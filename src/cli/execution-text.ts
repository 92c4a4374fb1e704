import type { TaskCounts } from '../operations/executions.js';
import type { ExecutionManifest } from '../records/state.js';

/** `12/14`, with failures and skips when there are any: `12/14 (1 failed, 1 skipped)`. */
export function tasksCell(counts: TaskCounts): string {
  const extra = (['failed', 'skipped', 'cancelled'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return `${counts.succeeded}/${counts.total}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

/** Status for people: `partial (cancel requested)` when a cancel is waiting for the run to see it. */
export function statusText(manifest: ExecutionManifest): string {
  return manifest.cancelRequested && manifest.status !== 'cancelled' ? `${manifest.status} (cancel requested)` : manifest.status;
}
