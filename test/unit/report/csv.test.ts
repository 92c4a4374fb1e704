import { describe, expect, it } from 'vitest';
import { renderFindingsCsv } from '../../../src/report/csv.js';
import { fixtureFindings } from './fixture-report.js';
import { HOSTILE, hostileFinding } from './hostile.js';
import { parseCsv } from './parse-csv.js';

const HEADER = 'check,resourceId,resourceType,region,title,estimatedMonthlySavings,severity,evidence,countedInSavings,alternativeTo';

describe('renderFindingsCsv', () => {
  it('writes the header and one row per finding, resources largest saving first, with CRLF line ends', () => {
    const csv = renderFindingsCsv(fixtureFindings());
    expect(csv.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(16);
    expect(rows.every((r) => r.length === 10)).toBe(true);
    const counted = rows.slice(1).filter((r) => r[8] === 'true');
    const savings = counted.map((r) => Number(r[5]));
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
    expect(rows[2]).toEqual([
      'ec2-underutilised',
      'i-0123456789abcdef0',
      'ec2-instance',
      'us-east-1',
      'r5.4xlarge peaks at 12% CPU: r5.2xlarge is enough',
      '367.92',
      'high',
      '{"days":14,"instanceType":"r5.4xlarge","peakDailyCpuPercent":12,"suggested":"r5.2xlarge"}',
      'false',
      'aws-compute-optimizer',
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
    expect(renderFindingsCsv([])).toBe(`${HEADER}\r\n`);
  });
});
