import { leaseSchema, type Lease } from '../records/state.js';
import { stateKeys } from '../state/keys.js';
import type { StateStore } from '../state/state-store.js';

/** How long an operation holds an account's lease for a quick state change, in ms. */
const MUTATION_LEASE_TTL_MS = 60_000;

/**
 * The account's lease when a run holds it now, read without writing anything; `undefined`
 * when there is none, it expired or was released, or it cannot be read.
 */
export async function liveLease(store: StateStore, accountId: string, signal?: AbortSignal): Promise<Lease | undefined> {
  const stored = await store.objects.get(stateKeys.lease(accountId), signal);
  if (!stored) return undefined;
  let parsed;
  try {
    parsed = leaseSchema.safeParse(JSON.parse(stored.body));
  } catch {
    return undefined;
  }
  if (!parsed.success || parsed.data.accountId !== accountId) return undefined;
  return Date.parse(parsed.data.expiresAt) > store.clock.now() ? parsed.data : undefined;
}

/**
 * Runs `change` while holding the account's lease, so no run works on the account meanwhile
 * and a run that starts now waits or stops instead of overwriting the change.
 * @param holder who holds the lease meanwhile, as shown to a run that finds it held
 * @throws LeaseHeldError when a run holds the account
 */
export async function withAccountLease<T>(store: StateStore, accountId: string, holder: string, change: () => Promise<T>): Promise<T> {
  const handle = await store.acquireLease(accountId, holder, MUTATION_LEASE_TTL_MS);
  try {
    return await change();
  } finally {
    // A lapsed release only delays the next run by the short TTL; the change itself stands.
    await store.releaseLease(handle).catch(() => undefined);
  }
}

/** `locked by X until T` for messages. */
export function describeLease(lease: { holder: string; expiresAt: string }): string {
  return `locked by ${lease.holder} until ${lease.expiresAt}`;
}
