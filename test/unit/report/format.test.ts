import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDuration,
  formatPercent,
  formatPeriod,
  formatUsd,
  formatUsdChange,
  formatUsdCompact,
  formatUsdSigned,
  percentChange,
} from '../../../src/report/format.js';

describe('formatUsd', () => {
  it.each([
    [1234.56, '$1,234.56'],
    [-12, '-$12.00'],
    [0, '$0.00'],
    [-0.001, '$0.00'],
    [0.005, '$0.01'],
    [1_000_000, '$1,000,000.00'],
    [0.1 + 0.2, '$0.30'],
    [999.999, '$1,000.00'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, 'n/a'],
  ])('%s → %s', (amount, expected) => {
    expect(formatUsd(amount)).toBe(expected);
  });
});

describe('formatUsdChange', () => {
  it.each([
    [12.3, 273.33, '+$12.30 (+4.5%)'],
    [-12.3, 273.33, '−$12.30 (−4.5%)'],
    [5, 0, '+$5.00 (n/a)'],
    [0, 100, '$0.00 (0.0%)'],
    [0.004, 100, '$0.00 (0.0%)'],
    [-42.17, 42.17, '−$42.17 (−100.0%)'],
    [1500, 1000, '+$1,500.00 (+150.0%)'],
  ])('change %s on base %s → %s', (change, base, expected) => {
    expect(formatUsdChange(change, base)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [4.5, {}, '4.5%'],
    [-4.5, {}, '-4.5%'],
    [4.5, { signed: true }, '+4.5%'],
    [-4.5, { signed: true }, '−4.5%'],
    [-0.01, { signed: true }, '0.0%'],
    [12.345, { digits: 2 }, '12.35%'],
    [null, {}, 'n/a'],
    [Number.NaN, {}, 'n/a'],
  ] as const)('%s %j → %s', (value, options, expected) => {
    expect(formatPercent(value, options)).toBe(expected);
  });

  it('has no percentage for a change from zero', () => {
    expect(percentChange(10, 0)).toBeNull();
    expect(percentChange(-5, 20)).toBe(-25);
  });
});

describe('other formatters', () => {
  it('formats dates in UTC whatever the host zone', () => {
    expect(formatDate('2026-11-25')).toBe('2026-11-25');
    expect(formatDate('2026-11-25T06:14:37.000Z')).toBe('2026-11-25 06:14 UTC');
    expect(formatDate('2026-11-25T08:14:37+02:00')).toBe('2026-11-25 06:14 UTC');
    expect(formatDate(new Date(Date.UTC(2026, 0, 2, 3, 4)))).toBe('2026-01-02 03:04 UTC');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('shows periods with their inclusive last day', () => {
    expect(formatPeriod({ start: '2026-11-01', end: '2026-11-25' })).toBe('2026-11-01 → 2026-11-24');
    expect(formatPeriod({ start: '2026-10-01', end: '2026-11-01' })).toBe('2026-10-01 → 2026-10-31');
    expect(formatPeriod({ start: '2026-11-01', end: '2026-11-02' })).toBe('2026-11-01');
    expect(formatPeriod({ start: '2024-03-01', end: '2024-03-01' })).toBe('2024-03-01');
  });

  it.each([
    [null, '—'],
    [850, '850 ms'],
    [12_340, '12.3 s'],
    [245_000, '4m 05s'],
    [3_720_000, '1h 02m'],
  ])('duration %s → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it('formats counts, signed and compact amounts', () => {
    expect(formatCount(50_000)).toBe('50,000');
    expect(formatUsdSigned(-3)).toBe('−$3.00');
    expect(formatUsdSigned(0.001)).toBe('$0.00');
    expect(formatUsdCompact(1250)).toBe('$1.3k');
    expect(formatUsdCompact(500)).toBe('$500');
    expect(formatUsdCompact(2_500_000)).toBe('$2.5M');
    expect(formatUsdCompact(2.5)).toBe('$2.5');
  });
});
