import type { ExecutionManifest } from '../records/state.js';
import { parseExecutionId } from '../state/execution-id.js';
import { liveLease } from './account-lease.js';
import { countTasks, loadOrNotFound, type TaskCounts } from './executions.js';
import type { StoreDeps } from './store-deps.js';

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

/**
 * The execution's progress now.
 * @throws ExecutionNotFoundError
 */
export async function readProgress(
  deps: StoreDeps,
  request: { executionId: string },
): Promise<{ manifest: ExecutionManifest; progress: ExecutionProgress }> {
  const { manifest } = await loadOrNotFound(deps.store, request.executionId, deps.signal);
  return { manifest, progress: progressOf(manifest) };
}

export interface WatchRequest {
  executionId: string;
  /** Pause between two reads, in ms. */
  intervalMs: number;
}

/** How a watch ended: the execution stopped running, or the run working on it is gone. */
export type WatchEnd = { kind: 'finished'; status: ExecutionManifest['status'] } | { kind: 'run-gone' };

/**
 * Reads the execution's progress every `intervalMs` and hands each reading to `onReading`,
 * until it is no longer `running`, or no run holds the account's lease any more.
 * @throws ExecutionNotFoundError; the abort reason when `deps.signal` stops the watch
 */
export async function watchProgress(
  deps: StoreDeps,
  request: WatchRequest,
  onReading: (manifest: ExecutionManifest, progress: ExecutionProgress) => void,
): Promise<WatchEnd> {
  const { accountId } = parseExecutionId(request.executionId);
  const clock = deps.clock ?? deps.store.clock;
  for (;;) {
    const { manifest, progress } = await readProgress(deps, request);
    onReading(manifest, progress);
    if (manifest.status !== 'running') return { kind: 'finished', status: manifest.status };
    if (!(await liveLease(deps.store, accountId, deps.signal))) return { kind: 'run-gone' };
    await clock.sleep(request.intervalMs, deps.signal);
  }
}
