import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { stateKeys } from '../state/keys.js';
import { leaseSchema, type Lease } from '../records/state.js';
import type { StateStore } from '../state/state-store.js';

/** How long the CLI holds an account's lease for a quick state change, in ms. */
const MUTATION_LEASE_TTL_MS = 60_000;

/** Who the CLI is when it holds a lease, as shown to a run that finds it held. */
export function cliHolder(command: string): string {
  return `finops-aws ${command} (pid ${process.pid} on ${hostname()}, ${randomBytes(3).toString('hex')})`;
}

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
 * @throws LeaseHeldError when a run holds the account (exit 4)
 */
export async function withAccountLease<T>(store: StateStore, accountId: string, command: string, change: () => Promise<T>): Promise<T> {
  const handle = await store.acquireLease(accountId, cliHolder(command), MUTATION_LEASE_TTL_MS);
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
