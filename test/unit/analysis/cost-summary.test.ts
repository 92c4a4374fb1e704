import { describe, expect, it } from 'vitest';
import { planCosts } from '../../../src/analysis/cost/plan.js';
import { summariseCosts } from '../../../src/analysis/cost/summary.js';
import type { CostPeriod } from '../../../src/aws/ports/index.js';
import { days, nextDay } from '../../fixtures/aws/cost-explorer.js';

function daily(start: string, end: string, amount: (day: string) => Array<[string, string, number]>): CostPeriod[] {
  return days(start, end).map((day) => ({
    start: day,
    end: nextDay(day),
    estimated: false,
    groups: amount(day).map(([s, r, a]) => ({ keys: [s, r], amount: a })),
  }));
}

describe('summariseCosts', () => {
  it('on the 1st reports the month just closed vs the one before, with an empty month-to-date under the forecast', () => {
    const plan = planCosts(new Date('2027-03-01T06:00:00Z'));
    const periods = daily(plan.dailyQuery.start, plan.dailyQuery.end, (d) => [['Amazon EC2', 'us-east-1', d < '2027-02-01' ? 10 : 12]]);
    const summary = summariseCosts({
      plan,
      metric: 'UnblendedCost',
      daily: { metric: 'UnblendedCost', period: plan.dailyQuery, periods },
      forecast: { period: plan.forecast, mean: 400 },
    });
    // February 28 × 12 = 336 vs January 31 × 10 = 310
    expect(summary.current).toEqual({ period: { start: '2027-02-01', end: '2027-03-01' }, total: 336 });
    expect(summary.previous).toEqual({ period: { start: '2027-01-01', end: '2027-02-01' }, total: 310 });
    expect(summary.forecast).toEqual({ total: 400 });
    expect(summary.lastMonth).toBeUndefined();
  });

  it('movers: largest absolute change first, decreases included, unchanged services left out', () => {
    const plan = planCosts(new Date('2026-11-11T06:00:00Z'));
    const periods = daily(plan.dailyQuery.start, plan.dailyQuery.end, (d) => {
      const nov = d >= '2026-11-01';
      return [
        ['A', 'us-east-1', nov ? 10 : 1],
        ['B', 'us-east-1', nov ? 1 : 30],
        ['C', 'us-east-1', 5],
        ['D', 'eu-west-1', nov ? 2 : 0],
      ];
    });
    const summary = summariseCosts({ plan, metric: 'UnblendedCost', daily: { metric: 'UnblendedCost', period: plan.dailyQuery, periods } });
    expect(summary.movers.map((m) => [m.service, m.change, m.changePercent])).toEqual([
      ['B', -290, -96.67],
      ['A', 90, 900],
      ['D', 20, null],
    ]);
    expect(summary.forecast).toBeNull();
    expect(summary.byService.map((s) => s.service)).toEqual(['A', 'C', 'D', 'B']);
  });

  it('rounds sums once, at the end (no cent drift from many small amounts)', () => {
    const plan = planCosts(new Date('2026-11-11T06:00:00Z'));
    const periods = daily(plan.dailyQuery.start, plan.dailyQuery.end, () => [['Tiny', 'us-east-1', 0.0049]]);
    const summary = summariseCosts({ plan, metric: 'UnblendedCost', daily: { metric: 'UnblendedCost', period: plan.dailyQuery, periods } });
    expect(summary.current.total).toBe(0.05); // 10 × 0.0049 = 0.049
  });
});
