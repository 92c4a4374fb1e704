import type { MetricSeries } from './ports/index.js';

/** Periods of `periodSeconds` that start in [startMs, endMs). */
export function periodCount(startMs: number, endMs: number, periodSeconds: number): number {
  return Math.max(0, Math.ceil((endMs - startMs) / (periodSeconds * 1000)));
}

/** A series of [start, end) without any datapoint. */
export function emptySeries(start: string, end: string, periodSeconds: number, status = 'Complete'): MetricSeries {
  const count = periodCount(Date.parse(start), Date.parse(end), periodSeconds);
  return { start, periodSeconds, values: new Array<number | null>(count).fill(null), status };
}

/**
 * A series of [start, end) to fill with {@link putDatapoint}. Its empty periods hold NaN until
 * {@link closeSeries}: an array of numbers only keeps them unboxed, where a single null would
 * box every value of it (tens of thousands of series per region).
 */
export function openSeries(start: string, end: string, periodSeconds: number): MetricSeries {
  const count = periodCount(Date.parse(start), Date.parse(end), periodSeconds);
  return { start, periodSeconds, values: new Array<number>(count).fill(Number.NaN), status: 'Complete' };
}

/** Periods still without a datapoint become null. */
export function closeSeries(series: MetricSeries): MetricSeries {
  if (series.values.includes(Number.NaN)) series.values = series.values.map((v) => (v !== null && Number.isNaN(v) ? null : v));
  return series;
}

/**
 * Puts one datapoint into the period that contains `timeMs`. CloudWatch's timestamps are the
 * starts of periods counted from the request's start, but a datapoint off that grid still
 * belongs to the period it falls in. Outside the series' window it is dropped (false).
 */
export function putDatapoint(series: MetricSeries, startMs: number, timeMs: number, value: number): boolean {
  const index = Math.floor((timeMs - startMs) / (series.periodSeconds * 1000));
  if (!(index >= 0 && index < series.values.length)) return false;
  series.values[index] = value;
  return true;
}

/** The start of period `index` of a series whose start is `startMs`, in epoch ms. */
export function periodStartMs(series: MetricSeries, startMs: number, index: number): number {
  return startMs + index * series.periodSeconds * 1000;
}
