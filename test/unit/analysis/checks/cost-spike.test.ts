import { describe, expect, it } from 'vitest';
import { costSpike } from '../../../../src/analysis/checks/cost-spike.js';
import type { CostSummary } from '../../../../src/records/report.js';
import { NOW, params } from '../support/builders.js';

function costs(
  services: Array<[string, number, number]>,
  current = { start: '2026-11-01', end: '2026-11-25' },
  previous = { start: '2026-10-01', end: '2026-10-25' },
): CostSummary {
  return {
    metric: 'UnblendedCost',
    currency: 'USD',
    current: { period: current, total: 0 },
    previous: { period: previous, total: 0 },
    change: 0,
    changePercent: null,
    byService: services.map(([service, cur, prev]) => ({
      service,
      current: cur,
      previous: prev,
      change: cur - prev,
      changePercent: prev ? ((cur - prev) / prev) * 100 : null,
    })),
    byRegion: [],
    daily: [],
    movers: [],
  };
}

describe('cost-spike', () => {
  const run = (c: CostSummary, p = params('cost-spike')) => costSpike.run({ now: NOW, costs: c }, p as never);

  it('flags a service up $240 (+100%) over 24 days, valued at the increase over a month', () => {
    const [finding] = run(costs([['Amazon EC2', 480, 240]]));
    // 240 / 24 days × 30.4167 days = $304.17
    // Not a saving (growth may be legitimate): totals and tables read estimatedMonthlySavings.
    expect(finding).toMatchObject({
      check: 'cost-spike',
      resourceId: 'Amazon EC2',
      resourceType: 'service',
      region: 'global',
      estimatedMonthlySavings: 0,
      severity: 'high',
      priceSource: 'cost-explorer',
    });
    expect(finding!.evidence).toMatchObject({ increaseUsd: 240, increasePercent: 100, projectedMonthlyIncreaseUsd: 304.17 });
  });

  it('a new service (nothing before) is a spike when the amount is large enough', () => {
    expect(run(costs([['Amazon SageMaker', 50, 0]]))[0]!.evidence.increasePercent).toBeNull();
  });

  it('ignores small or proportionally small increases and decreases', () => {
    expect(run(costs([['AWS Lambda', 9, 1]]))).toEqual([]);
    expect(run(costs([['Amazon EC2', 10_500, 10_000]]))).toEqual([]);
    expect(run(costs([['Amazon S3', 100, 300]]))).toEqual([]);
  });

  it('boundary: both thresholds are exclusive', () => {
    expect(run(costs([['A', 110, 100]]))).toEqual([]); // +$10.00, +10%
    expect(run(costs([['A', 110.02, 100]]))).toHaveLength(1);
    expect(run(costs([['B', 60, 50]]), params('cost-spike', { minIncreaseUsd: 5 }))).toHaveLength(1); // +$10, +20%
  });

  it('compares daily averages when periods differ in length (30 days of March vs 28 of February)', () => {
    // $3/day both months: 90 vs 84 is not a spike
    const flat = costs([['Amazon RDS', 90, 84]], { start: '2027-03-01', end: '2027-03-31' }, { start: '2027-02-01', end: '2027-03-01' });
    expect(run(flat, params('cost-spike', { minIncreaseUsd: 1, minIncreasePercent: 1 }))).toEqual([]);
  });
});
