import { CostExplorerClient, GetAnomaliesCommand, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultChecksConfig, type ChecksConfig } from '../../../src/analysis/config.js';
import { buildAnalysisGraph } from '../../../src/analysis/graph.js';
import type { AnalysisResult } from '../../../src/records/analysis.js';
import { createAwsAdapters } from '../../../src/aws/adapters.js';
import { memoryCache, type Cache } from '../../../src/state/cache.js';
import type { CostSummary } from '../../../src/records/report.js';
import { installCostExplorer, type CostModel } from './support/ce-account.js';
import { runGraph } from './support/run-graph.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const ce = mockClient(CostExplorerClient);

/** Only the account-wide tasks: no region check is enabled. */
function costOnly(): ChecksConfig {
  const config = defaultChecksConfig();
  for (const id of Object.keys(config)) if (id !== 'cost-spike') config[id]!.enabled = false;
  return config;
}

const model: CostModel = {
  lines: [
    { service: 'Amazon Elastic Compute Cloud - Compute', region: 'us-east-1', account: '123456789012', team: 'web', perDay: () => 40 },
    { service: 'Amazon Relational Database Service', region: 'eu-west-1', account: '123456789012', team: 'data', perDay: () => 20 },
    {
      service: 'Amazon Simple Storage Service',
      region: 'us-east-1',
      account: '210987654321',
      team: '',
      perDay: (d) => (d >= '2026-11-18' ? 15 : 5),
    },
  ],
};

const requests = () => ({
  usage: ce.commandCalls(GetCostAndUsageCommand).length,
  forecast: ce.commandCalls(GetCostForecastCommand).length,
  anomalies: ce.commandCalls(GetAnomaliesCommand).length,
  total:
    ce.commandCalls(GetCostAndUsageCommand).length +
    ce.commandCalls(GetCostForecastCommand).length +
    ce.commandCalls(GetAnomaliesCommand).length,
});

async function analyse(cache: Cache, now: Date, tagKey?: string) {
  const tasks = buildAnalysisGraph({
    accountId: '123456789012',
    regions: ['us-east-1'],
    adapters: createAwsAdapters({ region: 'us-east-1', credentials }),
    cache,
    now,
    checks: costOnly(),
    tagKey,
  });
  const run = await runGraph(tasks, { now });
  return { run, analysis: run.results.get('analysis') as AnalysisResult };
}

