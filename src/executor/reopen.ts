import type { ExecutionManifest, TaskRecord } from '../records/state.js';

/**
 * Puts finished-but-unsuccessful tasks back to `pending` for the `retry` command, so the next
 * `executeGraph` on the execution runs them: the tasks named by `ids` (default: every failed
 * task and every task skipped by an open circuit breaker), plus, transitively, the tasks that
 * were skipped or cancelled because a required dependency among them did not succeed.
 * Attempts stay counted; breakers are untouched (see `resetBreakers`); succeeded tasks are never
 * reopened. Mutates `manifest.tasks`; the caller persists it and sets the execution's status.
 * @returns the ids reopened
 */
export function reopenTasks(manifest: Pick<ExecutionManifest, 'tasks'>, ids?: readonly string[]): string[] {
  const records = Object.values(manifest.tasks);
  const start = ids ?? records.filter((r) => r.status === 'failed' || r.error?.name === 'CircuitOpenError').map((r) => r.id);
  const reopened = new Set<string>();
  const queue = start.filter((id) => isReopenable(manifest.tasks[id]));
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (reopened.has(id)) continue;
    reopened.add(id);
    for (const r of records) {
      if (!reopened.has(r.id) && (r.status === 'skipped' || r.status === 'cancelled') && r.dependsOn.includes(id)) queue.push(r.id);
    }
  }
  markPending(manifest, [...reopened]);
  return [...reopened];
}

/** Puts `ids` back to pending, clearing their outcome (attempts stay counted). Mutates the manifest. */
export function markPending(manifest: Pick<ExecutionManifest, 'tasks'>, ids: readonly string[]): void {
  for (const id of ids) {
    const record = manifest.tasks[id];
    if (!record) continue;
    record.status = 'pending';
    delete record.startedAt;
    delete record.finishedAt;
    delete record.durationMs;
    delete record.error;
    delete record.skipReason;
  }
}

function isReopenable(record: TaskRecord | undefined): boolean {
  return record !== undefined && (record.status === 'failed' || record.status === 'skipped' || record.status === 'cancelled');
}
