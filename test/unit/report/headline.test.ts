/**
 * What a reader sees first: cost spikes and anomalies right under the headline (not as $0 rows
 * under the savings), and the last full month beside the month to date.
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

describe('the last full month', () => {
  it('stands beside the month to date in the headline of the summary and report.md', () => {
    for (const md of [renderSummaryMarkdown(fixtureReport()), renderReportMarkdown(fixtureReport())]) {
      expect(md).toContain(
        '| Month to date | vs same days last month | Last full month | vs the month before | End-of-month forecast | Potential savings |',
      );
      expect(md).toContain('| **$10,010.32** | +$889.44 (+9.8%) | $11,874.33 | +$471.46 (+4.1%) | $12,480.00 |');
      expect(md).toContain('Last full month 2026-10-01 → 2026-10-31, compared with the month before.');
    }
  });

  it('has its card in report.html', () => {
    expect(renderHtml(fixtureReport())).toContain(
      '<div class="kpi"><div class="label">Last full month</div><div class="value">$11,874.33</div><div class="detail up">+$471.46 (+4.1%) vs the month before · 2026-10-01 → 2026-10-31</div></div>',
    );
  });

  it('is left out when not known, or when it is the month to date already (on the 1st)', () => {
    const report = fixtureReport();
    const { lastMonth: _omit, ...withoutLastMonth } = report.costs!;
    const firstOfMonth: Report = {
      ...report,
      costs: {
        ...report.costs!,
        current: { period: { start: '2026-10-01', end: '2026-11-01' }, total: 11874.33 },
        previous: { period: { start: '2026-09-01', end: '2026-10-01' }, total: 11402.87 },
      },
    };
    for (const r of [{ ...report, costs: withoutLastMonth }, firstOfMonth]) {
      expect(renderSummaryMarkdown(r)).not.toContain('Last full month');
      expect(renderHtml(r)).not.toContain('Last full month');
    }
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
