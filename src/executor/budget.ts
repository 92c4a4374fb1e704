import type { TaskRecord } from '../records/state.js';

/**
 * The run's time budget. Work may be started only when it is expected to end before
 * `stopAt`; at `stopAt` in-flight work is aborted so the checkpoint lands before the job dies.
 */
export interface Budget {
  /** Epoch ms of the hard stop (`deadline - safetyMarginMs`); undefined without a deadline. */
  readonly stopAt: number | undefined;
  /** Whether work expected to take `estimateMs` from `now` ends before the hard stop. */
  fits(now: number, estimateMs: number): boolean;
}

/**
 * @param deadline epoch ms when the job's time is up; undefined for no budget
 * @param safetyMarginMs time kept for checkpointing and publishing after the hard stop, in ms
 */
export function createBudget(deadline: number | undefined, safetyMarginMs: number): Budget {
  if (deadline === undefined) return { stopAt: undefined, fits: () => true };
  const stopAt = deadline - safetyMarginMs;
  return { stopAt, fits: (now, estimateMs) => now + estimateMs <= stopAt };
}

/**
 * Expected duration of a task, by type: the longest duration observed in this execution
 * (earlier runs included), else the task's per-attempt timeout. The longest, not the mean,
 * because starting a task that the hard stop then aborts wastes both the work and an attempt.
 */
export class DurationEstimator {
  private readonly longest = new Map<string, number>();

  /** Seeds from the durations recorded by earlier runs. */
  static fromRecords(records: Iterable<TaskRecord>): DurationEstimator {
    const estimator = new DurationEstimator();
    for (const r of records) {
      if (r.durationMs !== undefined && (r.status === 'succeeded' || r.status === 'failed')) estimator.observe(r.type, r.durationMs);
    }
    return estimator;
  }

  /** @param durationMs how long a finished task of `type` took, in ms */
  observe(type: string, durationMs: number): void {
    this.longest.set(type, Math.max(durationMs, this.longest.get(type) ?? 0));
  }

  /** @returns ms */
  estimate(type: string, timeoutMs: number): number {
    return this.longest.get(type) ?? timeoutMs;
  }
}

/**
 * Why a task of `type` may not start now, or `undefined` when it fits before the hard stop.
 * @param timeoutMs the task's per-attempt timeout, the estimate before any duration is known
 */
export function budgetRefusal(
  budget: Budget,
  estimator: DurationEstimator,
  type: string,
  timeoutMs: number,
  now: number,
): string | undefined {
  const estimate = estimator.estimate(type, timeoutMs);
  if (budget.fits(now, estimate)) return undefined;
  const left = Math.max(0, (budget.stopAt ?? now) - now);
  return `needs about ${seconds(estimate)} and ${seconds(left)} remain before the time budget's hard stop; the next run resumes it`;
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}
