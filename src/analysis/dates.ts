/** Calendar arithmetic on UTC days as `YYYY-MM-DD` strings, the form Cost Explorer uses. */

const DAY_MS = 86_400_000;

/** The UTC day of an instant. */
export function utcDay(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

function parse(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid day ${JSON.stringify(day)}: expected YYYY-MM-DD`);
  return ms;
}

export function addDays(day: string, days: number): string {
  return utcDay(parse(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}

/** First day of the month of `day`. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** First day of the month `months` after (or before) the month of `day`. */
export function addMonths(day: string, months: number): string {
  const date = new Date(parse(monthStart(day)));
  date.setUTCMonth(date.getUTCMonth() + months);
  return utcDay(date);
}

/** `YYYY-MM` of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

/** Whole days elapsed between an ISO instant and `now`, rounded down; null when unknown. */
export function ageDays(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return Math.floor((now.getTime() - ms) / DAY_MS);
}
