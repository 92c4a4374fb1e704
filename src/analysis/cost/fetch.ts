import { createHash } from 'node:crypto';
import type { CostAnomaly, CostExplorerPort, CostGroupBy, CostPeriod } from '../../aws/ports/index.js';
import type { Period } from '../../records/report.js';
import type { Cache } from '../../primitives/cache.js';
import { TaskSkippedError } from '../../primitives/errors.js';
import { addMonths, daysBetween, monthOf } from '../dates.js';
import type { CostPlan } from './plan.js';

/** A closed month Cost Explorer still marks estimated is re-asked after this long, in ms. */
export const ESTIMATED_MONTH_TTL_MS = 24 * 3_600_000;
/**
 * Anomalies are cached this long, in ms. Cost Anomaly Detection evaluates spend a few times a
 * day, so a rerun within hours would get the same answer and pay $0.01 for it.
 */
export const ANOMALIES_TTL_MS = 6 * 3_600_000;

/** Result of the `cost-daily` task. */
export interface CostDailyResult {
  metric: string;
  period: Period;
  /** Keys of each group: [SERVICE, REGION]. */
  periods: CostPeriod[];
}

/** Result of the `cost-months` task: the two closed months, grouped by linked account (and tag). */
export interface CostMonthsResult {
  metric: string;
  tagKey: string | null;
  /** By `YYYY-MM`. Group keys: [LINKED_ACCOUNT] or [LINKED_ACCOUNT, `tagKey$value`]. */
  months: Record<string, CostPeriod>;
  fromCache: string[];
  queried: string[];
}

export interface CostForecastResult {
  period: Period;
  mean: number;
  lower?: number;
  upper?: number;
}

export interface CostAnomaliesResult {
  period: Period;
  anomalies: CostAnomaly[];
  fromCache: boolean;
}

/** The one daily request: [SERVICE, REGION] groups over every window the summary needs. */
export async function fetchDaily(ce: CostExplorerPort, plan: CostPlan, metric: string, signal?: AbortSignal): Promise<CostDailyResult> {
  const periods = await ce.getCostAndUsage(
    {
      start: plan.dailyQuery.start,
      end: plan.dailyQuery.end,
      granularity: 'DAILY',
      metric,
      groupBy: [
        { type: 'DIMENSION', key: 'SERVICE' },
        { type: 'DIMENSION', key: 'REGION' },
      ],
    },
    signal,
  );
  return { metric, period: plan.dailyQuery, periods };
}

function monthGrouping(tagKey: string | undefined): { groupBy: CostGroupBy[]; id: string } {
  const groupBy: CostGroupBy[] = [{ type: 'DIMENSION', key: 'LINKED_ACCOUNT' }];
  if (!tagKey) return { groupBy, id: 'account' };
  groupBy.push({ type: 'TAG', key: tagKey });
  // Tag keys may hold any character; the cache key needs a safe, bounded segment.
  return { groupBy, id: `account.tag=${createHash('sha256').update(tagKey).digest('hex').slice(0, 16)}` };
}

/** Cache key of one closed month of one account, metric and grouping. */
export function monthCacheKey(accountId: string, metric: string, tagKey: string | undefined, month: string): string {
  return `ce/v1/${accountId}/${metric}/monthly/${monthGrouping(tagKey).id}/${month}`;
}

/**
 * The closed months of the plan: from the cache when there, else one MONTHLY request for the
 * contiguous range of missing months. A final month is cached for good; one Cost Explorer
 * still marks estimated (the first days after month end) for a day.
 */
export async function fetchClosedMonths(
  ce: CostExplorerPort,
  cache: Cache,
  plan: CostPlan,
  options: { accountId: string; metric: string; tagKey?: string | undefined },
  signal?: AbortSignal,
): Promise<CostMonthsResult> {
  const { accountId, metric, tagKey } = options;
  const result: CostMonthsResult = { metric, tagKey: tagKey ?? null, months: {}, fromCache: [], queried: [] };
  const missing: string[] = [];
  for (const month of plan.closedMonths) {
    const cached = await cache.get<CostPeriod>(monthCacheKey(accountId, metric, tagKey, month), signal);
    if (cached) {
      result.months[month] = cached;
      result.fromCache.push(month);
    } else {
      missing.push(month);
    }
  }
  if (missing.length === 0) return result;
  const start = `${missing[0]}-01`;
  const end = addMonths(`${missing[missing.length - 1]}-01`, 1);
  const periods = await ce.getCostAndUsage({ start, end, granularity: 'MONTHLY', metric, groupBy: monthGrouping(tagKey).groupBy }, signal);
  for (const month of missing) {
    const period = periods.find((p) => monthOf(p.start) === month) ?? {
      start: `${month}-01`,
      end: addMonths(`${month}-01`, 1),
      estimated: false,
      groups: [],
    };
    result.months[month] = period;
    result.queried.push(month);
    await cache.put(monthCacheKey(accountId, metric, tagKey, month), period, period.estimated ? ESTIMATED_MONTH_TTL_MS : undefined, signal);
  }
  return result;
}

/**
 * GetCostForecast for the rest of the month of the plan. Cost Explorer only forecasts from
 * today on, so a resumed execution (planned yesterday) asks from `runDay` and scales the answer
 * to the planned days at the forecast's own daily rate.
 * @param runDay the UTC day the task actually runs.
 */
export async function fetchForecast(
  ce: CostExplorerPort,
  plan: CostPlan,
  metric: string,
  runDay: string,
  signal?: AbortSignal,
): Promise<CostForecastResult> {
  const start = runDay > plan.forecast.start ? runDay : plan.forecast.start;
  if (start >= plan.forecast.end) {
    throw new TaskSkippedError(`no forecast: the month of this execution ended before the task ran (${plan.forecast.end})`);
  }
  const forecast = await ce.getCostForecast({ start, end: plan.forecast.end, metric }, signal);
  const scale = daysBetween(plan.forecast.start, plan.forecast.end) / daysBetween(start, plan.forecast.end);
  if (scale === 1) return { period: plan.forecast, ...forecast };
  return {
    period: plan.forecast,
    mean: forecast.mean * scale,
    ...(forecast.lower === undefined ? {} : { lower: forecast.lower * scale }),
    ...(forecast.upper === undefined ? {} : { upper: forecast.upper * scale }),
  };
}

/** GetAnomalies over every monitor of the account (an account without a monitor gets none), cached 6 hours. */
export async function fetchAnomalies(
  ce: CostExplorerPort,
  cache: Cache,
  plan: CostPlan,
  accountId: string,
  signal?: AbortSignal,
): Promise<CostAnomaliesResult> {
  const key = `ce/v1/${accountId}/anomalies/${plan.anomalies.start}_${plan.anomalies.end}`;
  const cached = await cache.get<CostAnomaly[]>(key, signal);
  if (cached) return { period: plan.anomalies, anomalies: cached, fromCache: true };
  const anomalies = await ce.getAnomalies({ start: plan.anomalies.start, end: plan.anomalies.end }, signal);
  await cache.put(key, anomalies, ANOMALIES_TTL_MS, signal);
  return { period: plan.anomalies, anomalies, fromCache: false };
}
