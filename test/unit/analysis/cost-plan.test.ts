import { describe, expect, it } from 'vitest';
import { planCosts } from '../../../src/analysis/cost/plan.js';

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
