import { LeaseHeldError } from '../primitives/errors.js';
import type { ExecutionManifest } from '../records/state.js';
import type { StateStore } from '../state/state-store.js';
import { describeLease, liveLease, withAccountLease } from './account-lease.js';
import type { MutationDeps } from './store-deps.js';

const DAY_MS = 86_400_000;

export interface CleanupRequest {
  /** Only this account's executions; every account's when absent. */
  accountId?: string | undefined;
  /** Age, from the last update, of the executions to remove, in days. */
  days: number;
  /** List what would be removed; delete nothing. */
  dryRun: boolean;
}

export interface Removal {
  execution: ExecutionManifest;
  /** Objects deleted (manifest, results, stored report); 0 in a dry run. */
  objects: number;
}

export interface SkippedExecution {
  executionId: string;
  accountId: string;
  reason: string;
}

export interface CleanupResult {
  /** Executions not updated since this instant were candidates, in epoch ms. */
  cutoff: number;
  removed: Removal[];
  /** Executions of accounts a run is working on (live lease), kept whole. */
  skipped: SkippedExecution[];
}

/**
 * Removes executions not updated for `days`, with their results and report, each account
 * under its lease so no run starts on it meanwhile; an account a run holds is skipped whole.
 */
export async function cleanupExecutions(deps: MutationDeps, request: CleanupRequest): Promise<CleanupResult> {
  const { store, signal } = deps;
  const cutoff = (deps.clock ?? store.clock).now() - request.days * DAY_MS;
  const candidates = (await store.listExecutions(request.accountId, signal)).filter((m) => Date.parse(m.updatedAt) < cutoff);
  const removed: Removal[] = [];
  const skipped: SkippedExecution[] = [];
  for (const [accountId, executions] of Map.groupBy(candidates, (m) => m.accountId)) {
    const skipAll = (reason: string) => skipped.push(...executions.map((m) => ({ executionId: m.executionId, accountId, reason })));
    if (request.dryRun) {
      const lease = await liveLease(store, accountId, signal);
      if (lease) skipAll(`account ${describeLease(lease)}`);
      else removed.push(...executions.map((execution) => ({ execution, objects: 0 })));
      continue;
    }
    try {
      removed.push(...(await withAccountLease(store, accountId, deps.holder, () => removeOld(store, executions, cutoff, signal))));
    } catch (error) {
      if (!(error instanceof LeaseHeldError)) throw error;
      skipAll(`account ${describeLease(error)}`);
    }
  }
  return { cutoff, removed, skipped };
}

/** Each candidate is re-read under the lease and kept if a run touched it since it was listed. */
async function removeOld(store: StateStore, candidates: ExecutionManifest[], cutoff: number, signal?: AbortSignal): Promise<Removal[]> {
  const removed: Removal[] = [];
  for (const candidate of candidates) {
    const current = await store.loadExecution(candidate.executionId, signal);
    if (current && Date.parse(current.manifest.updatedAt) >= cutoff) continue;
    const keys = await store.deleteExecution(candidate.executionId, signal);
    removed.push({ execution: current?.manifest ?? candidate, objects: keys.length });
  }
  return removed;
}
