import type { Period } from '../../records/report.js';
import { addDays, addMonths, daysBetween, minDay, monthOf, monthStart, utcDay } from '../dates.js';

/** Days of the daily trend. */
export const DAILY_SERIES_DAYS = 30;

/**
 * The windows of one cost analysis, all derived from `now` so every section agrees. Complete
 * UTC days only: today is partial in Cost Explorer, so month-to-date ends (exclusively) today.
 */
export interface CostPlan {
  /** UTC day of `now`; the exclusive end of every actual-cost window. */
  today: string;
  /** Month to date [1st, today). On the 1st (no complete day yet) the month just closed. */
  current: Period;
  /** The same days of the previous month (capped at that month's end); the month before on the 1st. */
  previous: Period;
  /** True on the 1st of a month, when `current` is the month just closed. */
  rolledOver: boolean;
  /** Daily trend window: the last 30 complete days. */
  daily: Period;
  /** The one DAILY query that serves `current`, `previous`, `daily`, by-service, by-region and movers. */
  dailyQuery: Period;
  /** The two closed months compared by `lastMonth` (`YYYY-MM`, older first). */
  closedMonths: [string, string];
  /** The current calendar month's actual-cost window [1st, today) (empty on the 1st). */
  monthToDate: Period;
  /** Rest of the current month [today, 1st of next month), for GetCostForecast. */
  forecast: Period;
  /** Window searched for anomalies. */
  anomalies: Period;
}

/** Builds the cost windows for an analysis started at `now`. */
export function planCosts(now: Date): CostPlan {
  const today = utcDay(now);
  const thisMonth = monthStart(today);
  const lastMonth = addMonths(today, -1);
  const monthBefore = addMonths(today, -2);
  const rolledOver = today === thisMonth;
  let current: Period;
  let previous: Period;
  if (rolledOver) {
    current = { start: lastMonth, end: thisMonth };
    previous = { start: monthBefore, end: lastMonth };
  } else {
    current = { start: thisMonth, end: today };
    const days = daysBetween(thisMonth, today);
    // Cap at the end of the shorter previous month: 30 days of March compare with all of February.
    previous = { start: lastMonth, end: minDay(addDays(lastMonth, days), thisMonth) };
  }
  const daily = { start: addDays(today, -DAILY_SERIES_DAYS), end: today };
  return {
    today,
    current,
    previous,
    rolledOver,
    daily,
    dailyQuery: { start: minDay(previous.start, daily.start), end: today },
    closedMonths: [monthOf(monthBefore), monthOf(lastMonth)],
    monthToDate: { start: thisMonth, end: today },
    forecast: { start: today, end: addMonths(today, 1) },
    anomalies: daily,
  };
}
