import type { BreakerState, TaskError } from '../records/state.js';
import type { ExecutionStatus } from './types.js';

/** Typed events out of the core; the action and the CLI turn them into logs and progress. */
export type ExecutorEvent =
  | {
      type: 'executionStarted';
      executionId: string;
      total: number;
      resumed: boolean;
      at: number;
      /** Tasks that ended failed or skipped in an earlier run and stay so (succeeded ones arrive as `taskReused`). */
      previously?: { failed: number; skipped: number };
    }
  | { type: 'taskStarted'; taskId: string; taskType: string; attempt: number; at: number }
  /**
   * A task returned its result: it no longer runs, and its dependants may start. Its result is
   * stored with the next checkpoint, and `taskSucceeded` follows then (at once when it already is).
   */
  | { type: 'taskFinished'; taskId: string; taskType: string; attempt: number; durationMs: number; at: number }
  /** A task's result is stored: a crash can no longer make it run again. */
  | { type: 'taskSucceeded'; taskId: string; taskType: string; attempt: number; durationMs: number; at: number }
  | { type: 'taskRetrying'; taskId: string; taskType: string; attempt: number; delayMs: number; error: TaskError; at: number }
  | { type: 'taskFailed'; taskId: string; taskType: string; attempt: number; error: TaskError; at: number }
  | { type: 'taskSkipped'; taskId: string; taskType: string; reason: string; at: number }
  | { type: 'taskReused'; taskId: string; taskType: string; at: number }
  | { type: 'taskDeferred'; taskId: string; taskType: string; reason: string; at: number }
  | { type: 'breakerOpened'; key: string; state: BreakerState; at: number }
  | { type: 'breakerHalfOpen'; key: string; at: number }
  | { type: 'breakerClosed'; key: string; at: number }
  | { type: 'checkpointWritten'; executionId: string; writes: number; at: number }
  | { type: 'budgetExhausted'; pending: string[]; at: number }
  | { type: 'executionCancelled'; executionId: string; at: number }
  /** A task goes back to `pending` at the start of a run: interrupted by a crash, or its stored result is gone. */
  | { type: 'taskReset'; taskId: string; taskType: string; reason: string; at: number }
  /** An in-flight task was stopped by the budget, an outside signal or a cancel; `status` is where its record went. */
  | { type: 'taskInterrupted'; taskId: string; taskType: string; status: 'pending' | 'cancelled'; reason: string; at: number }
  /** `options.signal` stopped the run (SIGTERM, job cancel); pending work resumes next run. */
  | { type: 'executionInterrupted'; executionId: string; reason: string; pending: string[]; at: number }
  | { type: 'executionFinished'; executionId: string; status: ExecutionStatus; pending: string[]; at: number };

export type ExecutorEventListener = (event: ExecutorEvent) => void;
