/**
 * Numbers of the headline that need a decision before any renderer shows them.
 */
import type { CostSummary, Report } from '../records/report.js';

/**
 * The last full month against the month before, unless it is the month-to-date comparison
 * already: on the 1st, the month to date is the month just closed. `null` without it.
 */
export function lastFullMonth(report: Report): NonNullable<CostSummary['lastMonth']> | null {
  const m = report.costs?.lastMonth;
  if (!m) return null;
  const current = report.costs!.current.period;
  return m.period.start === current.start && m.period.end === current.end ? null : m;
}
