import { errorMessage } from '../primitives/errors.js';
import { parseExecutionId, type ParsedExecutionId } from '../state/execution-id.js';
import type { ExecutionManifest, TaskRecord } from '../records/state.js';
import type { ManifestHandle, StateStore } from '../state/state-store.js';
import { countTaskStatuses, type TaskCounts } from '../report/health.js';
import { CliError, ExitCode } from './context.js';

export type { TaskCounts } from '../report/health.js';

/**
 * Validates an `EXEC_ID` argument before anything is read.
 * @throws CliError (usage) naming the argument and the expected shape
 */
export function parseExecIdArgument(raw: string): ParsedExecutionId {
  try {
    return parseExecutionId(raw.trim());
  } catch (error) {
    throw new CliError(ExitCode.Usage, `EXEC_ID: ${errorMessage(error)}`);
  }
}

/** The execution, or a not-found error (exit 3) that says where we looked. */
export async function loadOrNotFound(store: StateStore, executionId: string, signal?: AbortSignal): Promise<ManifestHandle> {
  const handle = await store.loadExecution(executionId, signal);
  if (!handle) throw new CliError(ExitCode.NotFound, `execution ${executionId} not found in ${store.location}`);
  return handle;
}

/** How many tasks are in each status. */
export function countTasks(manifest: Pick<ExecutionManifest, 'tasks'>): TaskCounts {
  return countTaskStatuses(Object.values(manifest.tasks));
}

/** `12/14`, with failures and skips when there are any: `12/14 (1 failed, 1 skipped)`. */
export function tasksCell(counts: TaskCounts): string {
  const extra = (['failed', 'skipped', 'cancelled'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return `${counts.succeeded}/${counts.total}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

/**
 * Wall time of the execution in ms: to `finishedAt`, or to the last checkpoint when it is not
 * finished (a partial or interrupted execution), so a stale `running` never grows forever.
 */
export function executionDurationMs(manifest: ExecutionManifest): number {
  const end = manifest.finishedAt ?? manifest.updatedAt;
  return Math.max(0, Date.parse(end) - Date.parse(manifest.createdAt));
}

/** Status for people: `partial (cancel requested)` when a cancel is waiting for the run to see it. */
export function statusText(manifest: ExecutionManifest): string {
  return manifest.cancelRequested && manifest.status !== 'cancelled' ? `${manifest.status} (cancel requested)` : manifest.status;
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

/** The one-line JSON view of an execution used by `list` and `cleanup`. */
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
