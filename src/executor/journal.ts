import type { ExecutionManifest } from '../state/schema.js';

/**
 * The executor's view of durable state for one execution. The state layer implements it
 * on a store; tests may implement it in memory.
 */
export interface ExecutionJournal {
  /** The working copy: the executor mutates task records and breakers in place, then calls `changed()`. */
  readonly manifest: ExecutionManifest;
  /** Ids of the tasks whose result is already stored (a result written just before a crash counts). */
  storedResultIds(signal?: AbortSignal): Promise<Set<string>>;
  /** The stored result of a task; `undefined` when absent or quarantined as corrupt. */
  loadResult(taskId: string, signal?: AbortSignal): Promise<unknown>;
  /**
   * Stores a task's result once; a second write of the same task is a no-op, never an
   * overwrite, and answers `'exists'` (the first result stands).
   */
  saveResult(taskId: string, data: unknown, signal?: AbortSignal): Promise<'written' | 'exists'>;
  /** The working copy changed: persist it soon (writes are coalesced). */
  changed(): void;
  /** Persist the working copy now and wait for it. */
  flush(): Promise<void>;
  /** True once another process asked to cancel this execution (seen on the latest checkpoint or poll). */
  cancelRequested(): boolean;
  /**
   * Optional push for cancellation: calls `listener` as soon as a cancel is seen, so in-flight
   * work is aborted without waiting for the next task to finish. Returns the unsubscribe.
   */
  onCancelRequested?(listener: () => void): () => void;
  /** Optional: manifest writes done so far, reported in the `checkpointWritten` event after `flush()`. */
  readonly writes?: number;
}
