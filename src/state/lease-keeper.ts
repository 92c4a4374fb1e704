import { LeaseLostError, errorMessage } from '../primitives/errors.js';
import type { Clock } from '../primitives/clock.js';
import type { Lease } from '../records/state.js';
import type { LeaseHandle, StateStore } from './state-store.js';

/** Default lease time-to-live: a crashed run's lease lapses within two minutes. */
export const DEFAULT_LEASE_TTL_MS = 120_000;

/** Options of {@link LeaseKeeper.acquire}. */
export interface LeaseKeeperOptions {
  /** Lease time-to-live, in ms; renewed every third of it. @default 120000 */
  ttlMs?: number;
  /** How long to wait for a held lease, in ms (`lease-wait-seconds` × 1000). @default 0 */
  waitMs?: number;
  /** Longest pause between attempts while waiting, in ms. @default 5000 */
  pollMs?: number;
  /** @default the store's clock */
  clock?: Clock;
  /** Aborts the wait for the lease. */
  signal?: AbortSignal;
  /** Called once if the lease is lost; the run must stop writing state. */
  onLost?: (error: LeaseLostError) => void;
  /** Called when a renewal failed but the lease has not lapsed yet (it is retried). */
  onWarning?: (message: string) => void;
}

/**
 * Holds an account's lease for a run: renews it every `ttlMs / 3` in the background and
 * reports loss through `signal` (aborted with the {@link LeaseLostError}) and `onLost`.
 */
export class LeaseKeeper {
  /** Renewals that succeeded. */
  renewals = 0;
  private current: LeaseHandle;
  private readonly lostController = new AbortController();
  private readonly stopController = new AbortController();
  private readonly loop: Promise<void>;

  private constructor(
    private readonly store: StateStore,
    handle: LeaseHandle,
    private readonly clock: Clock,
    private readonly options: LeaseKeeperOptions,
  ) {
    this.current = handle;
    this.loop = this.renewLoop();
  }

  /**
   * Acquires the lease (waiting up to `waitMs`) and starts renewing it.
   * @throws LeaseHeldError naming the holder and expiry when it stays held.
   */
  static async acquire(store: StateStore, accountId: string, holder: string, options: LeaseKeeperOptions = {}): Promise<LeaseKeeper> {
    const handle = await store.acquireLease(accountId, holder, options.ttlMs ?? DEFAULT_LEASE_TTL_MS, {
      ...(options.waitMs !== undefined ? { waitMs: options.waitMs } : {}),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return new LeaseKeeper(store, handle, options.clock ?? store.clock, options);
  }

  /** Aborted, with the {@link LeaseLostError} as reason, when the lease is lost. */
  get signal(): AbortSignal {
    return this.lostController.signal;
  }

  get lost(): boolean {
    return this.lostController.signal.aborted;
  }

  get lease(): Lease {
    return this.current.lease;
  }

  /** Stops renewing and gives the lease up. Does nothing when it was already lost. */
  async release(): Promise<void> {
    this.stopController.abort();
    await this.loop;
    if (this.lost) return;
    await this.store.releaseLease(this.current);
  }

  private async renewLoop(): Promise<void> {
    const interval = Math.max(1, Math.floor(this.current.ttlMs / 3));
    let delay = interval;
    const stop = this.stopController.signal;
    for (;;) {
      try {
        await this.clock.sleep(delay, stop);
      } catch {
        return; // released
      }
      if (stop.aborted) return;
      try {
        // Not given the stop signal: an aborted renewal might still land, leaving us with a stale etag.
        this.current = await this.store.renewLease(this.current);
        this.renewals++;
        delay = interval;
      } catch (error) {
        if (error instanceof LeaseLostError) return this.markLost(error);
        if (this.clock.now() >= Date.parse(this.current.lease.expiresAt)) {
          const { accountId, holder } = this.current.lease;
          return this.markLost(new LeaseLostError(accountId, holder, `it expired while renewal kept failing (${errorMessage(error)})`));
        }
        this.options.onWarning?.(`could not renew the lease on account ${this.current.lease.accountId}, retrying: ${errorMessage(error)}`);
        delay = Math.max(1, Math.floor(interval / 4));
      }
    }
  }

  private markLost(error: LeaseLostError): void {
    this.lostController.abort(error);
    this.options.onLost?.(error);
  }
}
