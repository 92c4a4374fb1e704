import { resetBreakers as closeBreakers } from '../executor/breaker.js';
import { OperationNotApplicableError } from '../primitives/errors.js';
import type { BreakerState } from '../records/state.js';
import { parseExecutionId } from '../state/execution-id.js';
import { withAccountLease } from './account-lease.js';
import { loadOrNotFound } from './executions.js';
import type { MutationDeps, StoreDeps } from './store-deps.js';
import { updateExecution } from './update-execution.js';

export interface BreakersResult {
  executionId: string;
  /** Every breaker of the execution, after the reset. */
  breakers: Record<string, BreakerState>;
  /** Keys of the breakers this call closed. */
  reset: string[];
}

/** @throws ExecutionNotFoundError */
export async function readBreakers(deps: StoreDeps, request: { executionId: string }): Promise<BreakersResult> {
  const { manifest } = await loadOrNotFound(deps.store, request.executionId, deps.signal);
  return { executionId: request.executionId, breakers: manifest.breakers, reset: [] };
}

/**
 * Closes one breaker (`key`) or every one, under the account's lease so no run overwrites it.
 * @throws OperationNotApplicableError naming the execution's breakers when it has no `key`;
 *   ExecutionNotFoundError; LeaseHeldError while a run holds the account
 */
export async function resetBreakers(
  deps: MutationDeps,
  request: { executionId: string; key?: string | undefined },
): Promise<BreakersResult> {
  const { executionId, key } = request;
  const { accountId } = parseExecutionId(executionId);
  const current = await readBreakers(deps, request);
  if (key !== undefined && !(key in current.breakers)) {
    const known = Object.keys(current.breakers);
    throw new OperationNotApplicableError(
      `${executionId} has no breaker ${JSON.stringify(key)}; ${known.length === 0 ? 'it has no breakers yet' : `its breakers are ${known.join(', ')}`}`,
    );
  }
  let reset: string[] = [];
  const { after } = await withAccountLease(deps.store, accountId, deps.holder, () =>
    updateExecution(
      deps.store,
      executionId,
      (m) => {
        reset = closeBreakers(m, key);
        return reset.length > 0 ? m : undefined;
      },
      deps.signal,
    ),
  );
  return { executionId, breakers: after?.manifest.breakers ?? current.breakers, reset };
}
