import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, resolvePolicy, validatePolicySet } from '../../../src/executor/policy.js';

describe('policy', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_POLICY).toEqual({
      retry: { maxAttempts: 3, initialDelayMs: 1000, backoffCoefficient: 2, maxDelayMs: 20_000 },
      breaker: { failureThreshold: 3, recoveryTimeMs: 300_000 },
      timeoutMs: 300_000,
    });
  });

  it('merges a type override field by field onto the default', () => {
    const set = { default: DEFAULT_POLICY, byType: { 'cost-analysis': { retry: { maxAttempts: 5 }, timeoutMs: 60_000 } } };
    expect(resolvePolicy(set, 'cost-analysis')).toEqual({
      retry: { ...DEFAULT_POLICY.retry, maxAttempts: 5 },
      breaker: DEFAULT_POLICY.breaker,
      timeoutMs: 60_000,
    });
    expect(resolvePolicy(set, 'ec2-inventory')).toBe(DEFAULT_POLICY);
  });

  it.each([
    [{ default: { ...DEFAULT_POLICY, timeoutMs: 0 } }, /policy\.default\.timeoutMs must be a number from 1 to 2147483647, got 0/],
    [
      { default: DEFAULT_POLICY, byType: { ce: { retry: { maxAttempts: 0 } } } },
      /policy\.byType\["ce"\]\.retry\.maxAttempts must be an integer from 1 to 100, got 0/,
    ],
    [{ default: DEFAULT_POLICY, byType: { ce: { retry: { maxAttempts: 1.5 } } } }, /maxAttempts must be an integer .* got 1\.5/],
    [
      { default: DEFAULT_POLICY, byType: { ce: { retry: { backoffCoefficient: 0.5 } } } },
      /retry\.backoffCoefficient must be a number from 1 to 100, got 0\.5/,
    ],
    [{ default: DEFAULT_POLICY, byType: { ce: { breaker: { failureThreshold: 0 } } } }, /breaker\.failureThreshold must be an integer/],
    [
      { default: DEFAULT_POLICY, byType: { ce: { retry: { initialDelayMs: Number.NaN } } } },
      /retry\.initialDelayMs must be a number .* got NaN/,
    ],
  ])('rejects %j naming the option', (set, message) => {
    expect(() => validatePolicySet(set)).toThrow(RangeError);
    expect(() => validatePolicySet(set)).toThrow(message);
  });

  it('accepts the defaults', () => {
    expect(() => validatePolicySet({ default: DEFAULT_POLICY })).not.toThrow();
  });
});
