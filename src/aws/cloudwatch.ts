import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { awsCall } from './errors.js';
import { collectPages } from './paginate.js';
import type { CloudWatchPort, MetricQuery, MetricSeries } from './ports.js';

/** GetMetricData's limit of queries per request. */
export const MAX_QUERIES_PER_REQUEST = 500;

/**
 * CloudWatch behind {@link CloudWatchPort}: queries go in batches of at most 500, each batch
 * is followed through `NextToken`; never one request per resource.
 */
export function cloudWatchAdapter(client: CloudWatchClient, region: string): CloudWatchPort {
  return {
    async getMetricData(request, signal) {
      const series: Record<string, MetricSeries> = {};
      for (let offset = 0; offset < request.queries.length; offset += MAX_QUERIES_PER_REQUEST) {
        const batch = request.queries.slice(offset, offset + MAX_QUERIES_PER_REQUEST);
        // CloudWatch ids must match ^[a-z][a-zA-Z0-9_]*$, so callers' keys are mapped to q<n>.
        const keyOfId = new Map(batch.map((q, i) => [`q${offset + i}`, q.key]));
        // Every query gets a series, even one CloudWatch answers without datapoints: "queried,
        // nothing happened" must stay distinguishable from "not queried".
        for (const q of batch) series[q.key] ??= { timestamps: [], values: [], status: 'Complete' };
        const queries = batch.map((q, i) => toQuery(q, `q${offset + i}`));
        const results = await collectPages('cloudwatch:GetMetricData', async (token) => {
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
          return { items: out.MetricDataResults, next: out.NextToken };
        });
        for (const result of results) {
          const key = result.Id === undefined ? undefined : keyOfId.get(result.Id);
          if (key === undefined) continue;
          const entry = series[key]!;
          const timestamps = result.Timestamps ?? [];
          const values = result.Values ?? [];
          for (let i = 0; i < Math.min(timestamps.length, values.length); i++) {
            entry.timestamps.push(new Date(timestamps[i]!).toISOString());
            entry.values.push(values[i]!);
          }
          entry.status = result.StatusCode ?? entry.status;
        }
      }
      for (const entry of Object.values(series)) sortSeries(entry);
      return series;
    },
  };
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

function sortSeries(entry: MetricSeries): void {
  const order = entry.timestamps.map((t, i) => i).sort((a, b) => (entry.timestamps[a]! < entry.timestamps[b]! ? -1 : 1));
  entry.timestamps = order.map((i) => entry.timestamps[i]!);
  entry.values = order.map((i) => entry.values[i]!);
}
