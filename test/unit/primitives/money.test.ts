import { describe, expect, it } from 'vitest';
import { roundUsd } from '../../../src/primitives/money.js';

describe('roundUsd', () => {
  it.each([
    [0, 0],
    [12.344, 12.34],
    [12.345, 12.35],
    [0.1 + 0.2, 0.3],
    // 1.005 is stored as 1.00499999999999989...: it still rounds up, as written.
    [1.005, 1.01],
    [1_234_567.891, 1_234_567.89],
    [-2.5, -2.5],
  ])('rounds %d to %d', (value, cents) => {
    expect(roundUsd(value)).toBe(cents);
  });
});
