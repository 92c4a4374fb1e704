import { describe, expect, it } from 'vitest';
import { parseReport, readReportJson, renderReportJson, reportSchema } from '../../../src/report/json.js';
import type { Report } from '../../../src/records/report.js';
import { fixtureReport } from './fixture-report.js';

function shuffleKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffleKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, shuffleKeys(v)]),
  );
}

describe('renderReportJson', () => {
  it('writes the SPEC fields in a stable order, whatever order the object was built in', () => {
    const report = fixtureReport();
    const json = renderReportJson(report);
    expect(renderReportJson(shuffleKeys(report) as Report)).toBe(json);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'schemaVersion',
      'executionId',
      'accountId',
      'status',
      'generatedAt',
      'period',
      'costs',
      'findings',
      'potentialMonthlySavings',
      'tasks',
      'breakers',
      'pending',
      'gaps',
      'usedBundledPrices',
    ]);
    expect(Object.keys(JSON.parse(json).findings[0])).toEqual([
      'check',
      'resourceId',
      'resourceType',
      'region',
      'title',
      'severity',
      'estimatedMonthlySavings',
      'countedInSavings',
      'recommendation',
      'priceSource',
      'evidence',
    ]);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('round-trips through the schema', () => {
    const parsed = readReportJson(renderReportJson(fixtureReport()));
    expect(parsed).toEqual({ ok: true, report: fixtureReport() });
  });
});

describe('reportSchema', () => {
  it('types parsed reports as Report', () => {
    const typed: Report = reportSchema.parse(fixtureReport());
    expect(typed.accountId).toBe('123456789012');
  });

  it.each([
    ['another schema version', { schemaVersion: 2 }, 'schemaVersion'],
    ['a missing account', { accountId: undefined }, 'accountId'],
    ['a bad date', { generatedAt: 'yesterday' }, 'generatedAt'],
    ['a string amount', { potentialMonthlySavings: '12.00' }, 'potentialMonthlySavings'],
  ])('rejects %s', (_, patch, path) => {
    const result = parseReport({ ...fixtureReport(), ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(path);
  });

  it('rejects a bad finding with its path', () => {
    const report = fixtureReport();
    const result = parseReport({ ...report, findings: [{ ...report.findings[0], severity: 'critical' }] });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('findings.0.severity') });
  });

  it('never throws on text that is not JSON', () => {
    expect(readReportJson('{not json')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
    expect(readReportJson('null')).toMatchObject({ ok: false });
  });

  it('reads a report written before findings were marked as counted or alternatives', () => {
    const report = fixtureReport();
    const old = { ...report, findings: report.findings.map(({ countedInSavings: _c, alternativeTo: _a, ...rest }) => rest) };
    const parsed = readReportJson(JSON.stringify(old));
    expect(parsed).toEqual({ ok: true, report: old });
  });

  it('keeps the marks of a finding and rejects a malformed one', () => {
    const parsed = readReportJson(renderReportJson(fixtureReport()));
    const marks = parsed.ok ? parsed.report.findings.map((f) => [f.countedInSavings, f.alternativeTo ?? null]) : [];
    expect(marks.filter(([counted]) => counted === true)).toHaveLength(12);
    expect(marks.filter(([, to]) => to !== null).map(([, to]) => to)).toEqual(
      expect.arrayContaining(['aws-compute-optimizer', 'ebs-unattached']),
    );
    const report = fixtureReport();
    const bad = parseReport({ ...report, findings: [{ ...report.findings[0], countedInSavings: 'yes' }] });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('findings.0.countedInSavings') });
  });

  it('drops unknown keys of a newer writer of the same version', () => {
    const parsed = parseReport({ ...fixtureReport(), futureField: 1 });
    expect(parsed.ok && 'futureField' in parsed.report).toBe(false);
  });
});
