import { LeaseLostError, PreconditionFailedError, StateCorruptError } from '../primitives/errors.js';
import type { Clock } from '../primitives/clock.js';
import { CancelWatch } from './cancel-watch.js';
import { JournalResults } from './journal-results.js';
import type { ExecutionJournal, SavedResult } from '../executor/journal.js';
import type { ExecutionManifest } from '../records/state.js';
import type { ManifestHandle, StateStore } from './state-store.js';

/** Options of {@link StoreJournal}. */
export interface StoreJournalOptions {
  /** @default the store's clock */
  clock?: Clock;
  /** Least time between two coalesced manifest writes, in ms. @default 1000 */
  minIntervalMs?: number;
  /** Conflicts resolved in a row before a write gives up. @default 5 */
  maxConflictRetries?: number;
  /** Called after each manifest write, with the running count. */
  onCheckpoint?: (writes: number) => void;
  /** Called when a background write or poll fails; writes are retried later, and `flush()` reports them. */
  onError?: (error: unknown) => void;
  /**
   * While someone listens through `onCancelRequested`, look at the stored manifest this often
   * for a cancellation (one GET), in ms; 0 turns polling off. Conflicting writes reveal a
   * cancel anyway; the poll covers long stretches without a checkpoint. @default 30000
   */
  cancelPollMs?: number;
  /**
   * Aborted when this run may no longer write (e.g. `LeaseKeeper.signal` on a lost lease);
   * writes then fail with the signal's reason instead of touching the store.
   */
  signal?: AbortSignal;
  /** The execution was created by this run: there are no stored results to look for. */
  created?: boolean;
}

/**
 * {@link ExecutionJournal} on a {@link StateStore}. Manifest writes are coalesced: the first
 * change is written at once, later ones no sooner than `minIntervalMs` after the previous
 * write, plus one on `flush()`; writes never overlap. A conflicting write (someone else
 * changed the manifest, typically `cancel`) reloads it, adopts `cancelRequested`, and
 * writes the working copy again on the new version. Task results are stored with the
 * checkpoints, one batch each (see {@link JournalResults}).
 */
export class StoreJournal implements ExecutionJournal {
  /** The working copy; the executor mutates it in place. */
  readonly manifest: ExecutionManifest;
  /** Manifest writes that succeeded. */
  writes = 0;
  /** Conditional writes that lost and were retried on a reloaded version. */
  conflicts = 0;

  private etag: string;
  private readonly clock: Clock;
  private readonly minIntervalMs: number;
  private readonly maxConflictRetries: number;
  private dirty = false;
  private lastWriteAt: number | undefined;
  private inFlight: Promise<void> | undefined;
  private timer: AbortController | undefined;
  private failure: unknown;
  private failuresInARow = 0;
  private readonly cancelWatch: CancelWatch;
  private readonly results: JournalResults;

  constructor(
    private readonly store: StateStore,
    handle: ManifestHandle,
    private readonly options: StoreJournalOptions = {},
  ) {
    this.manifest = handle.manifest;
    this.etag = handle.etag;
    this.clock = options.clock ?? store.clock;
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.maxConflictRetries = options.maxConflictRetries ?? 5;
    this.results = new JournalResults(store, this.manifest, options.created ?? false);
    this.cancelWatch = new CancelWatch(
      this.clock,
      options.cancelPollMs ?? 30_000,
      (signal) => this.pollCancel(signal),
      (error) => options.onError?.(error),
      handle.manifest.cancelRequested,
    );
  }

  /** The version last written or adopted; pass it on to whoever saves the manifest next. */
  get handle(): ManifestHandle {
    return { manifest: this.manifest, etag: this.etag };
  }

  storedResultIds(signal?: AbortSignal): Promise<Set<string>> {
    return this.results.unrecordedIds(signal);
  }

  loadResult(taskId: string, signal?: AbortSignal): Promise<unknown> {
    return this.results.load(taskId, signal);
  }

  saveResult(taskId: string, data: unknown): SavedResult {
    return this.results.save(taskId, data);
  }

  cancelRequested(): boolean {
    return this.cancelWatch.cancelled || this.manifest.cancelRequested;
  }

  /** Calls `listener` once a cancellation is seen; polls the store while anyone listens. Returns the unsubscribe. */
  onCancelRequested(listener: () => void): () => void {
    return this.cancelWatch.subscribe(listener);
  }

