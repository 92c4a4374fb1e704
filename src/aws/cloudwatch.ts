import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { closeSeries, openSeries, putDatapoint } from './cloudwatch-series.js';
import { awsCall } from './errors.js';
import { collectPages } from './paginate.js';
import type { CloudWatchPort, MetricQuery, MetricSeries } from './ports/index.js';

/** GetMetricData's limit of queries per request. */
export const MAX_QUERIES_PER_REQUEST = 500;

/**
 * CloudWatch behind {@link CloudWatchPort}: queries go in batches of at most 500, each batch
 * is followed through `NextToken`; never one request per resource.
 */
export function cloudWatchAdapter(client: CloudWatchClient, region: string): CloudWatchPort {
  return {
    async getMetricData(request, signal) {
      const startMs = Date.parse(request.start);
      const series: Record<string, MetricSeries> = {};
      for (let offset = 0; offset < request.queries.length; offset += MAX_QUERIES_PER_REQUEST) {
        const batch = request.queries.slice(offset, offset + MAX_QUERIES_PER_REQUEST);
        // CloudWatch ids must match ^[a-z][a-zA-Z0-9_]*$, so callers' keys are mapped to q<n>.
        const keyOfId = new Map(batch.map((q, i) => [`q${offset + i}`, q.key]));
        // Every query gets a series, even one CloudWatch answers without datapoints: "queried,
        // nothing happened" must stay distinguishable from "not queried".
        for (const q of batch) series[q.key] ??= openSeries(request.start, request.end, q.periodSeconds);
        const queries = batch.map((q, i) => toQuery(q, `q${offset + i}`));
        await collectPages('cloudwatch:GetMetricData', async (token) => {
          const out = await awsCall('cloudwatch:GetMetricData', region, () =>
            client.send(
              new GetMetricDataCommand({
                MetricDataQueries: queries,
                StartTime: new Date(request.start),
                EndTime: new Date(request.end),
                ScanBy: 'TimestampAscending',
                NextToken: token,
              }),
              { abortSignal: signal },
            ),
          );
          // Merged page by page: a long window's pages are never all held at once.
          for (const result of out.MetricDataResults ?? []) {
            const key = result.Id === undefined ? undefined : keyOfId.get(result.Id);
            if (key !== undefined) merge(series[key]!, result, startMs);
          }
          return { items: undefined, next: out.NextToken };
        });
      }
      for (const key in series) closeSeries(series[key]!);
      return series;
    },
  };
}

/**
 * A series can come over several pages (`PartialData` until its last one), its datapoints in
 * any order: each lands in its own period, so neither order nor page boundaries matter.
 */
function merge(entry: MetricSeries, result: MetricDataResult, startMs: number): void {
  const timestamps = result.Timestamps ?? [];
  const values = result.Values ?? [];
  const count = Math.min(timestamps.length, values.length);
  for (let i = 0; i < count; i++) putDatapoint(entry, startMs, timestamps[i]!.getTime(), values[i]!);
  entry.status = result.StatusCode ?? entry.status;
}

function toQuery(query: MetricQuery, id: string): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: query.namespace,
        MetricName: query.metricName,
        Dimensions: query.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
      },
      Period: query.periodSeconds,
      Stat: query.stat,
    },
    ReturnData: true,
  };
}
