/**
 * The daily cost trend as a Mermaid `xychart-beta` block, which GitHub renders in job summaries,
 * comments and Markdown files.
 */
import type { DailyCost } from '../records/report.js';
import { niceRange, num } from './scale.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The line's colour, set explicitly: Mermaid's default xychart palette starts with `#ECECFF`,
 * which is invisible on GitHub's light background. This blue keeps a contrast of at least 3:1
 * on both GitHub's light (#ffffff) and dark (#0d1117) backgrounds.
 */
export const MERMAID_LINE_COLOUR = '#1f77b4';

const INIT = `%%{init: ${JSON.stringify({ themeVariables: { xyChart: { plotColorPalette: MERMAID_LINE_COLOUR } } })}}%%`;

/** Daily points that are safe to chart: a `YYYY-MM-DD` date and a finite amount, in date order. */
export function chartablePoints(daily: readonly DailyCost[], maxPoints = 62): DailyCost[] {
  const points = daily.filter((d) => DATE.test(d.date) && Number.isFinite(d.amount));
  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return points.slice(-maxPoints);
}

/**
 * A fenced `mermaid` code block charting daily cost, or `null` when there are fewer than two
 * points to draw. Labels are the day of the month (`1`…`31`; the title gives the dates), short
 * enough that thirty of them do not run together, as xychart-beta prints every one. Only
 * validated dates and numbers reach the chart source, so nothing from AWS can break out of it.
 */
export function dailyCostMermaid(daily: readonly DailyCost[]): string | null {
  const points = chartablePoints(daily);
  if (points.length < 2) return null;
  const [min, max] = niceRange(points.map((p) => p.amount));
  const first = points[0]?.date ?? '';
  const last = points[points.length - 1]?.date ?? '';
  return [
    '```mermaid',
    INIT,
    'xychart-beta',
    `    title "Daily cost ${first} to ${last} (USD)"`,
    `    x-axis [${points.map((p) => `"${Number(p.date.slice(8))}"`).join(', ')}]`,
    `    y-axis "USD" ${num(min)} --> ${num(max)}`,
    `    line [${points.map((p) => num(p.amount)).join(', ')}]`,
    '```',
  ].join('\n');
}
