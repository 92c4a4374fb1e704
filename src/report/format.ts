/**
 * Pure formatters shared by every renderer. They never use the host locale or time zone, so a
 * report renders byte-for-byte the same on a runner, a laptop and in golden-file tests.
 */
import type { Period } from '../records/report.js';

/** Minus sign (U+2212) used for decreases, so `−$12.00` is not mistaken for a dash. */
export const MINUS = '\u2212';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Absolute amount with cents and thousands separators, without sign: `1,234.56`. */
function absoluteCents(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100 + Number.EPSILON);
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  return `${groupThousands(String(whole))}.${fraction}`;
}

function isZeroCents(amount: number): boolean {
  return Math.round(Math.abs(amount) * 100 + Number.EPSILON) === 0;
}

/**
 * USD with cents: `$1,234.56`, negative `-$12.00` (ASCII hyphen, as in accounting exports).
 * Non-finite values render as `n/a`; amounts that round to zero never show a sign.
 */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount)) return 'n/a';
  if (isZeroCents(amount)) return '$0.00';
  return `${amount < 0 ? '-' : ''}$${absoluteCents(amount)}`;
}

/**
 * USD in a short form for chart axes and labels: `$950`, `$1.2k`, `$3.4M`.
 * Never used where the exact amount matters.
 */
export function formatUsdCompact(amount: number): string {
  if (!Number.isFinite(amount)) return 'n/a';
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (abs >= 1_000_000) return `${sign}$${trimZeros((abs / 1_000_000).toFixed(1))}M`;
  if (abs >= 1_000) return `${sign}$${trimZeros((abs / 1_000).toFixed(1))}k`;
  if (abs >= 10 || abs === 0) return `${sign}$${Math.round(abs)}`;
  return `${sign}$${trimZeros(abs.toFixed(2))}`;
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Options of {@link formatPercent}. */
export interface PercentOptions {
  /** Show `+` for increases and `−` (U+2212) for decreases. @default false */
  signed?: boolean;
  /** Digits after the decimal point. @default 1 */
  digits?: number;
}

/**
 * A percentage already expressed in percent (`4.5` → `4.5%`). `null` or non-finite → `n/a`
 * (e.g. a change against a base of zero).
 */
export function formatPercent(value: number | null, options: PercentOptions = {}): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const digits = options.digits ?? 1;
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return `${(0).toFixed(digits)}%`;
  if (!options.signed) return `${value < 0 ? '-' : ''}${text}%`;
  return `${value < 0 ? MINUS : '+'}${text}%`;
}

/**
 * Percent change of `change` relative to `base`, or `null` when the base is zero (or either is
 * not finite): a change from nothing has no meaningful percentage.
 */
export function percentChange(change: number, base: number): number | null {
  if (!Number.isFinite(change) || !Number.isFinite(base) || base === 0) return null;
  return (change / Math.abs(base)) * 100;
}

/**
 * A signed change in USD with its percentage of `base`: `+$12.30 (+4.5%)`, `−$3.00 (−10.0%)`,
 * `+$5.00 (n/a)` when `base` is 0, and `$0.00 (0.0%)` when nothing changed.
 */
export function formatUsdChange(change: number, base: number): string {
  if (!Number.isFinite(change)) return 'n/a';
  const percent = formatPercent(percentChange(change, base), { signed: true });
  if (isZeroCents(change)) return `$0.00 (${percent})`;
  return `${change < 0 ? MINUS : '+'}$${absoluteCents(change)} (${percent})`;
}

/** A signed USD amount without percentage: `+$12.30`, `−$3.00`, `$0.00`. */
export function formatUsdSigned(change: number): string {
  if (!Number.isFinite(change)) return 'n/a';
  if (isZeroCents(change)) return '$0.00';
  return `${change < 0 ? MINUS : '+'}$${absoluteCents(change)}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date for people, in UTC: `YYYY-MM-DD` for a date, `YYYY-MM-DD HH:MM UTC` for an instant.
 * Input that is not a valid date is returned unchanged (callers escape it like any other text).
 */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : 'n/a';
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The day before a `YYYY-MM-DD` date, in UTC; unchanged when it is not such a date. */
export function previousDay(date: string): string {
  if (!DATE_ONLY.test(date)) return date;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A period as people read it, with the inclusive last day: Cost Explorer's exclusive end
 * `2026-11-25` shows as `2026-11-01 → 2026-11-24`.
 */
export function formatPeriod(period: Period): string {
  const last = previousDay(period.end);
  if (last === period.start || last < period.start) return period.start;
  return `${period.start} → ${last}`;
}

/** A duration in ms for people: `850 ms`, `12.3 s`, `4m 05s`, `1h 02m`. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const totalSeconds = Math.round(seconds);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}m ${String(s).padStart(2, '0')}s`;
}

/** An integer count with thousands separators: `50,000`. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  const rounded = Math.round(n);
  return `${rounded < 0 ? '-' : ''}${groupThousands(String(Math.abs(rounded)))}`;
}

/** `1 finding`, `2 findings`: English plural by count. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}
