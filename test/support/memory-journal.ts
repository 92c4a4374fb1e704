import type { ExecutionJournal } from '../../src/executor/journal.js';
import { executionManifestSchema, SCHEMA_VERSION, type ExecutionManifest } from '../../src/records/state.js';

/** A valid, empty manifest (validated by the schema), with `overrides` applied. */
export function newManifest(overrides: Partial<ExecutionManifest> = {}): ExecutionManifest {
  const at = '2026-11-25T06:00:00.000Z';
  return executionManifestSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    kind: 'execution',
    executionId: 'exec_123456789012_20261125T060000Z_4f3a9c1e',
    accountId: '123456789012',
    status: 'running',
    createdAt: at,
    updatedAt: at,
    cancelRequested: false,
    runs: 1,
    tasks: {},
    breakers: {},
    ...overrides,
  });
}

/** An in-memory ExecutionJournal that records what the executor did to it. */
export interface MemoryJournal extends ExecutionJournal {
  readonly manifest: ExecutionManifest;
  /**
   * Stored results by task id: the value saved itself, as the store's journal keeps it in memory
   * (the scheduler has checked and deep-frozen it), never a copy that a dependant could change.
   */
  readonly results: Map<string, unknown>;
  /** Every saveResult call, in order, including no-op second writes. */
  readonly saves: Array<{ taskId: string; data: unknown }>;
  /** Every loadResult call, in order. */
  readonly loads: string[];
  /** Calls of `changed()` and `flush()`. */
  readonly counts: { changed: number; flush: number; storedResultIds: number };
  /** Snapshots (JSON) of the manifest at each `flush()`. */
  readonly flushed: string[];
  /** Result ids whose stored object reads back as missing/corrupt (loadResult → undefined). */
  readonly corrupt: Set<string>;
  /** Marks the execution cancelled, as the `cancel` command would, and notifies subscribers. */
  requestCancel(): void;
  /**
   * A journal over the same stored results whose manifest went through JSON and the schema,
   * as the next run would load it.
   */
  reload(): MemoryJournal;
}

export function createMemoryJournal(
  manifestOverrides: Partial<ExecutionManifest> = {},
  results = new Map<string, unknown>(),
): MemoryJournal {
  return fromManifest(newManifest(manifestOverrides), results);
}

function fromManifest(manifest: ExecutionManifest, results: Map<string, unknown>): MemoryJournal {
  const listeners = new Set<() => void>();
  const savedThisRun = new Set<string>();
  const journal: MemoryJournal = {
    manifest,
    results,
    saves: [],
    loads: [],
    counts: { changed: 0, flush: 0, storedResultIds: 0 },
    flushed: [],
    corrupt: new Set(),
    writes: 0,
    async storedResultIds() {
      journal.counts.storedResultIds += 1;
      return new Set(results.keys());
    },
    async loadResult(taskId) {
      journal.loads.push(taskId);
      if (journal.corrupt.has(taskId)) return undefined;
      return results.get(taskId);
    },
    saveResult(taskId, data) {
      journal.saves.push({ taskId, data });
      // Within a run the first save stands; a later one is a no-op, never an overwrite.
      if (!savedThisRun.has(taskId)) {
        savedThisRun.add(taskId);
        results.set(taskId, data);
      }
      return { result: results.get(taskId) };
    },
    changed() {
      journal.counts.changed += 1;
    },
    async flush() {
      journal.counts.flush += 1;
      journal.flushed.push(JSON.stringify(manifest));
      (journal as { writes: number }).writes += 1;
    },
    cancelRequested: () => manifest.cancelRequested,
    onCancelRequested(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    requestCancel() {
      manifest.cancelRequested = true;
      for (const l of [...listeners]) l();
    },
    reload() {
      const parsed = executionManifestSchema.parse(JSON.parse(JSON.stringify(manifest)));
      return fromManifest(parsed, results);
    },
  };
  return journal;
}
