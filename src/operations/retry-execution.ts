import { resetBreakers } from '../executor/breaker.js';
import { markPending, reopenTasks } from '../executor/reopen.js';
import type { ExecutionManifest } from '../records/state.js';
import { parseExecutionId } from '../state/execution-id.js';
import type { ManifestHandle } from '../state/state-store.js';
import { withAccountLease } from './account-lease.js';
import { pendingIds } from './executions.js';
import { recordBatches, staleDependants } from './recompute.js';
import type { MutationDeps } from './store-deps.js';
import { updateExecution } from './update-execution.js';

export interface RetryRequest {
  executionId: string;
  /** Also close the execution's circuit breakers, so tasks behind an open one run now. */
  resetBreakers: boolean;
}

export interface RetryMarking {
  /** The execution before the marking. */
  before: ExecutionManifest;
  /** The execution as stored after it; `undefined` when there was nothing to reopen. */
  after: ManifestHandle | undefined;
  /** Failed, cancelled and breaker-skipped tasks (and those they blocked) put back to pending. */
  reopened: string[];
  /** Succeeded summaries that used a reopened task's output, recomputed with it. */
  recomputed: string[];
  /** Breakers closed (with `resetBreakers`). */
  closedBreakers: string[];
  /** Breakers still open after the marking: tasks behind them are skipped again until they recover. */
  openBreakers: string[];
}

/** Failed and cancelled tasks, and tasks skipped by an open breaker: what `retry` reopens (dependants follow). */
export function retryableTaskIds(manifest: ExecutionManifest): string[] {
  return Object.values(manifest.tasks)
    .filter((t) => t.status === 'failed' || t.status === 'cancelled' || (t.status === 'skipped' && t.error?.name === 'CircuitOpenError'))
    .map((t) => t.id);
}

/**
 * Puts what failed or was skipped by a breaker back to pending, with the summaries that used
 * its output, under the account's lease; a cancelled execution is un-cancelled. Running the
 * reopened tasks is {@link analyse} with `execution: after`.
 * @throws ExecutionNotFoundError; LeaseHeldError while a run holds the account
 */
export async function markForRetry(deps: MutationDeps, request: RetryRequest): Promise<RetryMarking> {
  const { store, signal } = deps;
  const { executionId } = request;
  const { accountId } = parseExecutionId(executionId);
  let reopened: string[] = [];
  let recomputed: string[] = [];
  let closedBreakers: string[] = [];
  const { before, after } = await withAccountLease(store, accountId, deps.holder, async () => {
    const stored = await store.resultBatchNames(executionId, signal);
    return updateExecution(
      store,
      executionId,
      (m) => {
        recordBatches(m, stored);
        reopened = reopenTasks(m, retryableTaskIds(m));
        recomputed = staleDependants(m, reopened);
        markPending(m, recomputed);
        closedBreakers = request.resetBreakers ? resetBreakers(m) : [];
        if (reopened.length === 0 && closedBreakers.length === 0 && pendingIds(m).length === 0) return undefined;
        const { finishedAt: _finished, ...rest } = m;
        return { ...rest, status: pendingIds(m).length > 0 ? 'partial' : m.status, cancelRequested: false };
      },
      signal,
    );
  });
  const openBreakers = Object.entries(after?.manifest.breakers ?? {})
    .filter(([, b]) => b.state === 'open')
    .map(([key]) => key);
  return { before, after, reopened, recomputed, closedBreakers, openBreakers };
}
