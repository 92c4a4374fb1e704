import pRetry, { AbortError } from 'p-retry';
import { TaskTimeoutError } from '../primitives/errors.js';
import { fullJitterDelayMs } from './backoff.js';
import { classifyError, describeError, type Verdict } from './classify.js';
import type { Clock } from '../primitives/clock.js';
import type { TaskPolicy } from './types.js';

/**
 * Runs `work` with its own AbortSignal that aborts after `timeoutMs` (reason: TaskTimeoutError)
 * or when `parent` aborts (reason: the parent's). The result is raced against the signal, so a
 * task that ignores its signal cannot hold the run hostage; the signal is still aborted so I/O
 * that honours it (the AWS SDK's `abortSignal`) really stops.
 */
export async function runWithTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  options: { taskId: string; timeoutMs: number; clock: Clock; parent: AbortSignal },
): Promise<T> {
  const { parent, clock, timeoutMs, taskId } = options;
  parent.throwIfAborted();
  const controller = new AbortController();
  const timer = new AbortController();
  const fromParent = () => controller.abort(parent.reason);
  parent.addEventListener('abort', fromParent, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
  });
  clock.sleep(timeoutMs, timer.signal).then(
    () => controller.abort(new TaskTimeoutError(taskId, timeoutMs)),
    () => {},
  );
  // Abandoned work may settle later: its rejection must not surface as unhandled.
  const running = Promise.resolve().then(() => work(controller.signal));
  running.catch(() => {});
  aborted.catch(() => {});
  try {
    return await Promise.race([running, aborted]);
  } catch (error) {
    // The abort reason wins over whatever the work threw on seeing the abort (SDK AbortError).
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    timer.abort();
    parent.removeEventListener('abort', fromParent);
  }
}

/** How a task ended after its attempts in this run. */
export type TaskOutcome =
  | { kind: 'succeeded'; result: unknown }
  | { kind: 'failed'; error: unknown }
  | { kind: 'skipped'; error: unknown }
  /** The run's signal aborted (budget, outside stop, cancel): not a failure of the task. */
  | { kind: 'interrupted'; reason: unknown }
  /** The budget refused a retry: the task stays pending for the next run. */
  | { kind: 'deferred'; reason: string };

export interface RunTaskHooks {
  /**
   * Called before attempt `n` of this run (1-based). Returns the attempt number to show (counted
   * across runs), or a reason not to start it (the budget refuses a retry). May abort the run.
   */
  beforeAttempt(n: number): { attempt: number } | { deferReason: string };
  /** Runs one attempt: the task's work plus storing its result, under `signal`. */
  attempt(attempt: number, signal: AbortSignal): Promise<unknown>;
  /** A retry will follow after `delayMs` (already drawn, about to be slept). */
  onRetry(info: { attempt: number; delayMs: number; error: unknown }): void;
}

export interface RunTaskOptions extends RunTaskHooks {
  taskId: string;
  policy: TaskPolicy;
  /** Per-attempt timeout in ms (the task's own, else its policy's). */
  timeoutMs: number;
  clock: Clock;
  random: () => number;
  /** The run's signal: budget hard stop, outside stop, cancel. */
  signal: AbortSignal;
}

/** Carries the classified error through p-retry, and keeps p-retry's TypeError rule out of our classification. */
class AttemptFailure extends Error {
  constructor(
    readonly original: unknown,
    readonly verdict: Verdict,
  ) {
    super(describeError(original).message);
  }
}

class Deferral extends Error {}

/**
 * One task, composed as retry → timeout: up to `maxAttempts` attempts, each under the per-attempt
 * timeout, with full-jitter backoff slept on the injected clock. p-retry's own delay is zero
 * (`minTimeout: 0`) so every wait goes through `clock.sleep` and fake clocks drive it.
 * Errors classified `fail` or `skip` are wrapped in p-retry's AbortError: never retried.
 */
export async function runTask(options: RunTaskOptions): Promise<TaskOutcome> {
  const { policy, clock, random, signal } = options;
  let lastAttempt = 0;
  try {
    const result = await pRetry(
      async (n) => {
        const gate = options.beforeAttempt(n);
        signal.throwIfAborted();
        if ('deferReason' in gate) throw new AbortError(new Deferral(gate.deferReason));
        lastAttempt = gate.attempt;
        try {
          return await runWithTimeout((s) => options.attempt(gate.attempt, s), {
            taskId: options.taskId,
            timeoutMs: options.timeoutMs,
            clock,
            parent: signal,
          });
        } catch (error) {
          signal.throwIfAborted();
          const verdict = classifyError(error);
          const failure = new AttemptFailure(error, verdict);
          throw verdict === 'retryable' ? failure : new AbortError(failure);
        }
      },
      {
        // Each run grants the policy's maxAttempts, whatever earlier runs used (the record's
        // `attempts` still counts them all): an attempt cut short by a crash, the budget or a
        // stop says nothing about whether the task can succeed. A task that really failed is
        // terminal and is not retried on resume; only `reopenTasks` (the retry command) brings
        // it back. A task that crashes the process every time is bounded by the resume window.
        retries: policy.retry.maxAttempts - 1,
        minTimeout: 0,
        signal,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft <= 0) return;
          const delayMs = fullJitterDelayMs(policy.retry, attemptNumber, random);
          options.onRetry({ attempt: lastAttempt, delayMs, error: error instanceof AttemptFailure ? error.original : error });
          await clock.sleep(delayMs, signal);
        },
      },
    );
    return { kind: 'succeeded', result };
  } catch (error) {
    if (signal.aborted) return { kind: 'interrupted', reason: signal.reason };
    if (error instanceof Deferral) return { kind: 'deferred', reason: error.message };
    if (error instanceof AttemptFailure) {
      return error.verdict === 'skip' ? { kind: 'skipped', error: error.original } : { kind: 'failed', error: error.original };
    }
    return { kind: 'failed', error };
  }
}
