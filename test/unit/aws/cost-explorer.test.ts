import { CostExplorerClient, GetAnomaliesCommand, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { costExplorerAdapter } from '../../../src/aws/cost-explorer.js';
import { TaskSkippedError } from '../../../src/primitives/errors.js';
import { anomaliesResponse, costAndUsagePages, forecastResponse, serviceError } from '../../fixtures/aws/cost-explorer.js';

const mock = mockClient(CostExplorerClient);
const ce = costExplorerAdapter(new CostExplorerClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
const query = {
  start: '2026-11-01',
  end: '2026-11-03',
  granularity: 'DAILY' as const,
  metric: 'UnblendedCost',
  groupBy: [{ type: 'DIMENSION' as const, key: 'SERVICE' }],
};

describe('Cost Explorer adapter', () => {
  afterEach(() => mock.reset());

  it('merges a period whose groups continue on the next page, and an empty last page', async () => {
    const input = { GroupBy: [{ Type: 'DIMENSION' as const, Key: 'SERVICE' }], Metrics: ['UnblendedCost'] };
    const pages = costAndUsagePages(
      [
        {
          start: '2026-11-01',
          end: '2026-11-02',
          groups: [
            { keys: ['EC2'], amount: 1.5 },
            { keys: ['S3'], amount: 0.25 },
            { keys: ['RDS'], amount: 2 },
          ],
        },
        { start: '2026-11-02', end: '2026-11-03', estimated: true, groups: [{ keys: ['EC2'], amount: 1.75 }] },
      ],
      input,
      { groupsPerPage: 2, trailingEmptyPage: true },
    );
    expect(pages).toHaveLength(3);
    mock.on(GetCostAndUsageCommand).resolvesOnce(pages[0]!).resolvesOnce(pages[1]!).resolvesOnce(pages[2]!);
    const periods = await ce.getCostAndUsage(query);
    const calls = mock.commandCalls(GetCostAndUsageCommand);
    expect(calls.map((c) => c.args[0].input.NextPageToken)).toEqual([undefined, 'page-1-token', 'page-2-token']);
    expect(calls[0]!.args[0].input).toEqual({
      TimePeriod: { Start: '2026-11-01', End: '2026-11-03' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
    });
    expect(periods).toEqual([
      {
        start: '2026-11-01',
        end: '2026-11-02',
        estimated: false,
        groups: [
          { keys: ['EC2'], amount: 1.5 },
          { keys: ['S3'], amount: 0.25 },
          { keys: ['RDS'], amount: 2 },
        ],
      },
      { start: '2026-11-02', end: '2026-11-03', estimated: true, groups: [{ keys: ['EC2'], amount: 1.75 }] },
    ]);
  });

  it('reads Total on ungrouped queries and tolerates missing metric values', async () => {
    mock.on(GetCostAndUsageCommand).resolves({
      ResultsByTime: [
        {
          TimePeriod: { Start: '2026-10-01', End: '2026-11-01' },
          Total: { UnblendedCost: { Amount: '2015.1234', Unit: 'USD' } },
          Groups: [],
          Estimated: false,
        },
        { TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [{ Keys: ['Tax'] }] },
      ],
    });
    const periods = await ce.getCostAndUsage({ ...query, groupBy: [] });
    expect(periods[0]!.total).toBe(2015.1234);
    expect(periods[1]!.groups).toEqual([{ keys: ['Tax'], amount: 0 }]);
    expect(mock.commandCalls(GetCostAndUsageCommand)[0]!.args[0].input.GroupBy).toBeUndefined();
  });

  it('forecast: spells the metric as GetCostForecast wants and returns mean and 80% bounds', async () => {
    mock.on(GetCostForecastCommand).resolves(forecastResponse(812.3456, 700.5, 920.25));
    expect(await ce.getCostForecast({ start: '2026-11-25', end: '2026-12-01', metric: 'NetAmortizedCost' })).toEqual({
      mean: 812.3456,
      lower: 700.5,
      upper: 920.25,
    });
    expect(mock.commandCalls(GetCostForecastCommand)[0]!.args[0].input).toEqual({
      TimePeriod: { Start: '2026-11-25', End: '2026-12-01' },
      Metric: 'NET_AMORTIZED_COST',
      Granularity: 'MONTHLY',
      PredictionIntervalLevel: 80,
    });
  });

  it('anomalies: every page, impacts and root causes', async () => {
    mock
      .on(GetAnomaliesCommand)
      .resolvesOnce(
        anomaliesResponse(
          [
            {
              AnomalyId: 'a-1',
              AnomalyStartDate: '2026-11-18',
              AnomalyEndDate: '2026-11-20',
              DimensionValue: 'Amazon Simple Storage Service',
              AnomalyScore: { MaxScore: 0.9, CurrentScore: 0.4 },
              Impact: { MaxImpact: 12, TotalImpact: 31.5 },
              MonitorArn: 'arn:aws:ce::123456789012:anomalymonitor/m-1',
              RootCauses: [{ Service: 'Amazon Simple Storage Service', Region: 'us-east-1', UsageType: 'TimedStorage-ByteHrs' }],
            },
          ],
          'an-2',
        ),
      )
      .resolvesOnce(
        anomaliesResponse([
          {
            AnomalyId: 'a-2',
            AnomalyScore: { MaxScore: 0.5, CurrentScore: 0.5 },
            Impact: { MaxImpact: 3 },
            MonitorArn: 'arn:aws:ce::123456789012:anomalymonitor/m-1',
          },
        ]),
      );
    const anomalies = await ce.getAnomalies({ start: '2026-10-26', end: '2026-11-25' });
    expect(mock.commandCalls(GetAnomaliesCommand).map((c) => c.args[0].input)).toEqual([
      { DateInterval: { StartDate: '2026-10-26', EndDate: '2026-11-25' } },
      { DateInterval: { StartDate: '2026-10-26', EndDate: '2026-11-25' }, NextPageToken: 'an-2' },
    ]);
    expect(anomalies[0]).toEqual({
      id: 'a-1',
      start: '2026-11-18',
      end: '2026-11-20',
      dimensionValue: 'Amazon Simple Storage Service',
      rootCauses: [{ service: 'Amazon Simple Storage Service', region: 'us-east-1', usageType: 'TimedStorage-ByteHrs' }],
      totalImpact: 31.5,
      maxImpact: 12,
      monitorArn: 'arn:aws:ce::123456789012:anomalymonitor/m-1',
    });
    expect(anomalies[1]).toMatchObject({ id: 'a-2', start: null, totalImpact: 3 });
  });

  it('Cost Explorer not enabled, or no data yet, skips with the reason; throttling stays retryable', async () => {
    mock.on(GetCostAndUsageCommand).rejects(serviceError('AccessDeniedException', 'User not enabled for cost explorer access', 400));
    const notEnabled = await ce.getCostAndUsage(query).catch((e: unknown) => e);
    expect(notEnabled).toBeInstanceOf(TaskSkippedError);
    expect((notEnabled as Error).message).toMatch(/^Cost Explorer is not enabled for this account/);
    mock
      .on(GetCostForecastCommand)
      .rejects(serviceError('DataUnavailableException', 'Insufficient amount of historical data to generate forecast.', 400));
    expect(
      ((await ce.getCostForecast({ start: '2026-11-25', end: '2026-12-01', metric: 'UnblendedCost' }).catch((e: unknown) => e)) as Error)
        .message,
    ).toMatch(/ce:GetCostForecast has no data for this account yet/);
    mock.on(GetAnomaliesCommand).rejects(serviceError('LimitExceededException', 'Rate exceeded', 400));
    const limited = (await ce.getAnomalies({ start: '2026-10-26', end: '2026-11-25' }).catch((e: unknown) => e)) as Error;
    expect(limited).not.toBeInstanceOf(TaskSkippedError);
    expect(limited.name).toBe('LimitExceededException');
  });
});
