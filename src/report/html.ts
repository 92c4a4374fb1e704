/**
 * report.html: one self-contained page (inline CSS and SVG, no script, font, image or network
 * request), readable offline and safe to open: a Content-Security-Policy forbids any script or
 * remote load, and every string from AWS is escaped.
 */
import { escapeHtml } from './escape.js';
import { formatCount, formatDate, formatPeriod, formatUsd } from './format.js';
import { executionHealth, statusLabel } from './health.js';
import { bannersSection, findingsHtml, gapsHtml, healthHtml, kpiSection, moversHtml, servicesHtml } from './html-sections.js';
import { breakdownsHtml } from './html-breakdowns.js';
import { costSignalsHtml } from './html-signals.js';
import { HTML_STYLE } from './html-style.js';
import type { Report } from '../records/report.js';
import { savingsInReadingOrder } from '../records/counted-savings.js';
import { dailyCostSvg, serviceCostSvg } from './svg-charts.js';

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Findings rows at most (findings.csv has them all). @default 5000 */
  maxFindings?: number;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function costSections(report: Report): string[] {
  const costs = report.costs;
  if (!costs) return ['<h2>Costs</h2>', '<p class="note">Cost data is not available for this run (see Not analysed).</p>'];
  const legend =
    '<div class="legend"><span><span class="swatch current"></span>Month to date</span><span><span class="swatch previous"></span>Same days last month</span></div>';
  return [
    '<h2>Daily cost</h2>',
    `<figure>\n${dailyCostSvg(costs.daily)}\n${dailyCostSvg(costs.daily, 'narrow')}\n<figcaption>${escapeHtml(`Daily ${costs.metric}, in USD.`)}</figcaption>\n</figure>`,
    '<h2>Cost by service</h2>',
    `<figure>\n${serviceCostSvg(costs.byService)}\n${serviceCostSvg(costs.byService, 'narrow')}\n${legend}\n</figure>`,
    servicesHtml(report),
    '<h2>Top movers</h2>',
    moversHtml(report),
    breakdownsHtml(report),
  ];
}

/** The whole report as an HTML document. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const health = executionHealth(report);
  const title = `AWS cost report · ${report.accountId} · ${formatDate(report.generatedAt)}`;
  const period = report.costs
    ? `month to date ${formatPeriod(report.costs.current.period)} (${report.costs.metric})`
    : `period ${formatPeriod(report.period)}`;
  const meta = `Account ${report.accountId} · ${period} · ${statusLabel(report.status)} · generated ${formatDate(report.generatedAt)}`;
  const body = [
    '<header>',
    '<h1>AWS cost report</h1>',
    `<p class="meta">${escapeHtml(meta)}</p>`,
    '</header>',
    bannersSection(report, health),
    kpiSection(report),
    costSignalsHtml(report),
    ...costSections(report),
    `<h2>Findings (${escapeHtml(formatCount(savingsInReadingOrder(report.findings).length))} · ${escapeHtml(formatUsd(report.potentialMonthlySavings))} / month)</h2>`,
    findingsHtml(report, options.maxFindings ?? 5000),
    gapsHtml(report),
    healthHtml(report, health),
    `<footer>${escapeHtml(`Execution ${report.executionId} · report schema v${report.schemaVersion} · finops-aws-action`)}</footer>`,
  ].filter((s) => s !== '');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
