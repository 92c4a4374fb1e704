import { LeaseHeldError, LeaseLostError, PreconditionFailedError } from '../primitives/errors.js';
import type { Documents } from './documents.js';
import { assertAccountId } from './execution-id.js';
import { stateKeys } from './keys.js';
import { leaseSchema, SCHEMA_VERSION, type Lease } from '../records/state.js';

/** A lease this process holds, and the version of the lease object it last wrote. */
export interface LeaseHandle {
  lease: Lease;
  etag: string;
  /** Time-to-live used on acquisition; renewals extend the expiry by this much. */
  ttlMs: number;
}

/** Options of {@link acquireLease}. */
export interface AcquireLeaseOptions {
  /** How long to wait for a held lease to free up, in ms (`lease-wait-seconds`). @default 0 */
  waitMs?: number;
  /** Longest pause between two attempts while waiting, in ms. @default 5000 */
  pollMs?: number;
  signal?: AbortSignal;
}

// A lost create/replace race is re-examined a few times: the winner's lease is what the
// error must name, and it may itself be expired or released by the time we look.
const MAX_RACE_ROUNDS = 5;

function newLease(accountId: string, holder: string, nowMs: number, ttlMs: number): Lease {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'lease',
    accountId,
    holder,
    acquiredAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + ttlMs).toISOString(),
  };
}

function validate(holder: string, ttlMs: number): void {
  if (typeof holder !== 'string' || holder.trim() === '' || holder.length > 256) {
    throw new TypeError(`Invalid lease holder ${JSON.stringify(holder)}: use a non-empty id of at most 256 characters`);
  }
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`Invalid lease ttlMs ${ttlMs}: must be a positive number of ms`);
}

/** One attempt: the handle when acquired, otherwise the lease that blocks us. */
async function tryAcquire(
  docs: Documents,
  accountId: string,
  holder: string,
  ttlMs: number,
  signal?: AbortSignal,
): Promise<LeaseHandle | Lease> {
  const key = stateKeys.lease(accountId);
  for (let round = 0; ; round++) {
    const now = docs.clock.now();
    const current = await docs.read(key, leaseSchema, {
      keepCorrupt: true,
      check: (lease) => (lease.accountId === accountId ? undefined : `lease names account ${lease.accountId}`),
      ...(signal ? { signal } : {}),
    });
    const lease = current?.value;
    // The same holder may re-acquire (a restarted step with the same run id): it is still one run.
    if (lease && Date.parse(lease.expiresAt) > now && lease.holder !== holder) return lease;
    const next = newLease(accountId, holder, now, ttlMs);
    try {
      const etag = await docs.write(key, leaseSchema, next, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' }, signal);
      return { lease: next, etag, ttlMs };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || round >= MAX_RACE_ROUNDS) throw error;
    }
  }
}

/**
 * Takes the account's lease: creates it when absent, takes it over when expired (or
 * released, or unreadable), each time with a conditional write so that of two racing runs
 * exactly one wins. Waits up to `waitMs` for a held lease, polling.
 * @throws LeaseHeldError naming the holder and expiry when the lease stays held.
 */
export async function acquireLease(
  docs: Documents,
  accountId: string,
  holder: string,
  ttlMs: number,
  options: AcquireLeaseOptions = {},
): Promise<LeaseHandle> {
  assertAccountId(accountId);
  validate(holder, ttlMs);
  const deadline = docs.clock.now() + Math.max(0, options.waitMs ?? 0);
  const pollMs = Math.max(1, options.pollMs ?? 5000);
  for (;;) {
    const outcome = await tryAcquire(docs, accountId, holder, ttlMs, options.signal);
    if ('etag' in outcome) return outcome;
    const now = docs.clock.now();
    if (now >= deadline) throw new LeaseHeldError(accountId, outcome.holder, outcome.expiresAt);
    const untilExpiry = Math.max(1, Date.parse(outcome.expiresAt) - now);
    await docs.clock.sleep(Math.min(pollMs, untilExpiry, deadline - now), options.signal);
  }
}

/**
 * Extends the lease by `ttlMs` from now, only if it is still the version we wrote.
 * @throws LeaseLostError when another run took it over or it vanished.
 */
export async function renewLease(docs: Documents, handle: LeaseHandle, ttlMs = handle.ttlMs, signal?: AbortSignal): Promise<LeaseHandle> {
  validate(handle.lease.holder, ttlMs);
  const now = docs.clock.now();
  const lease: Lease = { ...handle.lease, expiresAt: new Date(now + ttlMs).toISOString() };
  const etag = await conditional(docs, handle, lease, 'renew', signal);
  return { lease, etag, ttlMs };
}

/**
 * Gives the lease up by marking it expired now (a conditional write, so a lease another run
 * already took over is left alone). The object stays: deleting it could not be conditional.
 * @throws LeaseLostError when the lease was no longer ours.
 */
export async function releaseLease(docs: Documents, handle: LeaseHandle, signal?: AbortSignal): Promise<void> {
  const lease: Lease = { ...handle.lease, expiresAt: new Date(docs.clock.now()).toISOString() };
  await conditional(docs, handle, lease, 'release', signal);
}

async function conditional(docs: Documents, handle: LeaseHandle, lease: Lease, action: string, signal?: AbortSignal): Promise<string> {
  const key = stateKeys.lease(lease.accountId);
  try {
    return await docs.write(key, leaseSchema, lease, { ifMatch: handle.etag }, signal);
  } catch (error) {
    if (error instanceof PreconditionFailedError) {
      // The SDK may have retried a PUT whose first try landed: then the stored lease is ours.
      const current = await docs.read(key, leaseSchema, signal ? { signal } : {});
      if (current && JSON.stringify(current.value) === JSON.stringify(lease)) return current.etag;
      throw new LeaseLostError(lease.accountId, lease.holder, `could not ${action} it: another run took it over or it was removed`);
    }
    throw error;
  }
}
