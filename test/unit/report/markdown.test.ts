import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../../src/report/comment.js';
import { DEFAULT_SUMMARY_MAX_BYTES, GITHUB_SUMMARY_MAX_BYTES, utf8ByteLength } from '../../../src/report/limits.js';
import { renderReportMarkdown, renderSummaryMarkdown, renderSummaryNotice } from '../../../src/report/markdown.js';
import type { Report } from '../../../src/records/report.js';
import { fixtureReport, largeReport } from './fixture-report.js';
import { hostileReport } from './hostile.js';

describe('renderSummaryMarkdown', () => {
  it('a partial run whose checks are pending says its savings are so far, not final', () => {
    const partial: Report = {
      ...fixtureReport(),
      status: 'partial',
      findings: [],
      potentialMonthlySavings: 0,
      pending: ['checks:us-east-1', 'checks:eu-west-1', 'metrics:eu-west-1'],
    };
    expect(renderSummaryMarkdown(partial)).toContain('**$0.00** / month so far (2 check tasks pending)');
    expect(renderSummaryMarkdown(fixtureReport())).not.toContain('so far');
  });

  it('has the headline, chart, movers, findings, gaps and health of the run', () => {
    const md = renderSummaryMarkdown(fixtureReport());
    expect(md).toContain('| **$10,010.32** | +$889.44 (+9.8%) | $11,874.33 | +$471.46 (+4.1%) | $12,480.00 | **$1,266.52** / month |');
    expect(md).toMatch(/```mermaid\n%%\{init: .*\}%%\nxychart-beta\n/);
    expect(md).toMatch(/line \[(\d+(\.\d+)?, ){29}\d+(\.\d+)?\]/);
    expect(md).toContain('### Top movers');
    expect(md).toContain('### Findings: 14 · $1,266.52 / month');
    expect(md).toContain('- **compute-optimizer**: Not enrolled in AWS Compute Optimizer');
    expect(md).toContain('| 16 | 10 | 2 | 2 | 2 | 6 |');
    expect(md).toContain('**aws:cloudwatch** open after 3 consecutive failures');
    expect(md).toContain('The next run resumes them.');
    expect(md).not.toContain('ec2-inventory** closed');
  });

  it('lists resources largest saving first, each counted finding followed by its alternatives', () => {
    const md = renderSummaryMarkdown(fixtureReport());
    const rows = [...md.matchAll(/^\| (↳ )?\$([\d,.]+) \| (?:🔴|🟠|🟡)[^|]*\| [^|]* \| ([^|]*) \|/gm)].map((m) => ({
      alternative: m[1] !== undefined,
      usd: Number(m[2]!.replace(/,/g, '')),
      resource: m[3]!,
    }));
    expect(rows).toHaveLength(14);
    const counted = rows.filter((r) => !r.alternative).map((r) => r.usd);
    expect(counted).toHaveLength(12);
    expect(counted).toEqual([...counted].sort((a, b) => b - a));
    rows.forEach((row, i) => {
      if (row.alternative) expect(row.resource, `row ${i}`).toBe(rows[i - 1]!.resource);
    });
  });

  it('caps the findings table and says how many more the artifact has', () => {
    const md = renderSummaryMarkdown(fixtureReport(), { maxFindings: 5, artifactUrl: 'https://github.com/o/r/actions/runs/1/artifacts/2' });
    expect(md).toContain(
      '_Showing the 5 largest of 14 findings; 9 more in the [artifact report](https://github.com/o/r/actions/runs/1/artifacts/2) (report.html, findings.csv)._',
    );
  });

  it('ignores an artifact URL that is not https', () => {
    const md = renderSummaryMarkdown(fixtureReport(), { maxFindings: 1, artifactUrl: 'javascript:alert(1)' });
    expect(md).toContain('more in the artifact report (');
    expect(md).not.toContain('javascript:');
  });

  it('stays under 1 MiB with 50,000 findings and says what was cut', () => {
    const report = largeReport(50_000);
    const md = renderSummaryMarkdown(report);
    expect(utf8ByteLength(md)).toBeLessThan(GITHUB_SUMMARY_MAX_BYTES);
    expect(md).toContain('_Showing the 25 largest of 50,000 findings; 49,975 more in the artifact report');
  });

  it('fills the byte budget, not more, when the row cap is lifted', () => {
    const md = renderSummaryMarkdown(largeReport(50_000), { maxFindings: Number.POSITIVE_INFINITY });
    const bytes = utf8ByteLength(md);
    expect(bytes).toBeLessThanOrEqual(DEFAULT_SUMMARY_MAX_BYTES);
    expect(bytes).toBeGreaterThan(DEFAULT_SUMMARY_MAX_BYTES - 2_000);
    expect(md).toMatch(/_Showing the [\d,]+ largest of 50,000 findings; [\d,]+ more in the artifact report/);
    expect(md).toContain('### Execution health');
  });

  it('cuts the middle with a note when even the fixed sections exceed a tiny budget', () => {
    const md = renderSummaryMarkdown(fixtureReport(), { maxBytes: 1_500 });
    expect(utf8ByteLength(md)).toBeLessThanOrEqual(1_500);
    expect(md).toContain('lines were cut here to keep the summary under');
    expect(md.startsWith('## 💰 AWS cost report')).toBe(true);
  });

  it('never throws, even on a malformed report', () => {
    const broken = { ...fixtureReport(), findings: undefined } as unknown as Report;
    const md = renderSummaryMarkdown(broken);
    expect(md).toContain('The summary could not be rendered');
    expect(renderSummaryMarkdown(fixtureReport(), { maxBytes: 10 }).length).toBeLessThanOrEqual(10);
  });

  it('renders a run without cost data', () => {
    const md = renderSummaryMarkdown({ ...fixtureReport(), costs: null });
    expect(md).toContain('Cost data is not available for this run');
    expect(md).not.toContain('```mermaid');
    expect(md).not.toContain('### Top movers');
  });

  it('says when a run failed or there is nothing to find', () => {
    const md = renderSummaryMarkdown({
      ...fixtureReport(),
      status: 'failed',
      findings: [],
      potentialMonthlySavings: 0,
      usedBundledPrices: false,
    });
    expect(md).toContain('❌ **The analysis failed**: 2 tasks failed.');
    expect(md).toContain('No findings: nothing to save that the checks could see.');
    expect(md).not.toContain('bundled price snapshot');
  });

  it('lets nothing from AWS inject Markdown, HTML, links, mentions or our marker', () => {
    const md = renderSummaryMarkdown(hostileReport());
    expect(md).not.toContain('<script');
    expect(md).not.toContain(COMMENT_MARKER);
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toContain('http://evil');
    expect(md).not.toContain('@octo-org');
    expect(md).not.toContain('![x]');
    // Every table row keeps its column count: no cell broke out.
    const rows = md.split('\n').filter((l) => l.startsWith('| $') || l.startsWith('| ↳ $'));
    expect(rows.some((l) => l.includes('*Alternative to a \\| b'))).toBe(true);
    for (const line of rows) {
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(8);
    }
  });
});

describe('renderReportMarkdown', () => {
  it('has every finding, the cost breakdowns and the tasks', () => {
    const md = renderReportMarkdown(largeReport(2_000));
    expect(md.match(/^\| \$/gm)?.length).toBe(2_000);
    expect(md).not.toContain('_Showing the');
    expect(md).toContain('### Cost by service');
    expect(md).toContain('### Cost by region');
    expect(md).toContain('### Cost by tag team');
    expect(md).toContain('| *(untagged)* | $1,311.80 |');
    expect(md).toContain('### ⚠️ Cost spikes and anomalies');
    expect(md).toContain('| EC2 - Other | 2026-11-18 | ongoing | $143.20 |');
    expect(md).toContain(
      '| ec2-inventory:ap-southeast-2 | failed | 1 | 312 ms | UnauthorizedOperation: You are not authorized to perform this operation. |',
    );
  });
});

describe('renderSummaryNotice', () => {
  it('is one escaped call-out line', () => {
    expect(renderSummaryNotice('PR comment skipped: Resource not accessible by integration (403). Add `pull-requests: write`.')).toBe(
      '> ⚠️ PR comment skipped: Resource not accessible by integration (403). Add \\`pull-requests: write\\`.\n',
    );
    expect(renderSummaryNotice('line1\nline2 <b>', 'note')).toBe('> ℹ️ line1 line2 &lt;b&gt;\n');
  });
});
