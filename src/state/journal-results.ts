import type { SavedResult } from '../executor/journal.js';
import { resultBatchName } from './keys.js';
import { resultOf, type StoredResults } from './result-batches.js';
import type { ExecutionManifest } from '../records/state.js';
import type { StateStore } from './state-store.js';

// A batch name is taken only if a PUT we gave up on landed after all; a few fresh names settle it.
const MAX_NAME_TRIES = 5;

/**
 * The task results side of a {@link StoreJournal}: results are kept in memory when their task
 * succeeds and stored as one batch per checkpoint, written just before the manifest that
 * records those tasks succeeded. So a stored manifest never claims a success whose result is
 * not stored, and a crash between the two leaves a batch the next run adopts.
 */
export class JournalResults {
  /** Every result saved in this run, first one per task (later saves are no-ops). */
  private readonly saved = new Map<string, SavedResult>();
  private readonly onStored = new Map<string, () => void>();
  /** Saved results not yet in a stored batch. */
  private readonly unwritten = new Set<string>();
  private stored: Promise<StoredResults> | undefined;
  private nextSeq = 1;

  constructor(
    private readonly store: StateStore,
    private readonly manifest: ExecutionManifest,
    /** The execution was created by this run, so nothing can be stored for it yet. */
    private readonly created: boolean,
  ) {}

  /** Tasks whose result was stored by a run that stopped before recording their success. */
  async unrecordedIds(signal?: AbortSignal): Promise<Set<string>> {
    return new Set((await this.loadStored(signal)).unrecorded.keys());
  }

  async load(taskId: string, signal?: AbortSignal): Promise<unknown> {
    const saved = this.saved.get(taskId);
    if (saved) return saved.result;
    return resultOf(await this.loadStored(signal), taskId);
  }

  save(taskId: string, data: unknown): SavedResult {
    // An abandoned attempt may finish after its retry: the first result stands.
    const first = this.saved.get(taskId);
    if (first) return first;
    const { promise, resolve } = Promise.withResolvers<void>();
    const saved = { result: data, stored: promise };
    this.saved.set(taskId, saved);
    this.onStored.set(taskId, resolve);
    this.unwritten.add(taskId);
    return saved;
  }

  /** Settles the `stored` promises of a batch now stored: a crash from here on adopts it. */
  private settle(batch: Map<string, unknown>): void {
    for (const taskId of batch.keys()) {
      this.onStored.get(taskId)?.();
      this.onStored.delete(taskId);
    }
  }

  /**
   * Takes the unwritten results of the tasks that `snapshot` records as succeeded. Call in the
   * same synchronous step as taking the snapshot, so the two agree.
   */
  take(snapshot: ExecutionManifest): Map<string, unknown> {
    const batch = new Map<string, unknown>();
    for (const taskId of this.unwritten) {
      if (snapshot.tasks[taskId]?.status !== 'succeeded') continue;
      batch.set(taskId, this.saved.get(taskId)?.result);
      this.unwritten.delete(taskId);
    }
    return batch;
  }

  /** Stores `batch` and returns its name; on failure its results go back to unwritten, for the next checkpoint. */
  async write(batch: Map<string, unknown>, signal?: AbortSignal): Promise<string> {
    try {
      for (let tries = 0; ; tries++) {
        const name = resultBatchName(this.manifest.runs, this.nextSeq++);
        const outcome = await this.store.putResultBatch(this.manifest.executionId, name, batch, signal);
        if (outcome === 'written') {
          this.settle(batch);
          return name;
        }
        if (tries + 1 >= MAX_NAME_TRIES)
          throw new Error(`result batch names up to ${name} are all taken in execution ${this.manifest.executionId}`);
      }
    } catch (error) {
      for (const taskId of batch.keys()) this.unwritten.add(taskId);
      throw error;
    }
  }

  private loadStored(signal?: AbortSignal): Promise<StoredResults> {
    if (this.created) return Promise.resolve({ recorded: new Map(), unrecorded: new Map(), unrecordedBatches: [] });
    if (!this.stored) {
      this.stored = this.store.loadResults(this.manifest, signal).then((stored) => {
        // Accounted for from now on: the next checkpoint records them.
        if (stored.unrecordedBatches.length > 0)
          this.manifest.resultBatches = [...(this.manifest.resultBatches ?? []), ...stored.unrecordedBatches];
        return stored;
      });
      // A failed load is tried again by the next caller.
      this.stored.catch(() => (this.stored = undefined));
    }
    return this.stored;
  }
}
