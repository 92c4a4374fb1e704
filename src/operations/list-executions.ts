import type { ExecutionManifest } from '../records/state.js';
import type { StoreDeps } from './store-deps.js';

export interface ListRequest {
  /** Only this account's executions; every account's when absent. */
  accountId?: string | undefined;
}

/** Every execution in the store (every page of the listing), newest first. */
export async function listExecutions(deps: StoreDeps, request: ListRequest = {}): Promise<ExecutionManifest[]> {
  return deps.store.listExecutions(request.accountId, deps.signal);
}
