import { describe, expect, it } from 'vitest';
import { regionsOfTaskIds, resolveRegions } from '../../../src/analysis/regions.js';
import { markSavings, potentialSavings } from '../../../src/analysis/savings.js';
import type { Finding } from '../../../src/records/report.js';

describe('regions', () => {
  const adapters = { regions: { listEnabledRegions: async () => ['eu-west-1', 'us-east-1'] } };

  it('an explicit list is checked and deduplicated; "all" asks DescribeRegions', async () => {
    expect(await resolveRegions(adapters, ['us-east-1', 'eu-west-1', 'us-east-1'])).toEqual(['us-east-1', 'eu-west-1']);
    expect(await resolveRegions(adapters, 'all')).toEqual(['eu-west-1', 'us-east-1']);
    await expect(resolveRegions(adapters, ['us-east-1', 'mars-1'])).rejects.toThrow('"mars-1" is not an AWS region');
  });

  it('a stored graph tells which regions it was built for', () => {
    expect(regionsOfTaskIds(['cost-daily', 'ec2-inventory:us-east-1', 'checks:eu-west-1', 'metrics:us-east-1', 'analysis'])).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
  });
});

describe('potential savings', () => {
  const f = (check: string, resourceId: string, usd: number, region = 'us-east-1'): Finding => ({
    check,
    resourceId,
    resourceType: 'x',
    region,
    title: '',
    evidence: {},
    estimatedMonthlySavings: usd,
    severity: 'low',
  });

  it('counts each resource once at its largest saving; cost spikes are not savings', () => {
    const findings = [
      f('ec2-idle', 'i-1', 146), // idle: stop it → $146.00
      f('ec2-underutilised', 'i-1', 73), // or resize → $73.00
      f('ec2-previous-generation', 'i-1', 5.84), // or upgrade → $5.84
      f('ebs-gp2-to-gp3', 'vol-1', 100), // migrate → $100.00
      f('ebs-unattached', 'vol-1', 125.0), // or delete → $125.00
      f('eip-unassociated', 'eipalloc-1', 3.65),
      f('eip-unassociated', 'eipalloc-1', 3.65, 'eu-west-1'), // same id, other region: another resource
      f('cost-spike', 'Amazon EC2', 900, 'global'),
    ];
    // 146.00 + 125.00 + 3.65 + 3.65 = 278.30
    expect(potentialSavings(findings)).toBe(278.3);
  });

  it('marks on each finding what counts: the largest saving of a resource, whichever source advised it', () => {
    const marked = markSavings([
      f('ec2-idle', 'i-1', 146),
      f('aws-compute-optimizer', 'i-1', 175.2),
      f('ec2-underutilised', 'i-1', 73),
      f('cost-spike', 'Amazon EC2', 900, 'global'),
    ]);
    expect(marked.map((x) => [x.check, x.countedInSavings, x.alternativeTo])).toEqual([
      ['ec2-idle', false, 'aws-compute-optimizer'],
      ['aws-compute-optimizer', true, undefined],
      ['ec2-underutilised', false, 'aws-compute-optimizer'],
      // Growth is not a saving, whatever amount it carries.
      ['cost-spike', false, undefined],
    ]);
  });
});
