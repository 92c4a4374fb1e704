import type { MetricSeries } from '../../aws/ports/index.js';
import type { MetricsResult } from './types.js';

const DAY_MS = 86_400_000;

/** The datapoints of one series over the last days of the window, summed up. */
export interface DailyStats {
  /** Days with a datapoint. */
  days: number;
  sum: number;
  /** Largest datapoint; -Infinity when there is none. */
  max: number;
}

// The checks read tens of thousands of series that all start at the window's start: the
// instant is parsed once, not once per series.
let parsedStart = '';
let parsedStartMs = Number.NaN;
function startMsOf(series: MetricSeries): number {
  if (series.start !== parsedStart) {
    parsedStartMs = Date.parse(series.start);
    parsedStart = series.start;
  }
  return parsedStartMs;
}

/** Start of the last `lookbackDays` days of the window, in epoch ms. */
export function windowFrom(metrics: MetricsResult, lookbackDays: number): number {
  return Date.parse(metrics.end) - lookbackDays * DAY_MS;
}

/** Index of the first period of `series` that starts at or after `fromMs`. */
function firstIndex(series: MetricSeries, fromMs: number): number {
  const index = Math.ceil((fromMs - startMsOf(series)) / (series.periodSeconds * 1000));
  return index > 0 ? index : 0;
}

/** Index of the period of `series` that starts exactly at `timeMs`, or -1. */
function periodAt(series: MetricSeries, seriesStartMs: number, timeMs: number): number {
  const index = (timeMs - seriesStartMs) / (series.periodSeconds * 1000);
  return Number.isInteger(index) && index >= 0 && index < series.values.length ? index : -1;
}

/**
 * Count, sum and maximum of the datapoints of `series` in periods from `fromMs` on, added to
 * `stats` (so several series can be totalled in datapoint order).
 */
export function statsFrom(
  series: MetricSeries | undefined,
  fromMs: number,
  stats: DailyStats = { days: 0, sum: 0, max: Number.NEGATIVE_INFINITY },
): DailyStats {
  if (!series) return stats;
  const values = series.values;
  for (let i = firstIndex(series, fromMs); i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    stats.days++;
    stats.sum += value;
    if (value > stats.max) stats.max = value;
  }
  return stats;
}

/**
 * The datapoints of the last `lookbackDays` days of the window (missing days not counted).
 * Undefined when the metrics task did not run or did not query this series.
 */
export function lastDays(metrics: MetricsResult | undefined, key: string, lookbackDays: number): DailyStats | undefined {
  const series = metrics?.series[key];
  if (!metrics || !series) return undefined;
  return statsFrom(series, windowFrom(metrics, lookbackDays));
}

/**
 * The largest `a + b` over the periods from `fromMs` on in which either series has a datapoint
 * (the other's missing one counts 0); 0 when neither has any. Periods are matched by their
 * start time, so two series need not share a grid.
 */
export function peakOfSum(a: MetricSeries | undefined, b: MetricSeries | undefined, fromMs: number): number {
  let peak = 0;
  const aStart = a ? startMsOf(a) : 0;
  const bStart = b ? startMsOf(b) : 0;
  if (a) {
    const periodMs = a.periodSeconds * 1000;
    for (let i = firstIndex(a, fromMs); i < a.values.length; i++) {
      const j = b ? periodAt(b, bStart, aStart + i * periodMs) : -1;
      const va = a.values[i] ?? null;
      const vb = j === -1 ? null : (b!.values[j] ?? null);
      if (va !== null || vb !== null) peak = Math.max(peak, (va ?? 0) + (vb ?? 0));
    }
  }
  if (b) {
    const periodMs = b.periodSeconds * 1000;
    for (let j = firstIndex(b, fromMs); j < b.values.length; j++) {
      const vb = b.values[j] ?? null;
      // A period `a` also has was counted with it above.
      if (vb !== null && (!a || periodAt(a, aStart, bStart + j * periodMs) === -1)) peak = Math.max(peak, vb);
    }
  }
  return peak;
}
