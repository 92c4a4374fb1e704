import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { cloudWatchAdapter } from '../../src/aws/cloudwatch.js';
import type { CloudWatchPort } from '../../src/aws/ports/index.js';
import { DUMMY_CREDENTIALS, stubSdkClient, type SdkCall } from './sdk-stub.js';
import { syntheticSeries } from './synthetic-account.js';

/** GetMetricData returns at most this many datapoints per request, then a NextToken. */
export const MAX_DATAPOINTS_PER_RESPONSE = 100_800;

interface WireQuery {
  Id: string;
  MetricStat: {
    Metric: { Namespace: string; MetricName: string; Dimensions: Array<{ Name: string; Value: string }> };
    Period: number;
    Stat: string;
  };
}

/**
 * The real CloudWatch adapter of one region on a real SDK client whose GetMetricData requests
 * are answered from the synthetic account's series, paged like CloudWatch (at most
 * 100,800 datapoints per response, whole series here). Every request is recorded in `calls`.
 */
export function stubbedCloudWatch(region: string): { port: CloudWatchPort; calls: SdkCall[] } {
  const client = new CloudWatchClient({ region, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  const calls = stubSdkClient(client, (command, input) => {
    if (command !== 'GetMetricDataCommand') throw new Error(`the CloudWatch stub does not answer ${command}`);
    const queries = input.MetricDataQueries as WireQuery[];
    if (queries.length > 500) throw new Error(`GetMetricData got ${queries.length} queries; CloudWatch accepts 500`);
    const start = (input.StartTime as Date).toISOString();
    const end = (input.EndTime as Date).toISOString();
    const from = Number(input.NextToken ?? 0);
    const results = [];
    let points = 0;
    let i = from;
    for (; i < queries.length; i++) {
      const q = queries[i]!;
      const s = syntheticSeries(
        {
          metricName: q.MetricStat.Metric.MetricName,
          stat: q.MetricStat.Stat,
          periodSeconds: q.MetricStat.Period,
          dimensions: q.MetricStat.Metric.Dimensions.map((d) => ({ name: d.Name, value: d.Value })),
        },
        start,
        end,
      );
      const datapoints = s.values.flatMap((v, k) => (v === null ? [] : [k]));
      if (points + datapoints.length > MAX_DATAPOINTS_PER_RESPONSE && results.length > 0) break;
      points += datapoints.length;
      const startMs = Date.parse(s.start);
      const timestamps = datapoints.map((k) => new Date(startMs + k * s.periodSeconds * 1000));
      results.push({ Id: q.Id, Label: q.Id, Timestamps: timestamps, Values: datapoints.map((k) => s.values[k]!), StatusCode: 'Complete' });
    }
    return { MetricDataResults: results, ...(i < queries.length ? { NextToken: String(i) } : {}) };
  });
  return { port: cloudWatchAdapter(client, region), calls };
}
