import { CloudWatchClient, GetMetricDataCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudWatchAdapter, MAX_QUERIES_PER_REQUEST } from '../../../src/aws/cloudwatch.js';
import type { MetricQuery } from '../../../src/aws/ports/index.js';

const mock = mockClient(CloudWatchClient);
const client = new CloudWatchClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const cw = cloudWatchAdapter(client, 'eu-west-1');

const query = (i: number): MetricQuery => ({
  key: `i-${i}|CPUUtilization|Maximum`,
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  stat: 'Maximum',
  periodSeconds: 86_400,
  dimensions: [{ name: 'InstanceId', value: `i-${i}` }],
});
const day = (n: number) => new Date(Date.UTC(2026, 10, 10 + n));

describe('CloudWatch adapter', () => {
  afterEach(() => mock.reset());

  it('sends ⌈queries / 500⌉ requests, never one per resource', async () => {
    mock.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => ({
      MetricDataResults: input.MetricDataQueries!.map((q) => ({
        Id: q.Id,
        Label: 'CPUUtilization',
        Timestamps: [day(0)],
        Values: [1],
        StatusCode: 'Complete',
      })),
    }));
    for (const count of [1, 499, 500, 501, 1234]) {
      mock.resetHistory();
      const series = await cw.getMetricData({
        queries: Array.from({ length: count }, (_, i) => query(i)),
        start: '2026-11-10T00:00:00.000Z',
        end: '2026-11-24T00:00:00.000Z',
      });
      const calls = mock.commandCalls(GetMetricDataCommand);
      expect(calls).toHaveLength(Math.ceil(count / MAX_QUERIES_PER_REQUEST));
      expect(Math.max(...calls.map((c) => c.args[0].input.MetricDataQueries!.length))).toBeLessThanOrEqual(500);
      expect(Object.keys(series)).toHaveLength(count);
    }
  });

  it('follows NextToken and merges a series split across pages, ascending', async () => {
    mock
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'q0', Timestamps: [day(0), day(1)], Values: [3, 4], StatusCode: 'PartialData' },
          { Id: 'q1', Timestamps: [], Values: [], StatusCode: 'Complete' },
        ],
        NextToken: 'cw-2',
      })
      .resolvesOnce({ MetricDataResults: [{ Id: 'q0', Timestamps: [day(2)], Values: [5], StatusCode: 'Complete' }] });
    const series = await cw.getMetricData({
      queries: [query(7), query(8)],
      start: '2026-11-10T00:00:00.000Z',
      end: '2026-11-13T00:00:00.000Z',
    });
    const calls = mock.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input.NextToken).toBe('cw-2');
    expect(calls[0]!.args[0].input).toMatchObject({
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [
        {
          Id: 'q0',
          MetricStat: {
            Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: 'i-7' }] },
            Period: 86_400,
            Stat: 'Maximum',
          },
          ReturnData: true,
        },
        { Id: 'q1' },
      ],
    });
    expect(series['i-7|CPUUtilization|Maximum']).toEqual({
      start: '2026-11-10T00:00:00.000Z',
      periodSeconds: 86_400,
      values: [3, 4, 5],
      status: 'Complete',
    });
    expect(series['i-8|CPUUtilization|Maximum']).toEqual({
      start: '2026-11-10T00:00:00.000Z',
      periodSeconds: 86_400,
      values: [null, null, null],
      status: 'Complete',
    });
  });

  it('puts each datapoint in its day whatever the order, with null for a day without one', async () => {
    mock.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        // Unordered, a gap on day 2, one point off the day grid, and one outside the window.
        {
          Id: 'q0',
          Timestamps: [day(3), day(0), new Date(day(1).getTime() + 3_600_000), day(9), day(-1)],
          Values: [6, 3, 4, 9, 1],
          StatusCode: 'Complete',
        },
      ],
    });
    const series = await cw.getMetricData({ queries: [query(7)], start: '2026-11-10T00:00:00.000Z', end: '2026-11-14T00:00:00.000Z' });
    expect(series['i-7|CPUUtilization|Maximum']).toEqual({
      start: '2026-11-10T00:00:00.000Z',
      periodSeconds: 86_400,
      values: [3, 4, null, 6],
      status: 'Complete',
    });
  });

  it('keeps a series partial when its last page says so, and its status per series', async () => {
    mock
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'q0', Timestamps: [day(1)], Values: [2], StatusCode: 'PartialData' },
          { Id: 'q1', Timestamps: [], Values: [], StatusCode: 'Forbidden' },
        ],
        NextToken: 'cw-2',
      })
      .resolvesOnce({ MetricDataResults: [{ Id: 'q0', Timestamps: [day(0)], Values: [1], StatusCode: 'PartialData' }] });
    const series = await cw.getMetricData({
      queries: [query(7), query(8)],
      start: '2026-11-10T00:00:00.000Z',
      end: '2026-11-12T00:00:00.000Z',
    });
    expect(series['i-7|CPUUtilization|Maximum']).toMatchObject({ values: [1, 2], status: 'PartialData' });
    expect(series['i-8|CPUUtilization|Maximum']).toMatchObject({ values: [null, null], status: 'Forbidden' });
  });

  it('answers nothing for no queries without calling CloudWatch', async () => {
    expect(await cw.getMetricData({ queries: [], start: '2026-11-10T00:00:00.000Z', end: '2026-11-13T00:00:00.000Z' })).toEqual({});
    expect(mock.commandCalls(GetMetricDataCommand)).toHaveLength(0);
  });
});
