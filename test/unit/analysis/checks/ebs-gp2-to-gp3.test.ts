import { describe, expect, it } from 'vitest';
import { ebsGp2ToGp3 } from '../../../../src/analysis/checks/ebs-gp2-to-gp3.js';
import { input, params, prices, volume } from '../support/builders.js';

describe('ebs-gp2-to-gp3', () => {
  const run = (vol: ReturnType<typeof volume>, region = 'us-east-1') =>
    ebsGp2ToGp3.run(input({ volumes: [vol] }, { region, prices: prices(region) }), params('ebs-gp2-to-gp3'));

  it('100 GiB gp2 at $0.10 → gp3 at $0.08: saves $2.00/month', () => {
    // gp2: 100 × 0.10 = 10.00; gp3: 100 × 0.08 = 8.00 (300 IOPS and 128 MiB/s fit the free baseline)
    const [finding] = run(volume({ volumeId: 'vol-a', volumeType: 'gp2', sizeGiB: 100, iops: 300 }));
    expect(finding).toMatchObject({ check: 'ebs-gp2-to-gp3', resourceId: 'vol-a', estimatedMonthlySavings: 2, severity: 'low' });
    expect(finding!.evidence).toMatchObject({ gp2MonthlyUsd: 10, gp3MonthlyUsd: 8, gp3Iops: 3000, gp3ThroughputMiBps: 125 });
  });

  it('2000 GiB gp2 pays for gp3 IOPS and throughput above baseline: saves $20.00/month', () => {
    // gp2: 2000 × 0.10 = 200.00
    // gp3: 2000 × 0.08 = 160.00 + (6000 − 3000) IOPS × 0.005 = 15.00 + (250 − 125) MiB/s × 0.04 = 5.00 → 180.00
    const [finding] = run(volume({ volumeType: 'gp2', sizeGiB: 2000, iops: 6000 }));
    expect(finding!.estimatedMonthlySavings).toBe(20);
    expect(finding!.evidence).toMatchObject({ gp3Iops: 6000, gp3ThroughputMiBps: 250, gp3MonthlyUsd: 180 });
  });

  it('prices in the volume’s region (eu-west-1: $0.11 → $0.088)', () => {
    // 500 GiB: gp2 55.00; gp3 44.00 + 125 MiB/s extra × 0.044 = 5.50 → 49.50; saving 5.50
    const [finding] = run(volume({ volumeType: 'gp2', sizeGiB: 500, iops: 1500 }), 'eu-west-1');
    expect(finding).toMatchObject({ region: 'eu-west-1', estimatedMonthlySavings: 5.5 });
  });

  it('ignores volumes that are not gp2', () => {
    expect(run(volume({ volumeType: 'gp3' }))).toEqual([]);
    expect(run(volume({ volumeType: 'io1', iops: 1000 }))).toEqual([]);
  });

  it('boundary: gp2 sustains 250 MiB/s from 334 GiB, so gp3 pays 125 MiB/s extra from there', () => {
    // 333 GiB: gp2 33.30; gp3 26.64 (999 IOPS and 128 MiB/s fit the baseline) → saves 6.66
    // 334 GiB: gp2 33.40; gp3 26.72 + 125 × 0.04 = 31.72 → saves 1.68
    expect(run(volume({ volumeType: 'gp2', sizeGiB: 333, iops: 999 }))[0]!.estimatedMonthlySavings).toBe(6.66);
    expect(run(volume({ volumeType: 'gp2', sizeGiB: 334, iops: 1002 }))[0]!.estimatedMonthlySavings).toBe(1.68);
  });

  it('boundary: IOPS above 3,000 are paid from 1,001 GiB', () => {
    // 1000 GiB: 100.00 − (80.00 + 5.00) = 15.00; 1001 GiB: 100.10 − (80.08 + 3 × 0.005 + 5.00) = 15.005 → 15.01 (rounded to cents)
    expect(run(volume({ volumeType: 'gp2', sizeGiB: 1000, iops: 3000 }))[0]!.evidence.gp3Iops).toBe(3000);
    expect(run(volume({ volumeType: 'gp2', sizeGiB: 1001, iops: 3003 }))[0]!.evidence.gp3Iops).toBe(3003);
    expect(run(volume({ volumeType: 'gp2', sizeGiB: 1000, iops: 3000 }))[0]!.estimatedMonthlySavings).toBe(15);
  });
});