describe('Cost Explorer requests', () => {
  beforeEach(() => {
    ce.reset();
    installCostExplorer(ce, model);
  });
  afterEach(() => ce.reset());

  it('a cold run makes 4 requests; a warm run 2 (closed months cached, anomalies cached for hours)', async () => {
    const clock = { ms: Date.parse('2026-11-25T06:00:00Z') };
    const cache = memoryCache(() => clock.ms);
    const cold = await analyse(cache, new Date(clock.ms), 'team');
    expect(requests()).toEqual({ usage: 2, forecast: 1, anomalies: 1, total: 4 });
    expect(cold.analysis.gaps).toEqual([]);
    ce.resetHistory();
    clock.ms += 2 * 3_600_000;
    const warm = await analyse(cache, new Date(clock.ms), 'team');
    expect(requests()).toEqual({ usage: 1, forecast: 1, anomalies: 0, total: 2 });
    expect(warm.analysis.costs?.lastMonth).toEqual(cold.analysis.costs?.lastMonth);
    expect(warm.analysis.costs?.byTag).toEqual(cold.analysis.costs?.byTag);
  });

  it('the next day (anomaly cache expired, months still cached) makes 3', async () => {
    const clock = { ms: Date.parse('2026-11-25T06:00:00Z') };
    const cache = memoryCache(() => clock.ms);
    await analyse(cache, new Date(clock.ms));
    ce.resetHistory();
    clock.ms += 24 * 3_600_000;
    await analyse(cache, new Date(clock.ms));
    expect(requests()).toEqual({ usage: 1, forecast: 1, anomalies: 1, total: 3 });
  });

  it('one DAILY query serves month-to-date, the same days of last month, the 30-day series and the movers', async () => {
    await analyse(memoryCache(), new Date('2026-11-25T06:00:00Z'));
    const daily = ce
      .commandCalls(GetCostAndUsageCommand)
      .map((c) => c.args[0].input)
      .find((i) => i.Granularity === 'DAILY')!;
    expect(daily).toMatchObject({
      TimePeriod: { Start: '2026-10-01', End: '2026-11-25' },
      Metrics: ['UnblendedCost'],
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'DIMENSION', Key: 'REGION' },
      ],
    });
    const monthly = ce
      .commandCalls(GetCostAndUsageCommand)
      .map((c) => c.args[0].input)
      .find((i) => i.Granularity === 'MONTHLY')!;
    expect(monthly).toMatchObject({
      TimePeriod: { Start: '2026-09-01', End: '2026-11-01' },
      GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }],
    });
    expect(ce.commandCalls(GetCostForecastCommand)[0]!.args[0].input).toMatchObject({
      TimePeriod: { Start: '2026-11-25', End: '2026-12-01' },
      Metric: 'UNBLENDED_COST',
      Granularity: 'MONTHLY',
    });
  });

  it('the summary adds up: MTD 24 days vs the same 24 days of October, movers, forecast, breakdowns', async () => {
    const { analysis } = await analyse(memoryCache(), new Date('2026-11-25T06:00:00Z'), 'team');
    const costs = analysis.costs as CostSummary;
    // Nov 1–24: EC2 40 × 24 = 960; RDS 20 × 24 = 480; S3 5 × 17 + 15 × 7 = 190 → 1630
    expect(costs.current).toEqual({ period: { start: '2026-11-01', end: '2026-11-25' }, total: 1630 });
    // Oct 1–24: 960 + 480 + 5 × 24 = 1560
    expect(costs.previous).toEqual({ period: { start: '2026-10-01', end: '2026-10-25' }, total: 1560 });
    expect(costs.change).toBe(70);
    expect(costs.changePercent).toBe(4.49);
    expect(costs.movers[0]).toEqual({
      service: 'Amazon Simple Storage Service',
      current: 190,
      previous: 120,
      change: 70,
      changePercent: 58.33,
    });
    expect(costs.byRegion).toEqual([
      { region: 'us-east-1', amount: 1150 },
      { region: 'eu-west-1', amount: 480 },
    ]);
    expect(costs.daily).toHaveLength(30);
    expect(costs.daily.at(-1)).toEqual({ date: '2026-11-24', amount: 75 });
    // forecast = actual MTD 1630 + forecast rest 1234.50
    expect(costs.forecast).toEqual({ total: 2864.5, lower: 2741.05, upper: 2987.95 });
    // October: 31 × 65 = 2015 vs September: 30 × 65 = 1950
    expect(costs.lastMonth).toEqual({
      period: { start: '2026-10-01', end: '2026-11-01' },
      total: 2015,
      priorTotal: 1950,
      change: 65,
      changePercent: 3.33,
    });
    expect(costs.byAccount).toEqual([
      { accountId: '123456789012', amount: 1860 },
      { accountId: '210987654321', amount: 155 },
    ]);
    expect(costs.byTag).toEqual({
      key: 'team',
      values: [
        { value: 'web', amount: 1240 },
        { value: 'data', amount: 620 },
        { value: '', amount: 155 },
      ],
    });
    expect(costs.breakdownPeriod).toEqual({ start: '2026-10-01', end: '2026-11-01' });
    expect(costs.anomalies).toEqual([]);
    // S3 up $70 (+58%) → a cost-spike finding, not counted as a saving
    expect(analysis.findings.map((f) => f.check)).toEqual(['cost-spike']);
    expect(analysis.potentialMonthlySavings).toBe(0);
  });

  it('next month only the newly closed month is queried (one request, one month)', async () => {
    const cache = memoryCache();
    await analyse(cache, new Date('2026-11-25T06:00:00Z'));
    ce.resetHistory();
    await analyse(cache, new Date('2026-12-10T06:00:00Z'));
    const monthly = ce
      .commandCalls(GetCostAndUsageCommand)
      .map((c) => c.args[0].input)
      .filter((i) => i.Granularity === 'MONTHLY');
    expect(monthly.map((i) => i.TimePeriod)).toEqual([{ Start: '2026-11-01', End: '2026-12-01' }]);
    expect(requests().total).toBe(4);
  });

  it('a closed month Cost Explorer still marks estimated is re-asked the next day, a final one never', async () => {
    const now = { ms: Date.parse('2026-12-02T06:00:00Z') };
    const cache = memoryCache(() => now.ms);
    ce.reset();
    installCostExplorer(ce, { ...model, estimatedMonths: ['2026-11'] });
    await analyse(cache, new Date(now.ms));
    ce.resetHistory();
    now.ms += 25 * 3_600_000;
    installCostExplorer(ce, model);
    await analyse(cache, new Date(now.ms));
    const monthly = ce
      .commandCalls(GetCostAndUsageCommand)
      .map((c) => c.args[0].input)
      .filter((i) => i.Granularity === 'MONTHLY');
    expect(monthly.map((i) => i.TimePeriod)).toEqual([{ Start: '2026-11-01', End: '2026-12-01' }]);
    ce.resetHistory();
    now.ms += 25 * 3_600_000;
    await analyse(cache, new Date(now.ms));
    expect(ce.commandCalls(GetCostAndUsageCommand).filter((c) => c.args[0].input.Granularity === 'MONTHLY')).toHaveLength(0);
  });

  it('follows NextPageToken: a daily answer in many pages (one period split across pages) is merged', async () => {
    ce.reset();
    installCostExplorer(ce, { ...model, groupsPerPage: 7 });
    const { analysis } = await analyse(memoryCache(), new Date('2026-11-25T06:00:00Z'));
    // 55 days × 3 groups = 165 groups / 7 per page = 24 pages
    expect(ce.commandCalls(GetCostAndUsageCommand).filter((c) => c.args[0].input.Granularity === 'DAILY')).toHaveLength(24);
    expect(analysis.costs?.current.total).toBe(1630);
  });
});
