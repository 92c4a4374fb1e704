import { ExecutionNotFoundError } from '../primitives/errors.js';
import type { ExecutionManifest, TaskRecord } from '../records/state.js';
import { countTaskStatuses, type TaskCounts } from '../report/health.js';
import type { ManifestHandle, StateStore } from '../state/state-store.js';

export type { TaskCounts } from '../report/health.js';

/**
 * The execution, or a not-found error that says where we looked.
 * @throws ExecutionNotFoundError
 */
export async function loadOrNotFound(store: StateStore, executionId: string, signal?: AbortSignal): Promise<ManifestHandle> {
  const handle = await store.loadExecution(executionId, signal);
  if (!handle) throw new ExecutionNotFoundError(executionId, store.location);
  return handle;
}

/** How many tasks are in each status. */
export function countTasks(manifest: Pick<ExecutionManifest, 'tasks'>): TaskCounts {
  return countTaskStatuses(Object.values(manifest.tasks));
}

/**
 * Wall time of the execution in ms: to `finishedAt`, or to the last checkpoint when it is not
 * finished (a partial or interrupted execution), so a stale `running` never grows forever.
 */
export function executionDurationMs(manifest: ExecutionManifest): number {
  const end = manifest.finishedAt ?? manifest.updatedAt;
  return Math.max(0, Date.parse(end) - Date.parse(manifest.createdAt));
}

/** Ids of the tasks still to run (pending, or left running by a run that stopped), in graph order. */
export function pendingIds(manifest: ExecutionManifest): string[] {
  return Object.values(manifest.tasks)
    .filter((t) => t.status === 'pending' || t.status === 'running')
    .map((t) => t.id);
}

/** What went wrong with a task, or why it was skipped. */
export function taskProblem(task: TaskRecord): string {
  if (task.error) return task.error.message;
  return task.skipReason ?? '';
}

/** The one-line view of an execution that `list` and `cleanup` return. */
export function executionSummary(manifest: ExecutionManifest) {
  return {
    executionId: manifest.executionId,
    accountId: manifest.accountId,
    status: manifest.status,
    cancelRequested: manifest.cancelRequested,
    createdAt: manifest.createdAt,
    updatedAt: manifest.updatedAt,
    finishedAt: manifest.finishedAt ?? null,
    durationMs: executionDurationMs(manifest),
    runs: manifest.runs,
    tasks: countTasks(manifest),
  };
}

/** {@link executionSummary}'s shape. */
export type ExecutionSummary = ReturnType<typeof executionSummary>;
