import type { MetricSeries } from '../../aws/ports.js';

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
  /** Series by {@link seriesKey}. */
  series: Record<string, MetricSeries>;
}

/** Key of one resource's metric statistic in {@link MetricsResult.series}. */
export function seriesKey(resourceId: string, metricName: string, stat: string): string {
  return `${resourceId}|${metricName}|${stat}`;
}

/**
 * The daily values of the last `lookbackDays` days of the window (missing days are absent).
 * Undefined when the metrics task did not run or returned nothing for this series.
 */
export function lastDays(metrics: MetricsResult | undefined, key: string, lookbackDays: number): number[] | undefined {
  const series = metrics?.series[key];
  if (!metrics || !series) return undefined;
  const from = Date.parse(metrics.end) - lookbackDays * 86_400_000;
  const values: number[] = [];
  series.timestamps.forEach((t, i) => {
    if (Date.parse(t) >= from) values.push(series.values[i]!);
  });
  return values;
}
