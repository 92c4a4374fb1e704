import type { MetricSeries } from '../../aws/ports/index.js';

/** Resource families whose CloudWatch metrics the checks read. */
export type MetricFamily = 'ec2' | 'nat' | 'elb' | 'rds';

/** Result of a `metrics:{region}` task: daily series over one window. */
export interface MetricsResult {
  region: string;
  /** Window [start, end) as ISO instants; end is today 00:00 UTC, so only complete days. */
  start: string;
  end: string;
  days: number;
  /** Queries sent (CloudWatch requests = ceil(queries / 500) plus any NextToken pages). */
  queries: number;
  /** Series by {@link seriesKey}, each one value (or null) per day of the window. */
  series: Record<string, MetricSeries>;
}

/** Key of one resource's metric statistic in {@link MetricsResult.series}. */
export function seriesKey(resourceId: string, metricName: string, stat: string): string {
  return `${resourceId}|${metricName}|${stat}`;
}

/** How series were stored before they were kept on a grid: a timestamp per datapoint. */
interface TimestampedSeries {
  timestamps: string[];
  values: number[];
  status: string;
}

/**
 * A stored `metrics:{region}` result as the checks read it. A result written by an earlier
 * version (timestamps per datapoint) can still be resumed from: its series are put on the
 * window's daily grid here, once.
 */
export function readMetricsResult(result: MetricsResult | undefined): MetricsResult | undefined {
  if (!result || !isTimestamped(result)) return result;
  const startMs = Date.parse(result.start);
  const series: Record<string, MetricSeries> = {};
  for (const [key, s] of Object.entries(result.series as Record<string, MetricSeries | TimestampedSeries>)) {
    if (!('timestamps' in s)) {
      series[key] = s;
      continue;
    }
    const values = new Array<number | null>(result.days).fill(null);
    s.timestamps.forEach((t, i) => {
      const day = Math.floor((Date.parse(t) - startMs) / 86_400_000);
      if (day >= 0 && day < values.length) values[day] = s.values[i]!;
    });
    series[key] = { start: result.start, periodSeconds: 86_400, values, status: s.status };
  }
  return { ...result, series };
}

/** One task wrote every series of a result, so the first tells the layout of all. */
function isTimestamped(result: MetricsResult): boolean {
  for (const key in result.series) return 'timestamps' in result.series[key]!;
  return false;
}
