import { describe, expect, it } from 'vitest';
import { ebsUnattached } from '../../../../src/analysis/checks/ebs-unattached.js';
import { daysAgo, input, params, prices, volume } from '../support/builders.js';

describe('ebs-unattached', () => {
  const run = (vol: ReturnType<typeof volume>, p = params('ebs-unattached')) => ebsUnattached.run(input({ volumes: [vol] }), p as never);

  it('flags an available volume older than minAgeDays, priced at its full monthly cost', () => {
    // 500 GiB gp2 in us-east-1 at $0.10/GB-month = $50.00/month
    const [finding] = run(
      volume({ volumeId: 'vol-1', volumeType: 'gp2', sizeGiB: 500, iops: 1500, state: 'available', createTime: daysAgo(40) }),
    );
    expect(finding).toMatchObject({
      check: 'ebs-unattached',
      resourceId: 'vol-1',
      resourceType: 'ebs-volume',
      region: 'us-east-1',
      estimatedMonthlySavings: 50,
      severity: 'medium',
      priceSource: 'bundled',
    });
    expect(finding!.evidence).toMatchObject({ sizeGiB: 500, daysSinceCreated: 40, state: 'available' });
  });

  it('prices io1 storage plus every provisioned IOPS', () => {
    // 200 GiB × $0.125 = $25.00; 4000 IOPS × $0.065 = $260.00; total $285.00
    const [finding] = run(
      volume({ volumeType: 'io1', sizeGiB: 200, iops: 4000, throughputMiBps: null, state: 'available', createTime: daysAgo(30) }),
    );
    expect(finding!.estimatedMonthlySavings).toBe(285);
    expect(finding!.severity).toBe('high');
  });

  it('ignores attached volumes', () => {
    expect(run(volume({ state: 'in-use', createTime: daysAgo(400) }))).toEqual([]);
  });

  it('boundary: exactly minAgeDays old is a finding, one day younger is not', () => {
    expect(run(volume({ state: 'available', createTime: daysAgo(7) }))).toHaveLength(1);
    expect(run(volume({ state: 'available', createTime: daysAgo(6.5) }))).toEqual([]);
    expect(run(volume({ state: 'available', createTime: daysAgo(3) }), params('ebs-unattached', { minAgeDays: 3 }))).toHaveLength(1);
  });

  it('uses Price List prices when it has them', () => {
    const [finding] = ebsUnattached.run(
      input(
        {
          volumes: [
            volume({ volumeType: 'gp3', sizeGiB: 100, iops: 3000, throughputMiBps: 125, state: 'available', createTime: daysAgo(10) }),
          ],
        },
        { prices: prices('us-east-1', { 'ebs:gp3': 0.08 }) },
      ),
      params('ebs-unattached'),
    );
    // 100 GiB × $0.08 = $8.00; gp3 baseline IOPS/throughput are free
    expect(finding).toMatchObject({ estimatedMonthlySavings: 8, priceSource: 'price-list' });
  });
});
