import type { MetricQuery, MetricSeries } from '../../../../src/aws/ports/index.js';
import { dailyQuery, noData, servedAs, toPeriod, validateMetricStat } from '../cloudwatch-metrics.js';
import { encodeToken, tokenOffset } from '../paging.js';
import { fromSource, type ServiceDefinition } from '../types.js';
import { FakeAwsError, jsonReply } from '../wire.js';

interface WireQuery {
  Id?: string;
  ReturnData?: boolean;
  MetricStat?: {
    Metric?: { Namespace?: string; MetricName?: string; Dimensions?: Array<{ Name?: string; Value?: string }> };
    Period?: number;
    Stat?: string;
  };
}

const MAX_QUERIES = 500;
const ID = /^[a-z][a-zA-Z0-9_]*$/;

/** CloudWatch sends timestamps as epoch seconds in JSON; accept ISO strings as well. */
function isoOf(value: unknown, member: string): string {
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new FakeAwsError('ValidationError', `${member} must be a timestamp`);
  return date.toISOString();
}

function toPortQuery(query: WireQuery): MetricQuery {
  const stat = query.MetricStat;
  if (!query.Id || !ID.test(query.Id))
    throw new FakeAwsError('ValidationError', `The value ${String(query.Id)} for parameter MetricDataQueries.member.Id is not valid.`);
  if (!stat?.Metric?.MetricName || !stat.Metric.Namespace || !stat.Period || !stat.Stat) {
    throw new FakeAwsError('ValidationError', `Query ${query.Id}: only MetricStat queries are answered by this fake (no expressions)`);
  }
  return {
    key: query.Id,
    namespace: stat.Metric.Namespace,
    metricName: stat.Metric.MetricName,
    dimensions: (stat.Metric.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })),
    stat: stat.Stat,
    periodSeconds: stat.Period,
  };
}

/**
 * CloudWatch (awsJson1_0 with query-compatible errors, `GraniteServiceVersion20100801`).
 * Each query is answered by its namespace, metric, dimension, statistic and period (see
 * `cloudwatch-metrics.ts`): a misspelt namespace gets no data, as from CloudWatch.
 * GetMetricData pages by datapoints: each page carries up to `metricPoints` points of every
 * series, `PartialData` while more follow, as CloudWatch does for long series.
 */
export const cloudwatch: ServiceDefinition = {
  name: 'cloudwatch',
  protocol: 'json1.0',
  namespace: 'com.amazonaws.cloudwatch',
  queryCompatible: true,
  handlers: {
    async GetMetricData(input, ctx) {
      const wireQueries = (input.MetricDataQueries as WireQuery[] | undefined) ?? [];
      if (wireQueries.length === 0) throw new FakeAwsError('ValidationError', 'MetricDataQueries must not be empty');
      if (wireQueries.length > MAX_QUERIES) {
        throw new FakeAwsError(
          'InvalidParameterValue',
          `The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`,
        );
      }
      const queries = wireQueries.map(toPortQuery);
      queries.forEach((q, i) => validateMetricStat(q, i + 1));
      if (new Set(queries.map((q) => q.key)).size !== queries.length)
        throw new FakeAwsError('ValidationError', 'The values for parameter id in MetricDataQueries are not unique.');
      const start = isoOf(input.StartTime, 'StartTime');
      const end = isoOf(input.EndTime, 'EndTime');
      if (!(start < end)) throw new FakeAwsError('ValidationError', 'The parameter StartTime must be less than the parameter EndTime.');
      // Only what CloudWatch publishes and the data can say is asked of the source, one value a day.
      const served = queries.filter((q) => servedAs(q) === 'daily');
      const daily =
        served.length === 0
          ? {}
          : await fromSource(() => ctx.data.cloudwatch(ctx.region).getMetricData({ queries: served.map(dailyQuery), start, end }));
      const series: Record<string, MetricSeries> = {};
      for (const q of queries) series[q.key] = daily[q.key] ? toPeriod(daily[q.key]!, q, start, end) : noData(q, start, end);

      const scope = { op: 'GetMetricData', region: ctx.region, queries: wireQueries, start, end, scanBy: input.ScanBy ?? null };
      const token = input.NextToken as string | undefined;
      const pageIndex = tokenOffset(token, scope, 'InvalidNextToken');
      const size = ctx.pageSizes.metricPoints;
      const from = pageIndex * size;
      const descending = input.ScanBy === 'TimestampDescending';
      let more = false;
      const results = wireQueries
        .filter((q) => q.ReturnData !== false)
        .map((q) => {
          const s = series[q.Id!];
          // Only periods with a datapoint go on the wire, as CloudWatch sends them.
          const order = s ? s.values.flatMap((v, i) => (v === null ? [] : [i])) : [];
          if (descending) order.reverse();
          const shown = order.slice(from, from + size);
          const hasMore = order.length > from + size;
          more ||= hasMore;
          const startSeconds = s ? Date.parse(s.start) / 1000 : 0;
          return {
            Id: q.Id,
            Label: q.MetricStat?.Metric?.MetricName,
            Timestamps: shown.map((i) => startSeconds + i * s!.periodSeconds),
            Values: shown.map((i) => s!.values[i]),
            StatusCode: hasMore ? 'PartialData' : (s?.status ?? 'Complete'),
          };
        });
      return jsonReply('json1.0', {
        MetricDataResults: results,
        Messages: [],
        ...(more ? { NextToken: encodeToken(scope, pageIndex + 1) } : {}),
      });
    },
  },
};
