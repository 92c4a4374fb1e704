/**
 * What a reader can add must add up: in every rendered form, the savings of the counted rows
 * sum to the headline's potential saving, on the fixture and on the demo account's real analysis.
 */
import { describe, expect, it } from 'vitest';
import { buildAnalysisGraph } from '../../../src/analysis/graph.js';
import { resolveRegions } from '../../../src/analysis/regions.js';
import { createDemoAdapters, DEMO_ACCOUNT_ID, DEMO_NOW } from '../../../src/demo/index.js';
import type { AnalysisResult } from '../../../src/records/analysis.js';
import type { Report } from '../../../src/records/report.js';
import { buildCommentData, renderComment } from '../../../src/report/comment.js';
import { renderFindingsCsv } from '../../../src/report/csv.js';
import { renderHtml } from '../../../src/report/html.js';
import { renderReportMarkdown, renderSummaryMarkdown } from '../../../src/report/markdown.js';
import { memoryCache } from '../../../src/state/cache.js';
import { runGraph } from '../analysis/support/run-graph.js';
import { FIXTURE_POTENTIAL_SAVINGS, fixtureReport } from './fixture-report.js';
import { parseCsv } from './parse-csv.js';

const usd = (text: string): number => Number(text.replace(/[$,]/g, ''));
const cents = (values: number[]): number => values.reduce((n, v) => n + Math.round(v * 100), 0) / 100;

async function demoReport(): Promise<Report> {
  const adapters = createDemoAdapters();
  const regions = await resolveRegions(adapters, 'all');
  const graph = buildAnalysisGraph({ accountId: DEMO_ACCOUNT_ID, regions, adapters, cache: memoryCache(), now: DEMO_NOW });
  const run = await runGraph(graph, { failFast: true, now: DEMO_NOW });
  const analysis = run.results.get('analysis') as AnalysisResult;
  return {
    ...fixtureReport(),
    status: 'completed',
    pending: [],
    costs: analysis.costs,
    findings: analysis.findings,
    potentialMonthlySavings: analysis.potentialMonthlySavings,
  };
}

/** The headline's potential saving, as the Markdown shows it. */
function markdownHeadline(md: string): number {
  return usd(/\| \*\*(\$[\d,.]+)\*\* \/ month/.exec(md)![1]!);
}

/** Savings of the findings table's rows: counted ones (`| $…`) and alternatives (`| ↳ $…`). */
function markdownRows(md: string): { counted: number[]; alternatives: number[] } {
  const section = md.slice(md.indexOf('### Findings'));
  return {
    counted: [...section.matchAll(/^\| (\$[\d,.]+) \|/gm)].map((m) => usd(m[1]!)),
    alternatives: [...section.matchAll(/^\| ↳ (\$[\d,.]+) \|/gm)].map((m) => usd(m[1]!)),
  };
}

function expectEveryFormAddsUp(report: Report): void {
  const total = report.potentialMonthlySavings;

  const md = renderReportMarkdown(report);
  expect(markdownHeadline(md)).toBe(total);
  const rows = markdownRows(md);
  expect(rows.alternatives.length).toBeGreaterThan(0);
  expect(cents(rows.counted)).toBe(total);
  // All rows together are more than the headline: that is why the alternatives are marked.
  expect(cents([...rows.counted, ...rows.alternatives])).toBeGreaterThan(total);

  const summary = renderSummaryMarkdown(report, { maxFindings: Number.POSITIVE_INFINITY });
  expect(markdownHeadline(summary)).toBe(total);
  expect(cents(markdownRows(summary).counted)).toBe(total);

  const csv = parseCsv(renderFindingsCsv(report.findings));
  const header = csv[0]!;
  const counted = csv.slice(1).filter((r) => r[header.indexOf('countedInSavings')] === 'true');
  expect(cents(counted.map((r) => Number(r[header.indexOf('estimatedMonthlySavings')])))).toBe(total);

  const html = renderHtml(report);
  const htmlCounted = [...html.matchAll(/<tr><td class="num[^"]*">(?:↳ )?(\$[\d,.]+)<\/td><td[^>]*>yes<\/td>/g)].map((m) => usd(m[1]!));
  expect(cents(htmlCounted)).toBe(total);
  expect(usd(/Potential savings<\/div><div class="value">(\$[\d,.]+) \/ month/.exec(html)![1]!)).toBe(total);

  // The comment lists the ten largest rows and sums the rest: together, the headline.
  const comment = renderComment(buildCommentData(report, null));
  const section = comment.slice(comment.indexOf('### Largest findings'));
  const shown = [...section.matchAll(/^\| (\$[\d,.]+) \|/gm)].map((m) => usd(m[1]!));
  const rest = /more findings \((\$[\d,.]+) \/ month counted\)/.exec(section);
  expect(cents([...shown, rest ? usd(rest[1]!) : 0])).toBe(total);
}

describe('the counted rows add up to the headline', () => {
  it('on the fixture', () => {
    const report = fixtureReport();
    expect(report.potentialMonthlySavings).toBe(FIXTURE_POTENTIAL_SAVINGS);
    expectEveryFormAddsUp(report);
  });

  it('on the demo account, where Compute Optimizer and our checks advise on the same instances', async () => {
    const report = await demoReport();
    const instance = report.findings.filter((f) => f.resourceId === 'i-0c3a7e9f4d1b50002');
    expect(instance.map((f) => [f.check, f.estimatedMonthlySavings, f.countedInSavings, f.alternativeTo])).toEqual([
      ['aws-compute-optimizer', 175.2, true, undefined],
      ['ec2-idle', 175.2, false, 'aws-compute-optimizer'],
      ['ec2-underutilised', 87.6, false, 'aws-compute-optimizer'],
    ]);
    expectEveryFormAddsUp(report);
  });

  it('on a report written before findings were marked', () => {
    const report = fixtureReport();
    const unmarked = { ...report, findings: report.findings.map(({ countedInSavings: _c, alternativeTo: _a, ...rest }) => rest) };
    expectEveryFormAddsUp(unmarked);
    expect(renderReportMarkdown(unmarked)).toBe(renderReportMarkdown(report));
    expect(renderFindingsCsv(unmarked.findings)).toBe(renderFindingsCsv(report.findings));
  });
});
