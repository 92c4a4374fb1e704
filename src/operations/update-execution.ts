import { PreconditionFailedError } from '../primitives/errors.js';
import type { ExecutionManifest } from '../records/state.js';
import type { ManifestHandle, StateStore } from '../state/state-store.js';
import { loadOrNotFound } from './executions.js';

/** Conflicts (a run checkpointing meanwhile) tolerated before giving up. */
const MAX_CONFLICTS = 8;

/**
 * A conditional read-modify-write of an execution: `change` gets a fresh copy and returns the
 * manifest to store, or `undefined` to store nothing. A conflicting write (a run checkpointed
 * between our read and write) re-reads and asks `change` again, so a decision is always made
 * on the version it overwrites.
 * @throws PreconditionFailedError after repeated conflicts; ExecutionNotFoundError when it is gone
 */
export async function updateExecution(
  store: StateStore,
  executionId: string,
  change: (manifest: ExecutionManifest) => ExecutionManifest | undefined,
  signal?: AbortSignal,
): Promise<{ before: ExecutionManifest; after: ManifestHandle | undefined }> {
  for (let attempt = 0; ; attempt++) {
    const handle = await loadOrNotFound(store, executionId, signal);
    const next = change(structuredClone(handle.manifest));
    if (next === undefined) return { before: handle.manifest, after: undefined };
    try {
      return { before: handle.manifest, after: await store.saveExecution({ manifest: next, etag: handle.etag }, signal) };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt + 1 >= MAX_CONFLICTS) throw error;
    }
  }
}

/**
 * Ends an execution `cancelled` now: every task not finished becomes `cancelled`. Only for an
 * execution no run is working on (see `cancel`).
 */
export function finishCancelled(manifest: ExecutionManifest, nowMs: number): ExecutionManifest {
  const now = new Date(nowMs).toISOString();
  for (const task of Object.values(manifest.tasks)) {
    if (task.status !== 'pending' && task.status !== 'running') continue;
    if (task.status === 'running' && task.startedAt) task.durationMs = Math.max(0, nowMs - Date.parse(task.startedAt));
    task.status = 'cancelled';
    task.finishedAt = now;
  }
  return { ...manifest, status: 'cancelled', cancelRequested: true, finishedAt: now };
}
