import type { CostSummary, Period, ServiceCost } from '../../records/report.js';
import { roundUsd } from '../../primitives/money.js';
import { addDays } from '../dates.js';
import type { CostAnomaliesResult, CostDailyResult, CostForecastResult, CostMonthsResult } from './fetch.js';
import type { CostPlan } from './plan.js';

/** Movers listed in the summary. */
export const MAX_MOVERS = 10;

export interface CostSummaryInputs {
  plan: CostPlan;
  metric: string;
  tagKey?: string | undefined;
  daily: CostDailyResult;
  months?: CostMonthsResult | undefined;
  forecast?: CostForecastResult | undefined;
  anomalies?: CostAnomaliesResult | undefined;
}

const within = (day: string, period: Period) => day >= period.start && day < period.end;

function percent(change: number, base: number): number | null {
  return base === 0 ? null : Math.round((change / base) * 10_000) / 100;
}

function serviceCost(service: string, current: number, previous: number): ServiceCost {
  const change = roundUsd(current - previous);
  return {
    service,
    current: roundUsd(current),
    previous: roundUsd(previous),
    change,
    changePercent: percent(current - previous, previous),
  };
}

function sortedAmounts<K extends string>(totals: Map<string, number>, key: K): Array<Record<K, string> & { amount: number }> {
  return [...totals.entries()]
    .map(([name, amount]) => ({ [key]: name, amount: roundUsd(amount) }) as Record<K, string> & { amount: number })
    .sort((a, b) => b.amount - a.amount || (a[key] < b[key] ? -1 : 1));
}

/**
 * Builds the report's cost section from the cost tasks' results. Only `daily` is required;
 * each other section is left out (or null) when its task did not succeed.
 */
export function summariseCosts(inputs: CostSummaryInputs): CostSummary {
  const { plan, daily } = inputs;
  const byDay = new Map<string, number>();
  const services = new Map<string, { current: number; previous: number }>();
  const regions = new Map<string, number>();
  let currentTotal = 0;
  let previousTotal = 0;
  let monthToDate = 0;
  for (const period of daily.periods) {
    const day = period.start;
    const dayTotal = period.total ?? period.groups.reduce((sum, g) => sum + g.amount, 0);
    byDay.set(day, (byDay.get(day) ?? 0) + dayTotal);
    if (within(day, plan.monthToDate)) monthToDate += dayTotal;
    const inCurrent = within(day, plan.current);
    const inPrevious = within(day, plan.previous);
    if (!inCurrent && !inPrevious) continue;
    for (const group of period.groups) {
      const service = group.keys[0] ?? 'Unknown';
      const entry = services.get(service) ?? { current: 0, previous: 0 };
      if (inCurrent) {
        entry.current += group.amount;
        currentTotal += group.amount;
        const region = group.keys[1] ?? 'NoRegion';
        regions.set(region, (regions.get(region) ?? 0) + group.amount);
      } else {
        entry.previous += group.amount;
        previousTotal += group.amount;
      }
      services.set(service, entry);
    }
  }
  const byService = [...services.entries()]
    .map(([name, s]) => serviceCost(name, s.current, s.previous))
    .filter((s) => s.current !== 0 || s.previous !== 0)
    .sort((a, b) => b.current - a.current || b.previous - a.previous || (a.service < b.service ? -1 : 1));
  const movers = byService
    .filter((s) => Math.abs(s.change) >= 0.01)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.service < b.service ? -1 : 1))
    .slice(0, MAX_MOVERS);
  const series = [];
  for (let day = plan.daily.start; day < plan.daily.end; day = addDays(day, 1))
    series.push({ date: day, amount: roundUsd(byDay.get(day) ?? 0) });

  const summary: CostSummary = {
    metric: inputs.metric,
    currency: 'USD',
    current: { period: plan.current, total: roundUsd(currentTotal) },
    previous: { period: plan.previous, total: roundUsd(previousTotal) },
    change: roundUsd(currentTotal - previousTotal),
    changePercent: percent(currentTotal - previousTotal, previousTotal),
    forecast: inputs.forecast
      ? {
          total: roundUsd(monthToDate + inputs.forecast.mean),
          ...(inputs.forecast.lower === undefined ? {} : { lower: roundUsd(monthToDate + inputs.forecast.lower) }),
          ...(inputs.forecast.upper === undefined ? {} : { upper: roundUsd(monthToDate + inputs.forecast.upper) }),
        }
      : null,
    byService,
    byRegion: sortedAmounts(regions, 'region'),
    daily: series,
    movers,
  };
  if (inputs.months) addClosedMonths(summary, inputs.months, plan, inputs.tagKey);
  if (inputs.anomalies) {
    summary.anomalies = inputs.anomalies.anomalies.map((a) => {
      const service = a.rootCauses.find((c) => c.service)?.service ?? a.dimensionValue ?? undefined;
      return {
        id: a.id,
        ...(service ? { service } : {}),
        start: a.start ?? inputs.anomalies!.period.start,
        ...(a.end ? { end: a.end } : {}),
        impact: roundUsd(a.totalImpact),
      };
    });
  }
  return summary;
}

/** Last full month vs the month before, and the last full month by linked account and tag. */
function addClosedMonths(summary: CostSummary, months: CostMonthsResult, plan: CostPlan, tagKey: string | undefined): void {
  const [olderKey, lastKey] = plan.closedMonths;
  const last = months.months[lastKey];
  const older = months.months[olderKey];
  if (!last || !older) return;
  const total = (p: typeof last) => p.total ?? p.groups.reduce((sum, g) => sum + g.amount, 0);
  const lastTotal = total(last);
  const olderTotal = total(older);
  summary.lastMonth = {
    period: { start: last.start, end: last.end },
    total: roundUsd(lastTotal),
    priorTotal: roundUsd(olderTotal),
    change: roundUsd(lastTotal - olderTotal),
    changePercent: percent(lastTotal - olderTotal, olderTotal),
  };
  summary.breakdownPeriod = { start: last.start, end: last.end };
  const accounts = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const group of last.groups) {
    const account = group.keys[0] ?? 'unknown';
    accounts.set(account, (accounts.get(account) ?? 0) + group.amount);
    const tag = group.keys[1];
    if (tag !== undefined) {
      // Cost Explorer returns tag groups as `key$value`; `key$` is the untagged spend.
      const value = tag.includes('$') ? tag.slice(tag.indexOf('$') + 1) : tag;
      tags.set(value, (tags.get(value) ?? 0) + group.amount);
    }
  }
  // A member account only sees itself: a one-row breakdown says nothing.
  if (accounts.size > 1) summary.byAccount = sortedAmounts(accounts, 'accountId');
  if (tagKey) summary.byTag = { key: tagKey, values: sortedAmounts(tags, 'value') };
}
