import { LeaseHeldError } from '../primitives/errors.js';
import type { ExecutionManifest, ExecutionStatus } from '../records/state.js';
import { parseExecutionId } from '../state/execution-id.js';
import { withAccountLease } from './account-lease.js';
import type { MutationDeps } from './store-deps.js';
import { finishCancelled, updateExecution } from './update-execution.js';

const FINISHED = new Set<ExecutionStatus>(['completed', 'failed', 'cancelled']);

export interface CancelResult {
  executionId: string;
  /** `cancelled`: ended now; `requested`: the live run holding it ends it; `none`: nothing to do. */
  action: 'none' | 'cancelled' | 'requested';
  /** The execution as it was before. */
  before: ExecutionManifest;
  status: ExecutionStatus;
  /** The lease of the run that will end it, when the cancel was only requested. */
  lease: { holder: string; expiresAt: string } | undefined;
}

/**
 * Cancels an execution: a `partial` one, or a `running` one whose run is gone (no live
 * lease), ends `cancelled` at once; a `running` one under a live lease gets `cancelRequested`
 * and its run ends it at its next checkpoint; a finished one is left as it is.
 * @throws ExecutionNotFoundError
 */
export async function cancelExecution(deps: MutationDeps, request: { executionId: string }): Promise<CancelResult> {
  const { store, signal } = deps;
  const { executionId } = request;
  const { accountId } = parseExecutionId(executionId);
  const now = () => (deps.clock ?? store.clock).now();
  // Assigned inside the update callbacks, which TypeScript's narrowing does not follow.
  let action = 'none' as CancelResult['action'];
  let holder: LeaseHeldError | undefined;

  // No run works on a partial execution: resuming one first marks it running, and our
  // conditional write loses to that (then the loop sees `running` and takes the lease path).
  let { before } = await updateExecution(
    store,
    executionId,
    (m) => {
      if (m.status !== 'partial') return undefined;
      action = 'cancelled';
      return finishCancelled(m, now());
    },
    signal,
  );

  if (before.status === 'running') {
    try {
      // Holding the lease proves the run that marked it running is gone.
      ({ before } = await withAccountLease(store, accountId, deps.holder, () =>
        updateExecution(
          store,
          executionId,
          (m) => {
            if (FINISHED.has(m.status)) return undefined;
            action = 'cancelled';
            return finishCancelled(m, now());
          },
          signal,
        ),
      ));
    } catch (error) {
      if (!(error instanceof LeaseHeldError)) throw error;
      holder = error;
      ({ before } = await updateExecution(
        store,
        executionId,
        (m) => {
          if (FINISHED.has(m.status) || m.cancelRequested) return undefined;
          action = 'requested';
          return { ...m, cancelRequested: true };
        },
        signal,
      ));
    }
  }
  return {
    executionId,
    action,
    before,
    status: action === 'cancelled' ? 'cancelled' : before.status,
    lease: holder ? { holder: holder.holder, expiresAt: holder.expiresAt } : undefined,
  };
}

/** Whether an execution is finished (nothing will change it but `retry`). */
export function isFinished(status: ExecutionStatus): boolean {
  return FINISHED.has(status);
}
