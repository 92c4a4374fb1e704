import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsAdapters } from '../../../src/aws/adapters.js';
import type { AwsAdapters } from '../../../src/aws/ports/index.js';
import { createDemoAdapters, DEMO_NOW } from '../../../src/demo/index.js';
import { STATIC_CREDENTIALS, useFakeAwsEndpoint } from './sdk-env.js';
import { startFakeAws, type FakeAws } from './index.js';

const config = { region: 'us-east-1', credentials: STATIC_CREDENTIALS, maxAttempts: 1 };
const INSTANCE = 'i-0a1e5c7d2b9f30001';
const WINDOW = { StartTime: new Date('2026-11-11T00:00:00Z'), EndTime: new Date('2026-11-25T00:00:00Z') };

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to fail');
}

function cpu(
  overrides: { namespace?: string; metricName?: string; stat?: string; period?: number; dimension?: string } = {},
): MetricDataQuery {
  return {
    Id: 'q0',
    MetricStat: {
      Metric: {
        Namespace: overrides.namespace ?? 'AWS/EC2',
        MetricName: overrides.metricName ?? 'CPUUtilization',
        Dimensions: [{ Name: overrides.dimension ?? 'InstanceId', Value: INSTANCE }],
      },
      Period: overrides.period ?? 86_400,
      Stat: overrides.stat ?? 'Maximum',
    },
  };
}

/**
 * The fake answers by the parameters the product sends, not whatever it is asked: a misspelt
 * namespace, another metric or statistic gets what it would get from AWS, so a mistake in a
 * query makes a test fail instead of being served the data it meant.
 */
