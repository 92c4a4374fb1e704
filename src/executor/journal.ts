import type { ExecutionManifest } from '../records/state.js';

/** What {@link ExecutionJournal.saveResult} did with a result. */
export interface SavedResult {
  /** The result that stands for the task: `data`, or what an earlier attempt of this run saved. */
  result: unknown;
  /** Settles once the result is stored (until then a crash would run the task again); absent when it already is. */
  stored?: Promise<void>;
}

/**
 * The executor's view of durable state for one execution. The state layer implements it
 * on a store; tests may implement it in memory.
 */
export interface ExecutionJournal {
  /** The working copy: the executor mutates task records and breakers in place, then calls `changed()`. */
  readonly manifest: ExecutionManifest;
  /**
   * Ids of the tasks whose result is stored although their record does not say succeeded: a
   * run stored it and stopped before recording the success, so the work is done. A result of
   * a task reopened since (retry) does not count.
   */
  storedResultIds(signal?: AbortSignal): Promise<Set<string>>;
  /** The result that stands for a task; `undefined` when none is stored or it is unreadable. */
  loadResult(taskId: string, signal?: AbortSignal): Promise<unknown>;
  /**
   * Takes a task's result for storing with the checkpoint that records the task succeeded.
   * Within a run the first save of a task stands: a later one (an abandoned attempt finishing
   * after its retry) changes nothing.
   */
  saveResult(taskId: string, data: unknown): SavedResult;
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
