/**
 * What a reader sees first: cost spikes and anomalies right under the headline (not as $0 rows
 * under the savings), and how the potential saving is counted.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../../src/records/report.js';
import { renderFindingsCsv } from '../../../src/report/csv.js';
import { renderHtml } from '../../../src/report/html.js';
import { renderReportMarkdown, renderSummaryMarkdown } from '../../../src/report/markdown.js';
import { fixtureReport } from './fixture-report.js';

function spike(service: string, increase: number, projected: number): Finding {
  return {
    check: 'cost-spike',
    resourceId: service,
    resourceType: 'service',
    region: 'global',
    title: `${service} cost up ${increase} USD`,
    evidence: {
      currentUsd: 100 + increase,
      previousUsd: 100,
      increaseUsd: increase,
      increasePercent: increase,
      projectedMonthlyIncreaseUsd: projected,
    },
    estimatedMonthlySavings: 0,
    severity: 'high',
    countedInSavings: false,
  };
}

const withFindings = (findings: Finding[]): Report => ({ ...fixtureReport(), findings });
const position = (text: string, needle: string): number => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`missing: ${needle}`);
  return at;
};

describe('cost spikes and anomalies', () => {
  it('come right after the headline in the summary and report.md, with the projected increase', () => {
    for (const md of [renderSummaryMarkdown(fixtureReport()), renderReportMarkdown(fixtureReport())]) {
      const section = position(md, '### ⚠️ Cost spikes and anomalies');
      expect(section).toBeGreaterThan(position(md, '| Potential savings |'));
      expect(section).toBeLessThan(position(md, '### Daily cost'));
      expect(md).toContain('| EC2 - Other | $1,203.67 | $988.30 | +$215.37 (+21.8%) | **+$272.95** |');
      expect(md).toContain('| EC2 - Other | 2026-11-18 | ongoing | $143.20 |');
      // Not a $0.00 row of the savings table, and anomalies are listed once.
      expect(md.slice(position(md, '### Findings'))).not.toContain('cost-spike');
      expect(md.match(/\| EC2 - Other \| 2026-11-18 \|/g)).toHaveLength(1);
    }
  });

  it('come right after the headline cards in report.html', () => {
    const html = renderHtml(fixtureReport());
    const section = position(html, '<h2>Cost spikes and anomalies</h2>');
    expect(section).toBeGreaterThan(position(html, '<section class="kpis">'));
    expect(section).toBeLessThan(position(html, '<h2>Daily cost</h2>'));
    expect(html).toContain('<td class="num up">+$215.37 (+21.8%)</td><td class="num up strong">+$272.95</td>');
    expect(html).toContain('<tr><td>EC2 - Other</td><td>2026-11-18</td><td>ongoing</td><td class="num">$143.20</td></tr>');
    expect(html.slice(position(html, '<h2>Findings'))).not.toContain('cost-spike');
  });

  it('list the largest projected increase first', () => {
    const report = withFindings([
      ...fixtureReport().findings.filter((f) => f.check !== 'cost-spike'),
      spike('Amazon S3', 20, 25),
      spike('AWS Glue', 80, 101.4),
    ]);
    const md = renderSummaryMarkdown(report);
    expect(position(md, '| AWS Glue |')).toBeLessThan(position(md, '| Amazon S3 |'));
    expect(md).toContain('| AWS Glue | $180.00 | $100.00 | +$80.00 (+80.0%) | **+$101.40** |');
  });

  it('show anomalies without a spike, and nothing when there is neither', () => {
    const noSpike = withFindings(fixtureReport().findings.filter((f) => f.check !== 'cost-spike'));
    const md = renderSummaryMarkdown(noSpike);
    expect(md).toContain('### ⚠️ Cost spikes and anomalies\n\n**Anomalies** found by AWS Cost Anomaly Detection:');
    const quiet = { ...noSpike, costs: { ...noSpike.costs!, anomalies: [] } };
    expect(renderSummaryMarkdown(quiet)).not.toContain('Cost spikes');
    expect(renderHtml(quiet)).not.toContain('Cost spikes');
  });

  it('a spike stays in findings.csv, neither counted nor an alternative', () => {
    const row = renderFindingsCsv(fixtureReport().findings)
      .split('\r\n')
      .find((line) => line.startsWith('cost-spike,'));
    expect(row).toMatch(/,false,$/);
  });
});

describe('the headline says how savings are counted', () => {
  it('each resource once, with the alternatives it leaves out', () => {
    const sentence =
      'Potential savings count each resource once, at its largest saving: 12 resources; 2 alternative findings on the same resources are not added.';
    expect(renderSummaryMarkdown(fixtureReport())).toContain(sentence);
    expect(renderSummaryMarkdown({ ...fixtureReport(), costs: null })).toContain(sentence);
    expect(renderHtml(fixtureReport())).toContain('each resource counted once: 12 resources · 2 alternatives not added');
  });
});
