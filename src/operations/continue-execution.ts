import { regionsOfTaskIds } from '../analysis/regions.js';
import { OperationNotApplicableError } from '../primitives/errors.js';
import type { ExecutionManifest } from '../records/state.js';

/** What `resume` does with an execution in each status: only `resumable` runs anything. */
export type Resumability = 'resumable' | 'completed' | 'failed' | 'cancelled';

/**
 * `completed` has nothing to resume, `failed` needs retry, and a cancelled execution (or one
 * a cancel waits on) is never resumed; `running` (its run stopped) and `partial` are resumed.
 */
export function resumability(manifest: ExecutionManifest): Resumability {
  if (manifest.status === 'cancelled' || manifest.cancelRequested) return 'cancelled';
  if (manifest.status === 'completed' || manifest.status === 'failed') return manifest.status;
  return 'resumable';
}

/**
 * Continuing an execution with another account's credentials would mix two accounts' data in
 * one report.
 * @param who how to name the credentials in the message (`these AWS credentials are for account`)
 * @param hint added to the message, e.g. another way to continue
 * @throws OperationNotApplicableError when the accounts differ
 */
export function assertSameAccount(
  manifest: Pick<ExecutionManifest, 'executionId' | 'accountId'>,
  accountId: string,
  who: string,
  hint = '',
): void {
  if (accountId === manifest.accountId) return;
  throw new OperationNotApplicableError(
    `${manifest.executionId} belongs to account ${manifest.accountId}, but ${who} ${accountId}: continue it with credentials of account ${manifest.accountId}${hint}`,
  );
}

/**
 * The regions to continue with: those given, otherwise the regions the execution's graph was
 * built for (from its task ids), so the same tasks are rebuilt and none is added.
 */
export function regionsToContinue(
  manifest: ExecutionManifest,
  given: readonly string[] | 'all' | undefined,
  fallback: readonly string[] | 'all',
): readonly string[] | 'all' {
  if (given !== undefined) return given;
  const stored = regionsOfTaskIds(Object.keys(manifest.tasks));
  return stored.length > 0 ? stored : fallback;
}
