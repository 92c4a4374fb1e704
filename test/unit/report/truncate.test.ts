import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../../../src/report/limits.js';
import { prefixWithin, truncateMiddle } from '../../../src/report/truncate.js';

const note = (cut: { lines: number; chars: number }): string => `> cut ${cut.lines} lines`;

function table(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => `| row ${i} | ${'x'.repeat(20)} |`);
  return ['# Title', '', 'intro', '', '### Items', '', '| Name | Value |', '| :--- | ---: |', ...body, '', 'end'].join('\n');
}

describe('truncateMiddle', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateMiddle('short\n', 100, { note })).toBe('short\n');
  });

  it('keeps whole lines of the head and tail around a note', () => {
    const text = table(200);
    const out = truncateMiddle(text, 1_000, { note });
    expect(out.length).toBeLessThanOrEqual(1_000);
    expect(out.startsWith('# Title\n\nintro')).toBe(true);
    expect(out.trimEnd().endsWith('end')).toBe(true);
    expect(out).toMatch(/\n\n> cut \d+ lines\n\n/);
    for (const line of out.split('\n')) expect(line === '' || /^(# |intro|### |\| |> cut|end)/.test(line)).toBe(true);
  });

  it('repeats the section heading and table header for a tail that starts inside a table', () => {
    const out = truncateMiddle(table(200), 1_000, { note });
    const tail = out.slice(out.indexOf('> cut'));
    expect(tail).toMatch(/^> cut \d+ lines\n\n### Items \(continued\)\n\n\| Name \| Value \|\n\| :--- \| ---: \|\n\| row \d+ /);
  });

  it('measures in bytes when asked', () => {
    const text = `${'é'.repeat(300)}\n`.repeat(50);
    const out = truncateMiddle(text, 5_000, { note, measure: utf8ByteLength });
    expect(utf8ByteLength(out)).toBeLessThanOrEqual(5_000);
    expect(out.length).toBeLessThan(5_000);
  });

  it('cuts inside a single huge line without splitting a character', () => {
    const out = truncateMiddle('😀'.repeat(10_000), 501, { note });
    expect(out.length).toBeLessThanOrEqual(501);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('truncateMiddle and code blocks', () => {
  const text = [
    '# T',
    '',
    'a'.repeat(50),
    '',
    '```mermaid',
    ...Array.from({ length: 40 }, (_, i) => `line ${i}`),
    '```',
    '',
    'b'.repeat(50),
    '',
    '```',
    'x',
    'y',
    '```',
    'end',
  ].join('\n');

  it.each([120, 200, 260, 320, 380, 440])('never leaves a fence open (budget %i)', (max) => {
    expect(text.length).toBeGreaterThan(max);
    const out = truncateMiddle(text, max, { note });
    expect(out.length).toBeLessThanOrEqual(max);
    expect(out.split('\n').filter((l) => l.startsWith('```')).length % 2).toBe(0);
    expect(out).toContain('> cut');
  });
});

describe('prefixWithin', () => {
  it('finds the longest prefix within a budget', () => {
    expect(prefixWithin('abcdef', 3)).toBe('abc');
    expect(prefixWithin('ééé', 4, utf8ByteLength)).toBe('éé');
    expect(prefixWithin('😀😀', 3)).toBe('😀');
    expect(prefixWithin('abc', 0)).toBe('');
  });
});
