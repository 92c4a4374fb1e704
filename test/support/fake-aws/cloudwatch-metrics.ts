import { emptySeries } from '../../../src/aws/cloudwatch-series.js';
import type { MetricQuery, MetricSeries } from '../../../src/aws/ports/index.js';
import { FakeAwsError } from './wire.js';

const DAY_SECONDS = 86_400;

/** A statistic the fake can answer, and how days of it make a longer period. */
type Served = 'Maximum' | 'Average' | 'Sum';

interface Published {
  /** The dimension CloudWatch publishes the metric under. */
  dimension: string;
  /**
   * The statistics the data source's daily values stand for. CloudWatch has every statistic of
   * every metric, but the data has one number a day: another statistic (p99, say) gets no data,
   * so a changed statistic shows in the tests instead of being answered with numbers meaning
   * something else.
   */
  stats: readonly Served[];
}

/**
 * The metrics CloudWatch publishes that the fake serves, by namespace and metric name. A query
 * for anything else (a misspelt namespace or metric, another dimension) gets no datapoints, as a
 * metric that does not exist gets from CloudWatch.
 */
const PUBLISHED: Record<string, Record<string, Published>> = {
  'AWS/EC2': {
    CPUUtilization: { dimension: 'InstanceId', stats: ['Maximum', 'Average'] },
    NetworkIn: { dimension: 'InstanceId', stats: ['Sum'] },
    NetworkOut: { dimension: 'InstanceId', stats: ['Sum'] },
  },
  'AWS/NATGateway': {
    BytesInFromSource: { dimension: 'NatGatewayId', stats: ['Sum'] },
    BytesInFromDestination: { dimension: 'NatGatewayId', stats: ['Sum'] },
  },
  'AWS/ApplicationELB': { RequestCount: { dimension: 'LoadBalancer', stats: ['Sum'] } },
  'AWS/NetworkELB': { NewFlowCount: { dimension: 'LoadBalancer', stats: ['Sum'] } },
  'AWS/ELB': { RequestCount: { dimension: 'LoadBalancerName', stats: ['Sum'] } },
  'AWS/RDS': { DatabaseConnections: { dimension: 'DBInstanceIdentifier', stats: ['Maximum'] } },
};

// CloudWatch's statistics: the five basic ones, IQM, and the percentile and trimmed families.
const STATISTIC = /^(SampleCount|Average|Sum|Minimum|Maximum|IQM|(p|tm|wm|tc|ts)(\d{1,2}(\.\d{1,10})?|100)|(PR|TM|WM|TC|TS)\([^()]*\))$/;

/**
 * Rejects what CloudWatch rejects in a query: a statistic that is none of CloudWatch's, a period
 * other than 1, 5, 10, 30 or a multiple of 60 seconds. `member` is the query's 1-based position.
 */
export function validateMetricStat(query: MetricQuery, member: number): void {
  if (!STATISTIC.test(query.stat))
    throw new FakeAwsError(
      'ValidationError',
      `The value ${query.stat} for parameter MetricDataQueries.member.${member}.MetricStat.Stat is not a valid statistic.`,
    );
  const period = query.periodSeconds;
  if (!(Number.isInteger(period) && period > 0 && ([1, 5, 10, 30].includes(period) || period % 60 === 0)))
    throw new FakeAwsError(
      'ValidationError',
      `The parameter MetricDataQueries.member.${member}.MetricStat.Period must be 1, 5, 10, 30 or a multiple of 60.`,
    );
}

/**
 * How the fake answers a valid query: from the data source's daily series (`daily`), or with no
 * data when CloudWatch has no such metric, the data has no such statistic, or the period is not
 * a whole number of days (the data is daily: there is nothing finer to answer from).
 */
export function servedAs(query: MetricQuery): 'daily' | 'none' {
  const published = PUBLISHED[query.namespace]?.[query.metricName];
  if (!published) return 'none';
  if (query.dimensions.length !== 1 || query.dimensions[0]!.name !== published.dimension) return 'none';
  if (!(published.stats as readonly string[]).includes(query.stat)) return 'none';
  return query.periodSeconds % DAY_SECONDS === 0 ? 'daily' : 'none';
}

/** The query as the data source is asked it: one value a day. */
export function dailyQuery(query: MetricQuery): MetricQuery {
  return { ...query, periodSeconds: DAY_SECONDS };
}

/**
 * A daily series over [start, end) made into the query's period: each period takes the days it
 * spans, combined by the query's statistic (Average as the mean of the days that have a value).
 */
export function toPeriod(daily: MetricSeries, query: MetricQuery, start: string, end: string): MetricSeries {
  const days = query.periodSeconds / DAY_SECONDS;
  if (days === 1) return daily;
  const series = emptySeries(start, end, query.periodSeconds, daily.status);
  for (let i = 0; i < series.values.length; i++) {
    const values = daily.values.slice(i * days, (i + 1) * days).filter((v): v is number => v !== null);
    if (values.length === 0) continue;
    const sum = values.reduce((a, b) => a + b, 0);
    series.values[i] = query.stat === 'Maximum' ? Math.max(...values) : query.stat === 'Average' ? sum / values.length : sum;
  }
  return series;
}

/** A series of the query's period with no datapoint. */
export function noData(query: MetricQuery, start: string, end: string): MetricSeries {
  return emptySeries(start, end, query.periodSeconds);
}
