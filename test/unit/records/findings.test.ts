import { describe, expect, it } from 'vitest';
import { sortFindings } from '../../../src/records/findings.js';
import type { Finding, Severity } from '../../../src/records/report.js';

function finding(check: string, resourceId: string, region: string, estimatedMonthlySavings: number, severity: Severity): Finding {
  return { check, resourceId, resourceType: 'ec2-instance', region, title: check, evidence: {}, estimatedMonthlySavings, severity };
}

describe('sortFindings', () => {
  it.each([
    ['largest saving first', [finding('a', 'i-1', 'r', 5, 'low'), finding('a', 'i-2', 'r', 50, 'low')], ['i-2', 'i-1']],
    ['then the higher severity', [finding('a', 'i-1', 'r', 0, 'low'), finding('b', 'i-2', 'r', 0, 'high')], ['i-2', 'i-1']],
    ['then check', [finding('b', 'i-1', 'r', 1, 'low'), finding('a', 'i-2', 'r', 1, 'low')], ['i-2', 'i-1']],
    ['then region', [finding('a', 'i-1', 'us', 1, 'low'), finding('a', 'i-2', 'eu', 1, 'low')], ['i-2', 'i-1']],
    ['then resource id', [finding('a', 'i-2', 'r', 1, 'low'), finding('a', 'i-1', 'r', 1, 'low')], ['i-1', 'i-2']],
    ['an invalid saving counts as 0', [finding('a', 'i-1', 'r', Number.NaN, 'low'), finding('a', 'i-2', 'r', 0.01, 'low')], ['i-2', 'i-1']],
  ])('%s', (_, findings, order) => {
    expect(sortFindings(findings).map((f) => f.resourceId)).toEqual(order);
  });

  it('returns a sorted copy and leaves its argument as it was', () => {
    const findings = [finding('a', 'i-1', 'r', 1, 'low'), finding('a', 'i-2', 'r', 2, 'low')];
    expect(sortFindings(findings).map((f) => f.resourceId)).toEqual(['i-2', 'i-1']);
    expect(findings.map((f) => f.resourceId)).toEqual(['i-1', 'i-2']);
  });
});
