/**
 * The two charts of report.html, drawn as inline SVG so the page needs no script and reads
 * offline. Stable ids and classes (`#daily-cost-chart path.series`, `#service-cost-chart
 * rect.bar`) let a browser test check that they drew. Each chart comes in two layouts: the
 * wide one, and a narrow one (class `narrow`, ids ending in `-narrow`) drawn for a phone's width
 * so its text stays readable; the stylesheet shows one of the two.
 */
import { escapeHtml, escapeHtmlAttribute, sanitizeText, truncateText } from './escape.js';
import { compareText } from '../records/findings.js';
import { formatUsd, formatUsdCompact, plural } from './format.js';
import { chartablePoints } from './mermaid.js';
import type { DailyCost, ServiceCost } from '../records/report.js';
import { niceRange, num, ticks } from './scale.js';

/** Which layout of a chart: for a wide page, or for a phone's width. */
export type ChartLayout = 'wide' | 'narrow';

// The narrow layout is drawn about as wide as a phone shows it (390 px less the page's
// padding), so its 12-unit text renders at about 12 px instead of shrinking by half.
const WIDTH: Record<ChartLayout, number> = { wide: 720, narrow: 360 };
/** Narrowest bar drawn for a non-zero cost (viewBox units), so a small service still shows. */
const MIN_BAR_WIDTH = 2;

const idOf = (base: string, layout: ChartLayout): string => (layout === 'wide' ? base : `${base}-narrow`);
const classOf = (layout: ChartLayout, extra = ''): string =>
  ['chart', layout === 'narrow' ? 'narrow' : '', extra].filter(Boolean).join(' ');

function emptyChart(base: string, message: string, layout: ChartLayout): string {
  const width = WIDTH[layout];
  return `<svg id="${idOf(base, layout)}" class="${classOf(layout, 'empty')}" viewBox="0 0 ${width} 60" role="img" aria-label="${escapeHtmlAttribute(message)}" xmlns="http://www.w3.org/2000/svg"><text x="${width / 2}" y="34" text-anchor="middle">${escapeHtml(message)}</text></svg>`;
}

/**
 * Daily cost as an area and line chart with a dollar axis; the wide layout adds a point (with
 * tooltip) per day, which a phone can neither hover nor show apart.
 */
export function dailyCostSvg(daily: readonly DailyCost[], layout: ChartLayout = 'wide'): string {
  const points = chartablePoints(daily);
  if (points.length < 2) return emptyChart('daily-cost-chart', 'Not enough daily cost data to draw a chart.', layout);
  const width = WIDTH[layout];
  const narrow = layout === 'narrow';
  const height = narrow ? 220 : 260;
  const m = narrow ? { left: 50, right: 16, top: 14, bottom: 32 } : { left: 64, right: 28, top: 16, bottom: 36 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const [min, max] = niceRange(points.map((p) => p.amount));
  const x = (i: number): number => m.left + (i * w) / (points.length - 1);
  const y = (v: number): number => m.top + h - ((v - min) / (max - min)) * h;
  const out: string[] = [];
  for (const t of ticks(min, max)) {
    out.push(`<line class="grid" x1="${m.left}" x2="${width - m.right}" y1="${num(y(t))}" y2="${num(y(t))}"/>`);
    out.push(`<text x="${m.left - 8}" y="${num(y(t) + 4)}" text-anchor="end">${escapeHtml(formatUsdCompact(t))}</text>`);
  }
  const every = Math.ceil(points.length / (narrow ? 5 : 8));
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
    if (narrow) return;
    out.push(
      `<circle class="point" cx="${num(x(i))}" cy="${num(y(p.amount))}" r="2.5"><title>${escapeHtml(`${p.date}: ${formatUsd(p.amount)}`)}</title></circle>`,
    );
  });
  out.push(`<line class="axis" x1="${m.left}" x2="${width - m.right}" y1="${base}" y2="${base}"/>`);
  const first = points[0]?.date ?? '';
  const last = points[points.length - 1]?.date ?? '';
  const label = `Daily cost from ${first} to ${last}`;
  const id = idOf('daily-cost-chart', layout);
  return [
    `<svg id="${id}" class="${classOf(layout)}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeHtml(label)}</title>`,
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

/** Geometry of one layout of the service chart (viewBox units). */
interface BarLayout {
  rowHeight: number;
  /** Where the bars start: right of the labels (wide), or at the left edge under them (narrow). */
  barX: number;
  /** Room kept right of the longest bar for its value (wide only). */
  valueWidth: number;
  labelChars: number;
}

const BARS: Record<ChartLayout, BarLayout> = {
  wide: { rowHeight: 30, barX: 290, valueWidth: 90, labelChars: 38 },
  narrow: { rowHeight: 38, barX: 0, valueWidth: 0, labelChars: 34 },
};

/**
 * Month-to-date cost by service as horizontal bars, with the same days last month beneath each.
 * Wide: the name left of its bar and the value after it. Narrow: the name and the value on a
 * line of their own above the bar, so the bar can take the whole width.
 */
export function serviceCostSvg(services: readonly ServiceCost[], layout: ChartLayout = 'wide'): string {
  const rows = topServices(services).filter((r) => Number.isFinite(r.current) && Number.isFinite(r.previous));
  if (rows.length === 0) return emptyChart('service-cost-chart', 'No cost by service to draw.', layout);
  const width = WIDTH[layout];
  const g = BARS[layout];
  const narrow = layout === 'narrow';
  const top = 8;
  const height = top * 2 + rows.length * g.rowHeight;
  const maxValue = Math.max(...rows.flatMap((r) => [r.current, r.previous]), 0) || 1;
  const scale = (width - g.barX - g.valueWidth - (narrow ? 2 : 16)) / maxValue;
  // A service with any spend keeps a visible bar, however small next to the largest.
  const barWidth = (value: number) => (value > 0 ? Math.max(MIN_BAR_WIDTH, value * scale) : 0);
  const out: string[] = [];
  rows.forEach((r, i) => {
    const y0 = top + i * g.rowHeight;
    const label = escapeHtml(truncateText(sanitizeText(r.label), g.labelChars));
    const value = escapeHtml(formatUsd(r.current));
    const tooltip = `${sanitizeText(r.label)}: ${formatUsd(r.current)} month to date, ${formatUsd(r.previous)} the same days last month`;
    const barY = narrow ? y0 + 18 : y0 + 4;
    const barHeight = narrow ? 10 : 14;
    if (narrow) {
      out.push(`<text class="label" x="0" y="${y0 + 12}">${label}</text>`);
      out.push(`<text x="${width - 2}" y="${y0 + 12}" text-anchor="end">${value}</text>`);
    } else {
      out.push(`<text class="label" x="${g.barX - 8}" y="${y0 + 15}" text-anchor="end">${label}</text>`);
    }
    out.push(
      `<rect class="bar" x="${g.barX}" y="${barY}" width="${num(barWidth(r.current))}" height="${barHeight}"><title>${escapeHtml(tooltip)}</title></rect>`,
    );
    out.push(
      `<rect class="bar previous" x="${g.barX}" y="${barY + barHeight + 2}" width="${num(barWidth(r.previous))}" height="${narrow ? 3 : 4}"/>`,
    );
    if (!narrow) out.push(`<text x="${num(g.barX + barWidth(r.current) + 6)}" y="${y0 + 15}">${value}</text>`);
  });
  const id = idOf('service-cost-chart', layout);
  return [
    `<svg id="${id}" class="${classOf(layout)}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">Month-to-date cost by service</title>`,
    ...out,
    '</svg>',
  ].join('\n');
}
