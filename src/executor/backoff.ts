import type { RetryPolicy } from './types.js';

/**
 * Upper bound of the backoff before retry `n` (1 = the retry after the first failure), in ms:
 * `min(maxDelayMs, initialDelayMs × backoffCoefficient^(n-1))`.
 */
export function backoffBoundMs(retry: Pick<RetryPolicy, 'initialDelayMs' | 'backoffCoefficient' | 'maxDelayMs'>, n: number): number {
  const grown = retry.initialDelayMs * retry.backoffCoefficient ** Math.max(0, n - 1);
  // A huge n overflows to Infinity; the cap keeps it finite.
  return Math.min(retry.maxDelayMs, grown);
}

/**
 * Full-jitter delay before retry `n`, in whole ms: uniform in `[0, bound)`. Full jitter spreads
 * the retries of many tasks throttled at once, so they do not hit the API again in lock-step.
 * Whole milliseconds because timers have no finer resolution.
 * @param random returns a number in [0, 1); tests inject a seeded one.
 */
export function fullJitterDelayMs(
  retry: Pick<RetryPolicy, 'initialDelayMs' | 'backoffCoefficient' | 'maxDelayMs'>,
  n: number,
  random: () => number,
): number {
  return Math.floor(random() * backoffBoundMs(retry, n));
}
