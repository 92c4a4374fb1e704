import type { BreakerState, ExecutionManifest } from '../records/state.js';
import type { BreakerPolicy } from './types.js';

/**
 * Pure circuit-breaker transitions over the checkpointed `BreakerState`, so a breaker survives
 * across runs of an execution. Counting is per finished task, not per attempt: retries are the
 * retry policy's business, and one task that needs three attempts is not three outages.
 *
 *   closed ──(failureThreshold consecutive failed tasks)──▶ open
 *   open ──(recoveryTimeMs elapsed, at the next admission)──▶ half-open (one trial task)
 *   half-open ──success──▶ closed      half-open ──failure──▶ open (clock restarts)
 */

/** A breaker that has never seen a failure. */
export function initialBreakerState(): BreakerState {
  return { state: 'closed', consecutiveFailures: 0 };
}

/** What the breaker says about starting one more task behind it. */
export type BreakerDecision =
  /** Go; `state` is the state to store (it moves open → half-open when recovery time is over). */
  | { kind: 'admit'; state: BreakerState; trial: boolean }
  /** Half-open and its one trial is still running: wait for the trial's outcome. */
  | { kind: 'wait' }
  /** Open: skip the task. `retryAt` is epoch ms when a trial will be allowed. */
  | { kind: 'reject'; retryAt: number };

/**
 * @param now epoch ms
 * @param trialInFlight whether this run already has a trial task running behind the breaker
 */
export function decide(state: BreakerState, policy: BreakerPolicy, now: number, trialInFlight: boolean): BreakerDecision {
  switch (state.state) {
    case 'closed':
      return { kind: 'admit', state, trial: false };
    case 'half-open':
      // A half-open state found without a trial in flight was left by an earlier run: allow one.
      return trialInFlight ? { kind: 'wait' } : { kind: 'admit', state, trial: true };
    case 'open': {
      const retryAt = Date.parse(state.openedAt) + policy.recoveryTimeMs;
      if (now < retryAt) return { kind: 'reject', retryAt };
      if (trialInFlight) return { kind: 'wait' };
      return { kind: 'admit', state: { state: 'half-open', consecutiveFailures: state.consecutiveFailures }, trial: true };
    }
  }
}

/** A task behind the breaker succeeded (or the service answered, e.g. a classified skip). */
export function recordSuccess(state: BreakerState): BreakerState {
  // Outcomes of tasks that started before the breaker opened say nothing about recovery.
  if (state.state === 'open') return state;
  return state.consecutiveFailures === 0 && state.state === 'closed' ? state : initialBreakerState();
}

/** A task behind the breaker failed (after its retries). */
export function recordFailure(state: BreakerState, policy: BreakerPolicy, now: number, error?: string): BreakerState {
  const consecutiveFailures = state.consecutiveFailures + 1;
  const open = (): BreakerState => ({
    state: 'open',
    consecutiveFailures,
    openedAt: new Date(now).toISOString(),
    ...(error === undefined ? {} : { lastError: error }),
  });
  switch (state.state) {
    case 'closed':
      return consecutiveFailures >= policy.failureThreshold ? open() : { state: 'closed', consecutiveFailures };
    case 'half-open':
      return open();
    case 'open':
      return state;
  }
}

/**
 * Closes breakers (the `reset-breakers` command): the one named `key`, or all when omitted.
 * Mutates `manifest.breakers`; the caller persists it.
 * @returns the keys that were reset
 */
export function resetBreakers(manifest: Pick<ExecutionManifest, 'breakers'>, key?: string): string[] {
  const keys = key === undefined ? Object.keys(manifest.breakers) : key in manifest.breakers ? [key] : [];
  for (const k of keys) manifest.breakers[k] = initialBreakerState();
  return keys;
}
