import type { ExecutionManifest, Lease } from '../records/state.js';
import { parseExecutionId } from '../state/execution-id.js';
import { liveLease } from './account-lease.js';
import { loadOrNotFound, pendingIds } from './executions.js';
import type { StoreDeps } from './store-deps.js';

export interface ExecutionView {
  manifest: ExecutionManifest;
  /** The lease of the run working on it, read when it is `running` or a cancel waits; `undefined` when none. */
  lease: Lease | undefined;
  /** Tasks still to run, in graph order. */
  pending: string[];
}

/**
 * One execution as stored, with who holds its account when that matters.
 * @throws ExecutionNotFoundError
 */
export async function showExecution(deps: StoreDeps, request: { executionId: string }): Promise<ExecutionView> {
  const { accountId } = parseExecutionId(request.executionId);
  const { manifest } = await loadOrNotFound(deps.store, request.executionId, deps.signal);
  const lease = manifest.status === 'running' || manifest.cancelRequested ? await liveLease(deps.store, accountId, deps.signal) : undefined;
  return { manifest, lease, pending: pendingIds(manifest) };
}
