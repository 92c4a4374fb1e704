import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../../src/report/comment.js';
import { renderHtml } from '../../../src/report/html.js';
import { fixtureReport, largeReport } from './fixture-report.js';
import { hostileReport } from './hostile.js';

/** One chart's markup, by its id. */
const svgById = (html: string, id: string): string => new RegExp(`<svg id="${id}"[\\s\\S]*?</svg>`).exec(html)?.[0] ?? '';

describe('renderHtml', () => {
  it('is one self-contained document: no script, no external resource', () => {
    const html = renderHtml(fixtureReport());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
  });

  it('draws both charts with stable ids and classes', () => {
    const html = renderHtml(fixtureReport());
    expect(html).toMatch(/<svg id="daily-cost-chart" class="chart"[^>]*>/);
    expect(html).toMatch(/<path class="series area" d="M[\d.]+,[\d.]+ L/);
    expect(html).toMatch(/<path class="series line" d="M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){29}"\/>/);
    expect(html.match(/<circle class="point"/g)).toHaveLength(30);
    expect(html).toMatch(/<svg id="service-cost-chart" class="chart"[^>]*>/);
    expect(svgById(html, 'service-cost-chart').match(/<rect class="bar" /g)).toHaveLength(11);
    expect(html).toContain('<title>2026-11-24: $444.57</title>');
  });

  it('draws each chart a second time in a narrow layout, for phones', () => {
    const html = renderHtml(fixtureReport());
    const daily = svgById(html, 'daily-cost-chart-narrow');
    expect(daily).toMatch(/^<svg id="daily-cost-chart-narrow" class="chart narrow" viewBox="0 0 360 /);
    expect(daily).toMatch(/<path class="series line" d="M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){29}"\/>/);
    const services = svgById(html, 'service-cost-chart-narrow');
    expect(services).toMatch(/^<svg id="service-cost-chart-narrow" class="chart narrow" viewBox="0 0 360 /);
    expect(services.match(/<rect class="bar" /g)).toHaveLength(11);
    // The name (cut to fit beside the value) on its own line above the bar, the value at the right edge.
    expect(services).toContain('<text class="label" x="0" y="20">Amazon Elastic Compute Cloud - Co…</text>');
    expect(services).toContain('<text x="358" y="20" text-anchor="end">$4,812.40</text>');
  });

  it('a service with a cent of spend still shows a bar; one with none draws nothing', () => {
    const report = fixtureReport();
    const byService = [
      { service: 'Amazon EC2', current: 10_000, previous: 9_000, change: 1_000, changePercent: 11.1 },
      { service: 'AWS KMS', current: 0.01, previous: 0, change: 0.01, changePercent: null },
      { service: 'AWS Config', current: 0, previous: 0.5, change: -0.5, changePercent: -100 },
    ];
    const html = renderHtml({ ...report, costs: { ...report.costs!, byService } });
    const widths = (cls: string, id = 'service-cost-chart') =>
      [...svgById(html, id).matchAll(new RegExp(`<rect class="${cls}" x="[^"]*" y="[^"]*" width="([^"]*)"`, 'g'))].map((m) => Number(m[1]));
    const [ec2, kms, config] = widths('bar');
    expect(ec2).toBeGreaterThan(300);
    expect(kms).toBeGreaterThanOrEqual(2);
    expect(config).toBe(0);
    expect(widths('bar previous')).toEqual([expect.any(Number), 0, 2]);
    const [, kmsNarrow, configNarrow] = widths('bar', 'service-cost-chart-narrow');
    expect(kmsNarrow).toBeGreaterThanOrEqual(2);
    expect(configNarrow).toBe(0);
  });

  it('shows an empty chart rather than a broken one without data', () => {
    const report = fixtureReport();
    const html = renderHtml({ ...report, costs: { ...report.costs!, daily: [{ date: '2026-11-01', amount: 1 }], byService: [] } });
    expect(html).toContain('<svg id="daily-cost-chart" class="chart empty"');
    expect(html).toContain('<svg id="service-cost-chart" class="chart empty"');
    expect(html).not.toContain('class="series');
    expect(renderHtml({ ...report, costs: null })).toContain('Cost data is not available for this run');
  });

  it('has the headline, partial banner, findings, gaps and health', () => {
    const html = renderHtml(fixtureReport());
    expect(html).toContain('<div class="value">$10,010.32</div>');
    expect(html).toContain('range $11,900.00 – $13,050.00');
    expect(html).toContain('<strong>Partial run.</strong>');
    expect(html).toContain('<h2>Findings (14 · $1,266.52 / month)</h2>');
    expect(html).toContain('<li><strong>compute-optimizer</strong>: Not enrolled in AWS Compute Optimizer');
    expect(html).toContain(
      'aws:cloudwatch: open after 3 consecutive failures since 2026-11-25 06:12 UTC; last error: ThrottlingException: Rate exceeded',
    );
  });

  it('escapes every AWS string', () => {
    const html = renderHtml(hostileReport());
    expect(html).not.toContain('<script');
    expect(html).not.toContain(COMMENT_MARKER);
    expect(html).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
    expect(html).not.toMatch(/<a\b/);
  });

  it('caps the findings table and points to the CSV', () => {
    const html = renderHtml(largeReport(6_000), { maxFindings: 100 });
    expect(html.match(/<td class="sev-/g)).toHaveLength(100);
    expect(html).toContain('Showing the 100 largest of 6,000 findings; findings.csv has all of them.');
  });
});
