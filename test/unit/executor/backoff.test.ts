import { describe, expect, it } from 'vitest';
import { backoffBoundMs, fullJitterDelayMs } from '../../../src/executor/backoff.js';
import { seeded } from './helpers.js';

const retry = { initialDelayMs: 1000, backoffCoefficient: 2, maxDelayMs: 20_000 };

describe('backoff', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [5, 16_000],
    [6, 20_000],
    [1000, 20_000],
  ])('bounds retry %i by %i ms', (n, bound) => {
    expect(backoffBoundMs(retry, n)).toBe(bound);
  });

  it('draws full jitter in [0, bound)', () => {
    const random = seeded(7);
    for (let n = 1; n <= 8; n++) {
      for (let i = 0; i < 50; i++) {
        const delay = fullJitterDelayMs(retry, n, random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(backoffBoundMs(retry, n));
      }
    }
  });

  it('scales the random draw by the bound, in whole ms', () => {
    expect(fullJitterDelayMs(retry, 3, () => 0.5)).toBe(2000);
    expect(fullJitterDelayMs(retry, 1, () => 0.99999)).toBe(999);
    expect(fullJitterDelayMs(retry, 3, () => 0)).toBe(0);
  });
});
