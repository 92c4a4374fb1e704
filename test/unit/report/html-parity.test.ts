import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/report/html.js';
import { renderReportMarkdown } from '../../../src/report/markdown.js';
import type { Report } from '../../../src/records/report.js';
import { fixtureReport } from './fixture-report.js';

/** A section's name: its heading without decoration or the figures after ':' or '('. */
const sectionName = (heading: string): string =>
  heading
    .replace(/^[^\p{L}]+/u, '')
    .split(/[:(]/)[0]!
    .trim();

const decode = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** report.md's level-3 sections by name; the headline (before the first) is named "". */
function markdownSections(md: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const [i, part] of md.split(/^### /m).entries()) {
    const [heading, ...body] = part.split('\n');
    sections.set(i === 0 ? '' : sectionName(heading!), i === 0 ? part : body.join('\n'));
  }
  return sections;
}

/** report.html's h2 sections by name, as text; what precedes the first (headline cards) is named "". */
function htmlSections(html: string): Map<string, string> {
  const body = html.slice(html.indexOf('<body>'));
  const sections = new Map<string, string>();
  for (const [i, part] of body.split('<h2>').entries()) {
    const end = part.indexOf('</h2>');
    sections.set(i === 0 ? '' : sectionName(decode(part.slice(0, end))), decode(i === 0 ? part : part.slice(end)));
  }
  return sections;
}

/** Dollar amounts and percentages, the figures a reader compares. */
const figures = (text: string): string[] => [...new Set(text.match(/[+-]?\$[\d,]+\.\d\d|[+-]?\d+(\.\d+)?%/g) ?? [])];

function withLinkedAccounts(report: Report): Report {
  return {
    ...report,
    costs: {
      ...report.costs!,
      byAccount: [
        { accountId: '123456789012', amount: 7100.25 },
        { accountId: '210987654321', amount: 2910.07 },
      ],
    },
  };
}

describe('report.html carries what report.md carries', () => {
  for (const [name, report] of [
    ['the fixture report', fixtureReport()],
    ['the fixture report of a payer account', withLinkedAccounts(fixtureReport())],
  ] as const) {
    it(`every report.md section has a report.html section of the same name, with the same figures (${name})`, () => {
      const md = markdownSections(renderReportMarkdown(report));
      const html = htmlSections(renderHtml(report));
      expect([...md.keys()].length).toBeGreaterThan(8);
      const missing = [...md.keys()].filter((k) => !html.has(k));
      expect(missing, 'report.md sections without a report.html counterpart').toEqual([]);
      for (const [key, text] of md) {
        const shown = html.get(key) ?? '';
        const absent = figures(text).filter((f) => !shown.includes(f));
        expect(absent, `figures of "${key || 'headline'}" missing from report.html`).toEqual([]);
      }
    });
  }

  it('names the linked-account, region and tag sections of a payer account', () => {
    const names = [...htmlSections(renderHtml(withLinkedAccounts(fixtureReport()))).keys()];
    expect(names).toEqual(expect.arrayContaining(['Cost by region', 'Cost by linked account', 'Cost by tag team', 'Tasks']));
  });
});
