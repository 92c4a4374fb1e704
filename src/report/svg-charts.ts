/**
 * The two charts of report.html, drawn as inline SVG so the page needs no script and reads
 * offline. Stable ids and classes (`#daily-cost-chart path.series`, `#service-cost-chart
 * rect.bar`) let a browser test check that they drew.
 */
import { escapeHtml, escapeHtmlAttribute, sanitizeText, truncateText } from './escape.js';
import { compareText } from '../records/findings.js';
import { formatUsd, formatUsdCompact, plural } from './format.js';
import { chartablePoints } from './mermaid.js';
import type { DailyCost, ServiceCost } from '../records/report.js';
import { niceRange, num, ticks } from './scale.js';

const WIDTH = 720;
/** Narrowest bar drawn for a non-zero cost (viewBox units), so a small service still shows. */
const MIN_BAR_WIDTH = 2;

function emptyChart(id: string, message: string): string {
  return `<svg id="${id}" class="chart empty" viewBox="0 0 ${WIDTH} 60" role="img" aria-label="${escapeHtmlAttribute(message)}" xmlns="http://www.w3.org/2000/svg"><text x="${WIDTH / 2}" y="34" text-anchor="middle">${escapeHtml(message)}</text></svg>`;
}

/** Daily cost as an area and line chart with a dollar axis and a point (with tooltip) per day. */
export function dailyCostSvg(daily: readonly DailyCost[]): string {
  const points = chartablePoints(daily);
  if (points.length < 2) return emptyChart('daily-cost-chart', 'Not enough daily cost data to draw a chart.');
  const height = 260;
  const m = { left: 64, right: 28, top: 16, bottom: 36 };
  const w = WIDTH - m.left - m.right;
  const h = height - m.top - m.bottom;
  const [min, max] = niceRange(points.map((p) => p.amount));
  const x = (i: number): number => m.left + (i * w) / (points.length - 1);
  const y = (v: number): number => m.top + h - ((v - min) / (max - min)) * h;
  const out: string[] = [];
  for (const t of ticks(min, max)) {
    out.push(`<line class="grid" x1="${m.left}" x2="${WIDTH - m.right}" y1="${num(y(t))}" y2="${num(y(t))}"/>`);
    out.push(`<text x="${m.left - 8}" y="${num(y(t) + 4)}" text-anchor="end">${escapeHtml(formatUsdCompact(t))}</text>`);
  }
  const every = Math.ceil(points.length / 8);
  points.forEach((p, i) => {
    // The last day is always labelled; a regular label too close to it would overlap.
    const last = i === points.length - 1;
    if (last || (i % every === 0 && points.length - 1 - i >= every / 2)) {
      out.push(`<text x="${num(x(i))}" y="${height - m.bottom + 18}" text-anchor="middle">${escapeHtml(p.date.slice(5))}</text>`);
    }
  });
  const coords = points.map((p, i) => `${num(x(i))},${num(y(p.amount))}`);
  const base = num(y(Math.max(min, 0)));
  out.push(`<path class="series area" d="M${num(x(0))},${base} L${coords.join(' L')} L${num(x(points.length - 1))},${base} Z"/>`);
  out.push(`<path class="series line" d="M${coords.join(' L')}"/>`);
  points.forEach((p, i) => {
    out.push(
      `<circle class="point" cx="${num(x(i))}" cy="${num(y(p.amount))}" r="2.5"><title>${escapeHtml(`${p.date}: ${formatUsd(p.amount)}`)}</title></circle>`,
    );
  });
  out.push(`<line class="axis" x1="${m.left}" x2="${WIDTH - m.right}" y1="${base}" y2="${base}"/>`);
  const first = points[0]?.date ?? '';
  const last = points[points.length - 1]?.date ?? '';
  const label = `Daily cost from ${first} to ${last}`;
  return [
    `<svg id="daily-cost-chart" class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="daily-cost-chart-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="daily-cost-chart-title">${escapeHtml(label)}</title>`,
    ...out,
    '</svg>',
  ].join('\n');
}

/** The largest services by month-to-date cost, the rest summed as "Other". */
export function topServices(services: readonly ServiceCost[], max = 10): Array<{ label: string; current: number; previous: number }> {
  const sorted = [...services].sort((a, b) => b.current - a.current || compareText(a.service, b.service));
  // "Other (1 service)" would hide a name for nothing.
  const shown = sorted.length === max + 1 ? max + 1 : max;
  const top = sorted.slice(0, shown).map((s) => ({ label: s.service, current: s.current, previous: s.previous }));
  const rest = sorted.slice(shown);
  if (rest.length > 0) {
    top.push({
      label: `Other (${plural(rest.length, 'service')})`,
      current: rest.reduce((n, s) => n + s.current, 0),
      previous: rest.reduce((n, s) => n + s.previous, 0),
    });
  }
  return top;
}

/** Month-to-date cost by service as horizontal bars, with the same days last month beneath each. */
export function serviceCostSvg(services: readonly ServiceCost[]): string {
  const rows = topServices(services).filter((r) => Number.isFinite(r.current) && Number.isFinite(r.previous));
  if (rows.length === 0) return emptyChart('service-cost-chart', 'No cost by service to draw.');
  const rowHeight = 30;
  const labelWidth = 290;
  const valueWidth = 90;
  const top = 8;
  const height = top * 2 + rows.length * rowHeight;
  const maxValue = Math.max(...rows.flatMap((r) => [r.current, r.previous]), 0) || 1;
  const scale = (WIDTH - labelWidth - valueWidth - 16) / maxValue;
  // A service with any spend keeps a visible bar, however small next to the largest.
  const barWidth = (value: number) => (value > 0 ? Math.max(MIN_BAR_WIDTH, value * scale) : 0);
  const out: string[] = [];
  rows.forEach((r, i) => {
    const y0 = top + i * rowHeight;
    const label = truncateText(sanitizeText(r.label), 38);
    const tooltip = `${sanitizeText(r.label)}: ${formatUsd(r.current)} month to date, ${formatUsd(r.previous)} the same days last month`;
    out.push(`<text class="label" x="${labelWidth - 8}" y="${y0 + 15}" text-anchor="end">${escapeHtml(label)}</text>`);
    out.push(
      `<rect class="bar" x="${labelWidth}" y="${y0 + 4}" width="${num(barWidth(r.current))}" height="14"><title>${escapeHtml(tooltip)}</title></rect>`,
    );
    out.push(`<rect class="bar previous" x="${labelWidth}" y="${y0 + 20}" width="${num(barWidth(r.previous))}" height="4"/>`);
    out.push(`<text x="${num(labelWidth + barWidth(r.current) + 6)}" y="${y0 + 15}">${escapeHtml(formatUsd(r.current))}</text>`);
  });
  return [
    `<svg id="service-cost-chart" class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="service-cost-chart-title" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="service-cost-chart-title">Month-to-date cost by service</title>',
    ...out,
    '</svg>',
  ].join('\n');
}
