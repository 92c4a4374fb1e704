import { describe, expect, it } from 'vitest';
import { fetchForecast } from '../../../src/analysis/cost/fetch.js';
import { planCosts } from '../../../src/analysis/cost/plan.js';
import { TaskSkippedError } from '../../../src/primitives/errors.js';

describe('planCosts', () => {
  it('mid-month: MTD [1st, today) vs the same days of last month; CE end dates are exclusive', () => {
    const plan = planCosts(new Date('2026-11-25T06:00:00Z'));
    expect(plan.current).toEqual({ start: '2026-11-01', end: '2026-11-25' });
    expect(plan.previous).toEqual({ start: '2026-10-01', end: '2026-10-25' });
    expect(plan.daily).toEqual({ start: '2026-10-26', end: '2026-11-25' });
    expect(plan.dailyQuery).toEqual({ start: '2026-10-01', end: '2026-11-25' });
    expect(plan.closedMonths).toEqual(['2026-09', '2026-10']);
    expect(plan.forecast).toEqual({ start: '2026-11-25', end: '2026-12-01' });
    expect(plan.rolledOver).toBe(false);
  });

  it('a longer month compares with all of a shorter one (March 31st vs February)', () => {
    const plan = planCosts(new Date('2027-03-31T12:00:00Z'));
    expect(plan.current).toEqual({ start: '2027-03-01', end: '2027-03-31' });
    expect(plan.previous).toEqual({ start: '2027-02-01', end: '2027-03-01' });
    expect(plan.dailyQuery).toEqual({ start: '2027-02-01', end: '2027-03-31' });
  });

  it('leap year: 29 February compares with 1–28 January', () => {
    const plan = planCosts(new Date('2028-02-29T00:30:00Z'));
    expect(plan.current).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(plan.previous).toEqual({ start: '2028-01-01', end: '2028-01-29' });
  });

  it('on the 1st month-to-date is empty, so the month just closed is compared with the one before', () => {
    const plan = planCosts(new Date('2027-03-01T06:00:00Z'));
    expect(plan.rolledOver).toBe(true);
    expect(plan.current).toEqual({ start: '2027-02-01', end: '2027-03-01' });
    expect(plan.previous).toEqual({ start: '2027-01-01', end: '2027-02-01' });
    expect(plan.monthToDate).toEqual({ start: '2027-03-01', end: '2027-03-01' });
    expect(plan.forecast).toEqual({ start: '2027-03-01', end: '2027-04-01' });
    expect(plan.dailyQuery.start).toBe('2027-01-01');
    expect(plan.closedMonths).toEqual(['2027-01', '2027-02']);
  });

  it('the 2nd has one complete day; January follows December across the year', () => {
    const plan = planCosts(new Date('2027-01-02T23:59:59Z'));
    expect(plan.current).toEqual({ start: '2027-01-01', end: '2027-01-02' });
    expect(plan.previous).toEqual({ start: '2026-12-01', end: '2026-12-02' });
    expect(plan.closedMonths).toEqual(['2026-11', '2026-12']);
  });

  it('the last day of a month forecasts a single day', () => {
    expect(planCosts(new Date('2026-11-30T06:00:00Z')).forecast).toEqual({ start: '2026-11-30', end: '2026-12-01' });
  });
});

describe('fetchForecast', () => {
  const plan = planCosts(new Date('2026-11-25T06:00:00Z'));
  const ce = (mean: number) => {
    const asked: Array<{ start: string; end: string }> = [];
    return {
      asked,
      port: {
        getCostAndUsage: async () => [],
        getAnomalies: async () => [],
        getCostForecast: async (r: { start: string; end: string }) => (
          asked.push({ start: r.start, end: r.end }),
          { mean, lower: mean - 10, upper: mean + 10 }
        ),
      },
    };
  };

  it('forecasts the rest of the month from today', async () => {
    const fake = ce(600);
    expect(await fetchForecast(fake.port, plan, 'UnblendedCost', '2026-11-25')).toEqual({
      period: { start: '2026-11-25', end: '2026-12-01' },
      mean: 600,
      lower: 590,
      upper: 610,
    });
    expect(fake.asked).toEqual([{ start: '2026-11-25', end: '2026-12-01' }]);
  });

  it('a resumed execution asks from its own day (CE rejects past starts) and scales to the planned 6 days', async () => {
    const fake = ce(500);
    const result = await fetchForecast(fake.port, plan, 'UnblendedCost', '2026-11-26');
    expect(fake.asked).toEqual([{ start: '2026-11-26', end: '2026-12-01' }]);
    // 500 over 5 days = 100 a day → 600 over the planned 6 days
    expect(result.mean).toBe(600);
    expect(result.lower).toBe(588);
  });

  it('after the month ended there is nothing to forecast: skipped with the reason', async () => {
    await expect(fetchForecast(ce(1).port, plan, 'UnblendedCost', '2026-12-02')).rejects.toBeInstanceOf(TaskSkippedError);
  });
});
