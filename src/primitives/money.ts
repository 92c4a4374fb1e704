/**
 * Rounds an amount of money to cents, half up. `Number.EPSILON` is added first so amounts whose
 * binary form falls just below a half cent still round up as written (1.005 → 1.01,
 * 0.1 + 0.2 → 0.3). Every USD amount the analysis and the report produce goes through here.
 *
 * @param value An amount in USD (any currency with cents rounds the same way).
 * @returns The amount in whole cents, as a number with at most two decimals.
 */
export function roundUsd(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
