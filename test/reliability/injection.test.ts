import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsAdapters } from '../../src/aws/ports/index.js';
import { createDemoAdapters, DEMO_NOW } from '../../src/demo/index.js';
import { buildCommentData, COMMENT_MARKER, renderComment } from '../../src/report/comment.js';
import { renderFindingsCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderSummaryMarkdown } from '../../src/report/markdown.js';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { HOSTILE } from '../unit/report/hostile.js';
import { runDemoAnalysis } from './support/demo-analysis.js';

const EVIL_NAME = `${HOSTILE.script} ${HOSTILE.link} ${HOSTILE.mention} ${HOSTILE.image} ${HOSTILE.marker}`;

/** The demo account where everything a user can name carries attacker-chosen text. */
function hostileAccount(): AwsAdapters {
  const demo = createDemoAdapters({ now: DEMO_NOW });
  return {
    ...demo,
    costExplorer: {
      ...demo.costExplorer,
      async getCostAndUsage(query, signal) {
        const periods = await demo.costExplorer.getCostAndUsage(query, signal);
        return periods.map((p) => ({
          ...p,
          groups: p.groups.map((g) => ({ ...g, keys: g.keys.map((k) => (k === 'EC2 - Other' ? `${HOSTILE.formula} ${EVIL_NAME}` : k)) })),
        }));
      },
    },
    ec2: (region) => {
      const ec2 = demo.ec2(region);
      return {
        ...ec2,
        listVolumes: async (signal) =>
          (await ec2.listVolumes(signal)).map((v) => ({
            ...v,
            name: `${HOSTILE.formula} ${EVIL_NAME}`,
            tags: { ...v.tags, Name: EVIL_NAME },
          })),
        listInstances: async (signal) => (await ec2.listInstances(signal)).map((i) => ({ ...i, name: `${HOSTILE.pipe} ${EVIL_NAME}` })),
      };
    },
  };
}

describe('AWS strings crafted for injection render inert everywhere', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'finops-injection-'));
  const clean = await runDemoAnalysis(new StateStore(new LocalObjectStore(join(dir, 'clean'))));
  const { report } = await runDemoAnalysis(new StateStore(new LocalObjectStore(join(dir, 'hostile'))), { adapters: hostileAccount() });
  await rm(dir, { recursive: true, force: true });

  it('the hostile names really reach the report', () => {
    expect(JSON.stringify(report.findings)).toContain('<script>');
    expect(JSON.stringify(report.costs)).toContain('=HYPERLINK');
    expect(report.findings.length).toBe(clean.report.findings.length);
  });

  const outputs = {
    summary: renderSummaryMarkdown(report),
    comment: renderComment(buildCommentData(report, clean.report)),
    html: renderHtml(report),
  };

  it.each(['summary', 'comment'] as const)('%s (Markdown) has no live HTML, links, images or mentions from AWS', (name) => {
    const text = outputs[name];
    expect(text).not.toContain(HOSTILE.script);
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toContain('](http://evil.example');
    expect(text).not.toContain('](https://evil.example');
    expect(text).not.toMatch(/(^|[^\w\u200b])@octo-org\/security/m);
  });

  it('the HTML report has no live element or URL from AWS (Markdown syntax is plain text there)', () => {
    expect(outputs.html).not.toMatch(/<script/i);
    expect(outputs.html).not.toMatch(/<(img|a|iframe)\b[^>]*evil\.example/i);
    expect(outputs.html).not.toMatch(/(href|src)\s*=\s*["']?https?:\/\/evil/i);
    expect(outputs.html).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
  });

  it('the comment carries our marker once, at its start', () => {
    expect(outputs.comment.startsWith(COMMENT_MARKER)).toBe(true);
    expect(outputs.comment.split(COMMENT_MARKER)).toHaveLength(2);
  });

  it.each(['summary', 'comment'] as const)('%s tables keep their shape: no cell breaks out of its row', (name) => {
    const lines = outputs[name].split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!/^\|\s*:?-{3}/.test(lines[i] as string)) continue;
      const columns = cells(lines[i - 1] as string);
      for (let j = i + 1; j < lines.length && (lines[j] as string).startsWith('|'); j++)
        expect(cells(lines[j] as string), lines[j]).toBe(columns);
    }
  });

  it('the CSV cannot start a formula in a spreadsheet', () => {
    const csv = renderFindingsCsv(report.findings);
    const fields = csv
      .split('\r\n')
      .slice(1)
      .flatMap((row) => row.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []);
    for (const raw of fields) {
      const value = raw.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"');
      expect(value, raw).not.toMatch(/^\s*[=+@\t\r]/);
      if (/^-/.test(value)) expect(value).toMatch(/^-?\d/);
    }
    expect(csv).toContain("'=HYPERLINK");
  });
});

/** Columns of a Markdown table row, not counting escaped pipes. */
function cells(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length;
}