describe('fake AWS honours the parameters it is sent', () => {
  let fake: FakeAws;
  let restore: () => void;
  let wire: AwsAdapters;
  const demo = createDemoAdapters({ now: DEMO_NOW });

  beforeAll(async () => {
    fake = await startFakeAws({ data: demo, now: () => DEMO_NOW.getTime() });
    restore = useFakeAwsEndpoint(fake.endpoint);
    wire = createAwsAdapters({ region: 'us-east-1', credentials: STATIC_CREDENTIALS });
  });
  afterAll(async () => {
    restore?.();
    await fake?.stop();
  });

  /** A port query through the real adapter (every page followed); the values that have a datapoint. */
  const values = async (query: MetricDataQuery) => {
    const stat = query.MetricStat!;
    const metric = stat.Metric!;
    const series = await wire.cloudwatch('us-east-1').getMetricData({
      queries: [
        {
          key: 'k',
          namespace: metric.Namespace!,
          metricName: metric.MetricName!,
          stat: stat.Stat!,
          periodSeconds: stat.Period!,
          dimensions: metric.Dimensions!.map((d) => ({ name: d.Name!, value: d.Value! })),
        },
      ],
      start: WINDOW.StartTime.toISOString(),
      end: WINDOW.EndTime.toISOString(),
    });
    return series.k!.values.filter((v): v is number => v !== null);
  };

  it('CloudWatch: a misspelt namespace or metric, another dimension or an unmodelled statistic gets no data', async () => {
    expect(await values(cpu())).toHaveLength(14);
    expect(await values(cpu({ namespace: 'AWS/EC2x' }))).toEqual([]);
    expect(await values(cpu({ namespace: 'AWS/RDS' }))).toEqual([]);
    expect(await values(cpu({ metricName: 'CpuUtilization' }))).toEqual([]);
    expect(await values(cpu({ dimension: 'InstanceID' }))).toEqual([]);
    expect(await values(cpu({ stat: 'p99' }))).toEqual([]);
    expect(await values(cpu({ period: 3600 }))).toEqual([]);
  });

  it('CloudWatch: a statistic or period CloudWatch does not know is a ValidationError', async () => {
    const cw = new CloudWatchClient(config);
    expect(await failure(cw.send(new GetMetricDataCommand({ MetricDataQueries: [cpu({ stat: 'Maximun' })], ...WINDOW })))).toMatchObject({
      message: 'The value Maximun for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.',
    });
    expect(fake.requests.at(-1)).toMatchObject({ status: 400, error: 'ValidationError' });
    expect(await failure(cw.send(new GetMetricDataCommand({ MetricDataQueries: [cpu({ period: 90 })], ...WINDOW })))).toMatchObject({
      message: expect.stringContaining('MetricStat.Period'),
    });
    expect(fake.requests.at(-1)).toMatchObject({ status: 400, error: 'ValidationError' });
  });

  it('CloudWatch: a period of several days combines the days by the statistic asked', async () => {
    const daily = await values(cpu({ metricName: 'NetworkIn', stat: 'Sum' }));
    expect(daily).toHaveLength(14);
    const weekly = await values(cpu({ metricName: 'NetworkIn', stat: 'Sum', period: 7 * 86_400 }));
    expect(weekly).toHaveLength(2);
    expect(weekly[0]).toBeCloseTo(
      daily.slice(0, 7).reduce((a, b) => a + b, 0),
      3,
    );
    const dailyMax = await values(cpu());
    expect(await values(cpu({ period: 7 * 86_400 }))).toEqual([Math.max(...dailyMax.slice(0, 7)), Math.max(...dailyMax.slice(7))]);
  });

  it('Cost Explorer: each metric of a request is answered as that metric', async () => {
    const query = { start: '2026-10-01', end: '2026-11-01', granularity: 'MONTHLY' as const, groupBy: [] };
    const unblended = (await wire.costExplorer.getCostAndUsage({ ...query, metric: 'UnblendedCost' }))[0]!.total!;
    const amortized = (await wire.costExplorer.getCostAndUsage({ ...query, metric: 'AmortizedCost' }))[0]!.total!;
    expect(amortized).not.toBeCloseTo(unblended, 0);
    expect(amortized).toBeCloseTo((await demo.costExplorer.getCostAndUsage({ ...query, metric: 'AmortizedCost' }))[0]!.total!, 6);

    const both = await new CostExplorerClient(config).send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: '2026-10-01', End: '2026-11-01' },
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost', 'AmortizedCost'],
      }),
    );
    const total = both.ResultsByTime![0]!.Total!;
    expect([Number(total.UnblendedCost!.Amount), Number(total.AmortizedCost!.Amount)]).toEqual([unblended, amortized]);
  });

  it('Cost Explorer: an unknown metric and a filter the fake would not apply are refused', async () => {
    const ce = new CostExplorerClient(config);
    const base = { TimePeriod: { Start: '2026-10-01', End: '2026-11-01' }, Granularity: 'MONTHLY' as const };
    expect(await failure(ce.send(new GetCostAndUsageCommand({ ...base, Metrics: ['UnblendedCosts'] })))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('UnblendedCosts'),
    });
    const filter = { Dimensions: { Key: 'SERVICE' as const, Values: ['AWS Lambda'] } };
    expect(await failure(ce.send(new GetCostAndUsageCommand({ ...base, Metrics: ['UnblendedCost'], Filter: filter })))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Filter'),
    });
  });

  it('Cost Explorer: a forecast from a day before today is refused, from today on it is answered per metric', async () => {
    const ce = new CostExplorerClient(config);
    const forecast = (start: string, metric: 'UNBLENDED_COST' | 'AMORTIZED_COST' = 'UNBLENDED_COST') =>
      ce.send(new GetCostForecastCommand({ TimePeriod: { Start: start, End: '2026-12-01' }, Metric: metric, Granularity: 'MONTHLY' }));
    expect(await failure(forecast('2026-11-24'))).toEqual({
      name: 'ValidationException',
      message: 'Start date (2026-11-24) must be the current date (2026-11-25) or later',
    });
    expect(await failure(forecast('2026-12-01'))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('before'),
    });
    const unblended = Number((await forecast('2026-11-25')).Total!.Amount);
    const amortized = Number((await forecast('2026-11-25', 'AMORTIZED_COST')).Total!.Amount);
    expect(unblended).toBeGreaterThan(0);
    expect(amortized).toBeCloseTo(unblended * 0.92, 6);
  });
});
