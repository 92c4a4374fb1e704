import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../src/aws/ports/index.js';
import { readMetricsResult, type MetricsResult } from '../../../src/analysis/metrics/types.js';
import { lastDays, peakOfSum, statsFrom, windowFrom } from '../../../src/analysis/metrics/window.js';

const START = '2026-11-11T00:00:00.000Z';
const END = '2026-11-25T00:00:00.000Z';
const DAY = 86_400_000;
const day = (n: number) => new Date(Date.parse(START) + n * DAY).toISOString();
const series = (values: Array<number | null>, start = START): MetricSeries => ({
  start,
  periodSeconds: 86_400,
  values,
  status: 'Complete',
});
const result = (all: Record<string, MetricSeries>): MetricsResult => ({
  region: 'us-east-1',
  start: START,
  end: END,
  days: 14,
  queries: Object.keys(all).length,
  series: all,
});

describe('metric series over the last days of the window', () => {
  const values = [9, ...new Array<number | null>(9).fill(1), 2, null, 4, 3];

  it('counts, sums and takes the maximum of the datapoints of the last days only, skipping days without one', () => {
    const metrics = result({ s: series(values) });
    expect(lastDays(metrics, 's', 14)).toEqual({ days: 13, sum: 27, max: 9 });
    expect(lastDays(metrics, 's', 4)).toEqual({ days: 3, sum: 9, max: 4 });
    expect(lastDays(metrics, 's', 1)).toEqual({ days: 1, sum: 3, max: 3 });
  });

  it('boundary: a lookback longer than the window reads the whole window; a series without datapoints has none', () => {
    expect(lastDays(result({ s: series(values) }), 's', 30)).toEqual({ days: 13, sum: 27, max: 9 });
    expect(lastDays(result({ s: series(new Array(14).fill(null)) }), 's', 14)).toEqual({ days: 0, sum: 0, max: Number.NEGATIVE_INFINITY });
  });

  it('is undefined for a series that was not queried, or without metrics', () => {
    expect(lastDays(result({}), 's', 14)).toBeUndefined();
    expect(lastDays(undefined, 's', 14)).toBeUndefined();
  });

  it('reads a series that starts later than the window by its own start', () => {
    const late = series([5, 6], day(12));
    const metrics = result({ late });
    expect(lastDays(metrics, 'late', 1)).toEqual({ days: 1, sum: 6, max: 6 });
    expect(statsFrom(late, windowFrom(metrics, 14))).toEqual({ days: 2, sum: 11, max: 6 });
  });
});

describe('peak of two series summed per day', () => {
  const from = Date.parse(END) - 3 * DAY;

  it('adds the two on each day, a missing datapoint counting 0, over the days either has one', () => {
    const a = series([...new Array(11).fill(100), 1, null, 2]);
    const b = series([...new Array(11).fill(100), 1, 5, null]);
    expect(peakOfSum(a, b, from)).toBe(5);
    expect(peakOfSum(a, undefined, from)).toBe(2);
    expect(peakOfSum(undefined, b, from)).toBe(5);
  });

  it('is 0 when neither has a datapoint in the days read', () => {
    expect(peakOfSum(series(new Array(14).fill(null)), series([...new Array(11).fill(7), null, null, null]), from)).toBe(0);
  });

  it('matches days by time when the two series start on different days', () => {
    const a = series([...new Array(11).fill(0), 1, 2, 3]);
    const shifted = series([10, 20, 30], day(11)); // b's day 0 is a's day 11
    expect(peakOfSum(a, shifted, from)).toBe(33);
    expect(peakOfSum(shifted, a, from)).toBe(33);
  });
});

describe('readMetricsResult', () => {
  it('puts a stored result with a timestamp per datapoint on the daily grid', () => {
    const stored = result({}) as unknown as { series: Record<string, unknown> };
    stored.series['i-1|CPUUtilization|Maximum'] = {
      timestamps: [day(0), day(2), day(13), day(14)],
      values: [1, 3, 14, 15],
      status: 'PartialData',
    };
    stored.series['i-1|NetworkIn|Sum'] = series([...new Array(13).fill(null), 7]);
    const read = readMetricsResult(stored as unknown as MetricsResult)!;
    expect(read.series['i-1|CPUUtilization|Maximum']).toEqual({
      start: START,
      periodSeconds: 86_400,
      values: [1, null, 3, ...new Array(10).fill(null), 14],
      status: 'PartialData',
    });
    expect(read.series['i-1|NetworkIn|Sum']).toBe(stored.series['i-1|NetworkIn|Sum']);
  });

  it('leaves a current result as it is', () => {
    const current = result({ s: series(new Array(14).fill(1)) });
    expect(readMetricsResult(current)).toBe(current);
    expect(readMetricsResult(undefined)).toBeUndefined();
  });
});