  changed(): void {
    this.dirty = true;
    if (this.inFlight || this.timer) return; // the running write or the timer picks it up
    this.scheduleNext();
  }

  async flush(): Promise<void> {
    for (;;) {
      this.cancelTimer();
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (!this.dirty) return;
      await this.startWrite();
      if (this.failure !== undefined) {
        // The caller now owns the failure; a background retry would only keep the process alive.
        this.cancelTimer();
        throw this.failure;
      }
    }
  }

  /** Resolves once no manifest write is in flight (a deferred one may still be scheduled). */
  async whenIdle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /**
   * Looks at the stored manifest for a cancellation without writing (for long stretches
   * with no checkpoint). Returns `cancelRequested()`.
   */
  async pollCancel(signal?: AbortSignal): Promise<boolean> {
    const remote = await this.store.loadExecution(this.manifest.executionId, signal);
    if (remote?.manifest.cancelRequested) this.adoptCancel();
    return this.cancelRequested();
  }

  private scheduleNext(): void {
    if (!this.dirty) return;
    const now = this.clock.now();
    const backoff = this.failuresInARow === 0 ? 0 : Math.min(30_000, this.minIntervalMs * 2 ** this.failuresInARow);
    const due = this.lastWriteAt === undefined ? now : this.lastWriteAt + Math.max(this.minIntervalMs, backoff);
    if (due <= now) {
      void this.startWrite();
      return;
    }
    const timer = new AbortController();
    this.timer = timer;
    this.clock.sleep(due - now, timer.signal).then(
      () => {
        if (this.timer !== timer) return;
        this.timer = undefined;
        if (!this.inFlight) void this.startWrite();
      },
      () => undefined, // cancelled by flush()
    );
  }

  private cancelTimer(): void {
    this.timer?.abort();
    this.timer = undefined;
  }

  /** Starts one write; the promise never rejects (the outcome is in `failure`). */
  private startWrite(): Promise<void> {
    this.cancelTimer();
    const write = this.write().then(
      () => {
        this.failure = undefined;
        this.failuresInARow = 0;
      },
      (error: unknown) => {
        this.failure = error;
        this.failuresInARow++;
        this.dirty = true;
        this.options.onError?.(error);
      },
    );
    this.inFlight = write.finally(() => {
      this.inFlight = undefined;
      this.scheduleNext();
    });
    return this.inFlight;
  }

  private async write(): Promise<void> {
    this.options.signal?.throwIfAborted();
    this.dirty = false;
    this.lastWriteAt = this.clock.now();
    // A snapshot: the executor keeps mutating the working copy while the PUT is in flight.
    let snapshot = structuredClone(this.manifest);
    const batch = this.results.take(snapshot);
    if (batch.size > 0) {
      // The results first: the manifest that records these tasks succeeded must find them stored.
      const name = await this.results.write(batch, this.options.signal);
      this.manifest.resultBatches = [...(this.manifest.resultBatches ?? []), name];
      snapshot = { ...snapshot, resultBatches: [...(snapshot.resultBatches ?? []), name] };
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const saved = await this.store.saveExecution({ manifest: snapshot, etag: this.etag });
        this.etag = saved.etag;
        this.manifest.updatedAt = saved.manifest.updatedAt;
        this.writes++;
        this.options.onCheckpoint?.(this.writes);
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= this.maxConflictRetries) throw error;
      }
      this.conflicts++;
      const remote = await this.store.loadExecution(this.manifest.executionId);
      if (!remote) {
        throw new StateCorruptError(
          `execution ${this.manifest.executionId}`,
          'its manifest vanished or became unreadable while this run was writing it',
        );
      }
      // Another run reopened the execution (each run bumps `runs`): its progress must win.
      if (remote.manifest.runs !== snapshot.runs) {
        throw new LeaseLostError(
          this.manifest.accountId,
          'this run',
          `execution ${this.manifest.executionId} was reopened by another run (runs ${remote.manifest.runs}, ours ${snapshot.runs}); not overwriting it`,
        );
      }
      this.etag = remote.etag;
      if (remote.manifest.cancelRequested) {
        this.adoptCancel();
        snapshot = { ...snapshot, cancelRequested: true };
      }
    }
  }

  private adoptCancel(): void {
    this.manifest.cancelRequested = true;
    this.cancelWatch.markSeen();
  }
}
