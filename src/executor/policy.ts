import type { BreakerPolicy, RetryPolicy, TaskPolicy } from './types.js';

/** Per-type changes to the default policy; anything left out keeps the default. */
export interface TaskPolicyOverride {
  retry?: Partial<RetryPolicy>;
  breaker?: Partial<BreakerPolicy>;
  /** Per-attempt timeout in ms. */
  timeoutMs?: number;
}

/** The default policy plus overrides by task type (e.g. Cost Explorer's strict rate limit). */
export interface PolicySet {
  default: TaskPolicy;
  byType?: Readonly<Record<string, TaskPolicyOverride>>;
}

/** Defaults, in the units the names say; see `TaskPolicy` for each field. */
export const DEFAULT_POLICY: TaskPolicy = Object.freeze({
  retry: Object.freeze({ maxAttempts: 3, initialDelayMs: 1000, backoffCoefficient: 2, maxDelayMs: 20_000 }),
  breaker: Object.freeze({ failureThreshold: 3, recoveryTimeMs: 300_000 }),
  timeoutMs: 300_000,
});

export const DEFAULT_POLICY_SET: PolicySet = Object.freeze({ default: DEFAULT_POLICY });

/** Timers cannot hold a longer delay (2^31-1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The effective policy of a task type: the default with the type's override applied. */
export function resolvePolicy(set: PolicySet, type: string): TaskPolicy {
  const override = set.byType?.[type];
  if (!override) return set.default;
  return {
    retry: { ...set.default.retry, ...override.retry },
    breaker: { ...set.default.breaker, ...override.breaker },
    timeoutMs: override.timeoutMs ?? set.default.timeoutMs,
  };
}

/**
 * Validates every policy in the set (the default, then each override merged onto it).
 * @throws RangeError naming the option and the value, e.g.
 *   `policy.byType["ce"].retry.maxAttempts must be an integer from 1 to 100, got 0`
 */
export function validatePolicySet(set: PolicySet): void {
  validatePolicy(set.default, 'policy.default');
  for (const type of Object.keys(set.byType ?? {})) {
    validatePolicy(resolvePolicy(set, type), `policy.byType[${JSON.stringify(type)}]`);
  }
}

function validatePolicy(policy: TaskPolicy, where: string): void {
  const { retry, breaker } = policy;
  integer(`${where}.retry.maxAttempts`, retry.maxAttempts, 1, 100);
  number(`${where}.retry.initialDelayMs`, retry.initialDelayMs, 0, MAX_TIMER_MS);
  number(`${where}.retry.backoffCoefficient`, retry.backoffCoefficient, 1, 100);
  number(`${where}.retry.maxDelayMs`, retry.maxDelayMs, 0, MAX_TIMER_MS);
  integer(`${where}.breaker.failureThreshold`, breaker.failureThreshold, 1, 1000);
  number(`${where}.breaker.recoveryTimeMs`, breaker.recoveryTimeMs, 0, MAX_TIMER_MS);
  number(`${where}.timeoutMs`, policy.timeoutMs, 1, MAX_TIMER_MS);
}

/** @throws RangeError naming `option` unless `value` is a number in [min, max]. */
export function number(option: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
    throw new RangeError(`${option} must be a number from ${min} to ${max}, got ${String(value)}`);
  }
}

/** @throws RangeError naming `option` unless `value` is an integer in [min, max]. */
export function integer(option: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${option} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}
