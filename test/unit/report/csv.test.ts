import { describe, expect, it } from 'vitest';
import { renderFindingsCsv } from '../../../src/report/csv.js';
import { fixtureFindings } from './fixture-report.js';
import { HOSTILE, hostileFinding } from './hostile.js';

/** A small RFC 4180 parser, to check that what we write reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('renderFindingsCsv', () => {
  it('writes the header and one row per finding, largest saving first, with CRLF line ends', () => {
    const csv = renderFindingsCsv(fixtureFindings());
    expect(csv.startsWith('check,resourceId,resourceType,region,title,estimatedMonthlySavings,severity,evidence\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(14);
    expect(rows.every((r) => r.length === 8)).toBe(true);
    const savings = rows.slice(1).map((r) => Number(r[5]));
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
    expect(rows[1]).toEqual([
      'ec2-underutilised',
      'i-0123456789abcdef0',
      'ec2-instance',
      'us-east-1',
      'r5.4xlarge peaks at 12% CPU: r5.2xlarge is enough',
      '367.92',
      'high',
      '{"days":14,"instanceType":"r5.4xlarge","peakDailyCpuPercent":12,"suggested":"r5.2xlarge"}',
    ]);
  });

  it('keeps hostile text intact but never as a formula', () => {
    const finding = { ...hostileFinding(), title: HOSTILE.formula, resourceId: '+cmd|calc', region: '@SUM(1)' };
    const csv = renderFindingsCsv([finding]);
    const [, row] = parseCsv(csv);
    expect(row).toBeDefined();
    expect(row![1]).toBe("'+cmd|calc");
    expect(row![3]).toBe("'@SUM(1)");
    expect(row![4]).toBe(`'${HOSTILE.formula}`);
    for (const cell of row!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(JSON.parse(row![7]!)).toEqual({ name: HOSTILE.formula, note: HOSTILE.script });
  });

  it('writes just the header when there are no findings', () => {
    expect(renderFindingsCsv([])).toBe('check,resourceId,resourceType,region,title,estimatedMonthlySavings,severity,evidence\r\n');
  });
});
