/**
 * The daily cost trend as a Mermaid `xychart-beta` block, which GitHub renders in job summaries,
 * comments and Markdown files.
 */
import type { DailyCost } from '../records/report.js';
import { niceRange, num } from './scale.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Daily points that are safe to chart: a `YYYY-MM-DD` date and a finite amount, in date order. */
export function chartablePoints(daily: readonly DailyCost[], maxPoints = 62): DailyCost[] {
  const points = daily.filter((d) => DATE.test(d.date) && Number.isFinite(d.amount));
  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return points.slice(-maxPoints);
}

/**
 * A fenced `mermaid` code block charting daily cost, or `null` when there are fewer than two
 * points to draw. Labels are `MM-DD`; only validated dates and numbers reach the chart source,
 * so nothing from AWS can break out of it.
 */
export function dailyCostMermaid(daily: readonly DailyCost[]): string | null {
  const points = chartablePoints(daily);
  if (points.length < 2) return null;
  const [min, max] = niceRange(points.map((p) => p.amount));
  const first = points[0]?.date ?? '';
  const last = points[points.length - 1]?.date ?? '';
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Daily cost ${first} to ${last} (USD)"`,
    `    x-axis [${points.map((p) => `"${p.date.slice(5)}"`).join(', ')}]`,
    `    y-axis "USD" ${num(min)} --> ${num(max)}`,
    `    line [${points.map((p) => num(p.amount)).join(', ')}]`,
    '```',
  ].join('\n');
}
