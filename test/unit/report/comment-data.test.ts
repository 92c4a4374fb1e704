import { describe, expect, it } from 'vitest';
import { buildCommentData } from '../../../src/report/comment.js';
import type { Finding, Report } from '../../../src/records/report.js';
import { baselineReport, fixtureReport } from './fixture-report.js';

function withServices(services: Array<[string, number]>, findings: Finding[] = [], savings = 0): Report {
  const report = fixtureReport();
  const byService = services.map(([service, current]) => ({ service, current, previous: 0, change: current, changePercent: null }));
  const total = services.reduce((n, [, v]) => n + v, 0);
  return {
    ...report,
    costs: { ...report.costs!, byService, current: { ...report.costs!.current, total } },
    findings,
    potentialMonthlySavings: savings,
  };
}

function f(check: string, resourceId: string, estimatedMonthlySavings: number): Finding {
  return {
    check,
    resourceId,
    resourceType: 'ebs-volume',
    region: 'us-east-1',
    title: `${check} ${resourceId}`,
    evidence: {},
    estimatedMonthlySavings,
    severity: 'low',
  };
}

describe('buildCommentData', () => {
  it('computes per-service month-to-date deltas, including services that appeared or went away', () => {
    const current = withServices([
      ['EC2', 120.1],
      ['S3', 50],
      ['CloudFront', 10],
      ['KMS', 4],
    ]);
    const baseline = withServices([
      ['EC2', 100],
      ['S3', 50],
      ['Glue', 7.5],
      ['KMS', 4.2],
    ]);
    const data = buildCommentData(current, baseline);
    expect(data.services).toEqual([
      { service: 'EC2', current: 120.1, baseline: 100, change: 20.1, changePercent: 20.1 },
      { service: 'CloudFront', current: 10, baseline: 0, change: 10, changePercent: null },
      { service: 'Glue', current: 0, baseline: 7.5, change: -7.5, changePercent: -100 },
      { service: 'KMS', current: 4, baseline: 4.2, change: -0.2, changePercent: expect.closeTo(-4.7619, 3) },
    ]);
    expect(data.unchangedServices).toBe(1);
    expect(data.total).toEqual({ current: 184.1, baseline: 161.7, change: 22.4, changePercent: expect.closeTo(13.853, 2) });
  });

  it('rounds deltas to cents so float noise never shows as a change', () => {
    const data = buildCommentData(withServices([['A', 0.1 + 0.2]]), withServices([['A', 0.3]]));
    expect(data.services).toEqual([]);
    expect(data.unchangedServices).toBe(1);
  });

  it('finds new and resolved findings by check and resource id', () => {
    const current = withServices(
      [],
      [f('ebs-unattached', 'vol-1', 10), f('ebs-gp2-to-gp3', 'vol-1', 2), f('ec2-idle', 'i-9', 50), f('eip-unassociated', 'eip-1', 3.6)],
      65.6,
    );
    const baseline = withServices(
      [],
      [
        f('ebs-unattached', 'vol-1', 12),
        f('eip-unassociated', 'eip-1', 3.6),
        f('ebs-unattached', 'vol-2', 8),
        f('nat-idle', 'nat-1', 32.85),
      ],
      56.45,
    );
    const data = buildCommentData(current, baseline);
    expect(data.newFindings.map((x) => `${x.check}/${x.resourceId}`)).toEqual(['ec2-idle/i-9', 'ebs-gp2-to-gp3/vol-1']);
    expect(data.resolvedFindings.map((x) => `${x.check}/${x.resourceId}`)).toEqual(['nat-idle/nat-1', 'ebs-unattached/vol-2']);
    expect(data.savings).toEqual({ current: 65.6, baseline: 56.45, change: 9.15, changePercent: expect.closeTo(16.209, 2) });
    expect(data.findingsCount).toBe(4);
    expect(data.baselineFindingsCount).toBe(4);
  });

  it('counts a finding found twice once', () => {
    const current = withServices([], [f('ec2-idle', 'i-1', 5), f('ec2-idle', 'i-1', 5)]);
    expect(buildCommentData(current, withServices([])).newFindings).toHaveLength(1);
  });

  it('has no deltas and no new or resolved findings without a baseline', () => {
    const data = buildCommentData(fixtureReport(), null);
    expect(data.baseline).toBeNull();
    expect(data.total).toEqual({ current: 10010.32, baseline: null, change: null, changePercent: null });
    expect(data.savings.change).toBeNull();
    expect(data.services).toEqual([]);
    expect(data.newFindings).toEqual([]);
    expect(data.resolvedFindings).toEqual([]);
    expect(data.findings).toHaveLength(15);
    expect(data.sameMonth).toBe(true);
  });

  it('matches the fixture baseline', () => {
    const data = buildCommentData(fixtureReport(), baselineReport());
    expect(data.total?.change).toBe(532.8);
    expect(data.savings.change).toBe(427.71);
    expect(data.newFindings.map((x) => x.check)).toEqual(['ec2-idle', 'rds-idle', 'ebs-gp2-to-gp3', 'cost-spike']);
    expect(data.resolvedFindings.map((x) => x.check)).toEqual(['ec2-stopped-long', 'ec2-previous-generation']);
    expect(data.baseline?.executionId).toBe('exec_123456789012_20261124T060000Z_9b2e71d0');
  });

  it('notices a baseline from another month', () => {
    const baseline = baselineReport();
    const october = {
      ...baseline,
      costs: { ...baseline.costs!, current: { ...baseline.costs!.current, period: { start: '2026-10-01', end: '2026-10-31' } } },
    };
    expect(buildCommentData(fixtureReport(), october).sameMonth).toBe(false);
  });

  it('handles runs without cost data', () => {
    const data = buildCommentData({ ...fixtureReport(), costs: null }, baselineReport());
    expect(data.total).toBeNull();
    expect(data.services).toEqual([]);
    expect(data.savings.change).toBe(427.71);
  });
});
