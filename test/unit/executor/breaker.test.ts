import { describe, expect, it } from 'vitest';
import { decide, initialBreakerState, recordFailure, recordSuccess, resetBreakers } from '../../../src/executor/breaker.js';
import { breakerStateSchema, type BreakerState } from '../../../src/records/state.js';

const policy = { failureThreshold: 2, recoveryTimeMs: 60_000 };
const T0 = Date.parse('2026-11-25T06:00:00Z');

describe('breaker transitions', () => {
  it('opens after failureThreshold consecutive failures, not before', () => {
    const one = recordFailure(initialBreakerState(), policy, T0, 'boom');
    expect(one).toEqual({ state: 'closed', consecutiveFailures: 1 });
    const two = recordFailure(one, policy, T0 + 5, 'boom');
    expect(two).toEqual({ state: 'open', consecutiveFailures: 2, openedAt: new Date(T0 + 5).toISOString(), lastError: 'boom' });
    expect(breakerStateSchema.parse(two)).toEqual(two);
  });

  it('resets the count on success', () => {
    const one = recordFailure(initialBreakerState(), policy, T0);
    expect(recordSuccess(one)).toEqual({ state: 'closed', consecutiveFailures: 0 });
    expect(recordFailure(recordSuccess(one), policy, T0)).toEqual({ state: 'closed', consecutiveFailures: 1 });
  });

  it('rejects while open and names when it retries', () => {
    const open: BreakerState = { state: 'open', consecutiveFailures: 2, openedAt: new Date(T0).toISOString() };
    expect(decide(open, policy, T0 + 59_999, false)).toEqual({ kind: 'reject', retryAt: T0 + 60_000 });
  });

  it('allows exactly one trial after the recovery time', () => {
    const open: BreakerState = { state: 'open', consecutiveFailures: 2, openedAt: new Date(T0).toISOString() };
    const trial = decide(open, policy, T0 + 60_000, false);
    expect(trial).toEqual({ kind: 'admit', trial: true, state: { state: 'half-open', consecutiveFailures: 2 } });
    expect(decide(open, policy, T0 + 60_000, true)).toEqual({ kind: 'wait' });
    const halfOpen: BreakerState = { state: 'half-open', consecutiveFailures: 2 };
    expect(decide(halfOpen, policy, T0, true)).toEqual({ kind: 'wait' });
    expect(decide(halfOpen, policy, T0, false)).toEqual({ kind: 'admit', trial: true, state: halfOpen });
  });

  it('closes on a trial success and re-opens on a trial failure', () => {
    const halfOpen: BreakerState = { state: 'half-open', consecutiveFailures: 2 };
    expect(recordSuccess(halfOpen)).toEqual({ state: 'closed', consecutiveFailures: 0 });
    expect(recordFailure(halfOpen, policy, T0 + 1000)).toEqual({
      state: 'open',
      consecutiveFailures: 3,
      openedAt: new Date(T0 + 1000).toISOString(),
    });
  });

  it('ignores late outcomes while open', () => {
    const open: BreakerState = { state: 'open', consecutiveFailures: 2, openedAt: new Date(T0).toISOString() };
    expect(recordSuccess(open)).toBe(open);
    expect(recordFailure(open, policy, T0 + 10)).toBe(open);
  });

  it('admits freely while closed', () => {
    expect(decide(initialBreakerState(), policy, T0, true)).toMatchObject({ kind: 'admit', trial: false });
  });
});

describe('resetBreakers', () => {
  const manifest = () => ({
    breakers: {
      'cost-analysis': { state: 'open', consecutiveFailures: 3, openedAt: new Date(T0).toISOString() } as BreakerState,
      'aws:ce': { state: 'half-open', consecutiveFailures: 3 } as BreakerState,
    },
  });

  it('resets one key', () => {
    const m = manifest();
    expect(resetBreakers(m, 'aws:ce')).toEqual(['aws:ce']);
    expect(m.breakers['aws:ce']).toEqual({ state: 'closed', consecutiveFailures: 0 });
    expect(m.breakers['cost-analysis']?.state).toBe('open');
  });

  it('resets all, and nothing for an unknown key', () => {
    const m = manifest();
    expect(resetBreakers(m, 'nope')).toEqual([]);
    expect(resetBreakers(m)).toEqual(['cost-analysis', 'aws:ce']);
    expect(Object.values(m.breakers).every((b) => b.state === 'closed')).toBe(true);
  });
});
