import { describe, expect, it } from 'vitest';
import {
  countedSavingsTotal,
  markCountedSavings,
  notSavings,
  savingRole,
  savingsInReadingOrder,
  withSavingMarks,
} from '../../../src/records/counted-savings.js';
import type { Finding } from '../../../src/records/report.js';
import { topResources } from '../../../src/report/savings-rows.js';

function f(check: string, resourceId: string, usd: number, region = 'us-east-1'): Finding {
  return {
    check,
    resourceId,
    resourceType: 'x',
    region,
    title: `${check} ${resourceId}`,
    evidence: {},
    estimatedMonthlySavings: usd,
    severity: 'low',
  };
}

const isSaving = (finding: Finding): boolean => finding.check !== 'cost-spike';
const roles = (findings: readonly Finding[]) =>
  findings.map((x) => `${x.check}/${x.resourceId}@${x.region}: ${savingRole(x)}${x.alternativeTo ? ` to ${x.alternativeTo}` : ''}`);

describe('markCountedSavings', () => {
  it('counts each resource once, at its largest saving; the others are alternatives to it', () => {
    const marked = markCountedSavings(
      [
        f('ec2-underutilised', 'i-1', 73),
        f('ec2-idle', 'i-1', 146),
        f('ec2-previous-generation', 'i-1', 5.84),
        f('eip-unassociated', 'eip-1', 3.65),
        f('eip-unassociated', 'eip-1', 3.65, 'eu-west-1'),
        f('cost-spike', 'Amazon EC2', 0, 'global'),
      ],
      isSaving,
    );
    expect(roles(marked)).toEqual([
      'ec2-underutilised/i-1@us-east-1: alternative to ec2-idle',
      'ec2-idle/i-1@us-east-1: counted',
      'ec2-previous-generation/i-1@us-east-1: alternative to ec2-idle',
      'eip-unassociated/eip-1@us-east-1: counted',
      // The same id in another region is another resource.
      'eip-unassociated/eip-1@eu-west-1: counted',
      'cost-spike/Amazon EC2@global: not-a-saving',
    ]);
    expect(countedSavingsTotal(marked)).toBe(153.3);
  });

  it('breaks a tie of savings by the order of findings (severity, then check), the same on every run', () => {
    const a = markCountedSavings([f('ec2-idle', 'i-1', 175.2), f('aws-compute-optimizer', 'i-1', 175.2)], isSaving);
    const b = markCountedSavings([f('aws-compute-optimizer', 'i-1', 175.2), f('ec2-idle', 'i-1', 175.2)], isSaving);
    expect(roles(a)).toEqual([
      'ec2-idle/i-1@us-east-1: alternative to aws-compute-optimizer',
      'aws-compute-optimizer/i-1@us-east-1: counted',
    ]);
    expect(roles(b)).toEqual([...roles(a)].reverse());
  });

  it('replaces marks already on the findings', () => {
    const stale = { ...f('ebs-gp2-to-gp3', 'vol-1', 15), countedInSavings: true };
    const [gp3, unattached] = markCountedSavings([stale, f('ebs-unattached', 'vol-1', 100)], isSaving);
    expect(gp3).toMatchObject({ countedInSavings: false, alternativeTo: 'ebs-unattached' });
    expect(unattached).toMatchObject({ countedInSavings: true });
    expect(unattached).not.toHaveProperty('alternativeTo');
  });
});

describe('reading marked findings', () => {
  it('adds up counted savings in whole cents', () => {
    const marked = markCountedSavings([f('a', 'r-1', 0.1), f('a', 'r-2', 0.2), f('a', 'r-3', 1.005)], isSaving);
    expect(countedSavingsTotal(marked)).toBe(1.31);
  });

  it('marks the findings of a report written before the marks by the rule of that time', () => {
    const old = [
      f('ebs-gp2-to-gp3', 'vol-1', 15),
      f('ebs-unattached', 'vol-1', 100),
      f('cost-spike', 'S3', 0, 'global'),
      f('ebs-unattached', 'vol-2', 0),
    ];
    expect(roles(withSavingMarks(old))).toEqual([
      'ebs-gp2-to-gp3/vol-1@us-east-1: alternative to ebs-unattached',
      'ebs-unattached/vol-1@us-east-1: counted',
      'cost-spike/S3@global: not-a-saving',
      // A saving that rounds to nothing is still a saving of its resource, not a cost spike.
      'ebs-unattached/vol-2@us-east-1: counted',
    ]);
    const marked = markCountedSavings(old, isSaving);
    expect(withSavingMarks(marked)).toBe(marked);
  });

  it('lists each resource with its counted finding first, then its alternatives, resources largest first', () => {
    const marked = markCountedSavings(
      [
        f('ec2-underutilised', 'i-1', 73),
        f('ebs-unattached', 'vol-1', 100),
        f('ec2-idle', 'i-1', 146),
        f('ebs-gp2-to-gp3', 'vol-1', 120),
        f('cost-spike', 'S3', 0, 'global'),
      ],
      isSaving,
    );
    expect(savingsInReadingOrder(marked).map((x) => `${x.check}/${x.resourceId}`)).toEqual([
      'ec2-idle/i-1',
      'ec2-underutilised/i-1',
      'ebs-gp2-to-gp3/vol-1',
      'ebs-unattached/vol-1',
    ]);
    expect(notSavings(marked).map((x) => x.check)).toEqual(['cost-spike']);
  });

  it('keeps an alternative in its own place when its counted finding is not in the list (new findings of a PR)', () => {
    const marked = markCountedSavings(
      [f('ec2-idle', 'i-1', 146), f('ec2-underutilised', 'i-1', 73), f('eip-unassociated', 'eip-1', 80)],
      isSaving,
    );
    const subset = marked.filter((x) => x.check !== 'ec2-idle');
    expect(roles(savingsInReadingOrder(subset))).toEqual([
      'eip-unassociated/eip-1@us-east-1: counted',
      'ec2-underutilised/i-1@us-east-1: alternative to ec2-idle',
    ]);
    expect(countedSavingsTotal(subset)).toBe(80);
  });

  it('the top resources bring their alternatives along', () => {
    const marked = markCountedSavings(
      [
        f('ec2-idle', 'i-1', 146),
        f('ec2-underutilised', 'i-1', 73),
        f('ebs-unattached', 'vol-1', 100),
        f('eip-unassociated', 'eip-1', 3.65),
      ],
      isSaving,
    );
    expect(topResources(marked, 2).map((x) => `${x.check}/${x.resourceId}`)).toEqual([
      'ec2-idle/i-1',
      'ec2-underutilised/i-1',
      'ebs-unattached/vol-1',
    ]);
  });
});
