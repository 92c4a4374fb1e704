import { describe, expect, it } from 'vitest';
import { ec2Underutilised } from '../../../../src/analysis/checks/ec2-underutilised.js';
import { input, instance, metrics, params, prices, repeat } from '../support/builders.js';

function cpu(id: string, max: number[]) {
  return metrics([
    { resourceId: id, metric: 'CPUUtilization', stat: 'Maximum', values: max },
    { resourceId: id, metric: 'CPUUtilization', stat: 'Average', values: max.map((v) => v / 3) },
  ]);
}

describe('ec2-underutilised', () => {
  const run = (type: string, max: number[], p = params('ec2-underutilised'), region = 'us-east-1') =>
    ec2Underutilised.run(
      input(
        { instances: [instance({ instanceId: 'i-big', instanceType: type })] },
        { region, prices: prices(region), metrics: cpu('i-big', max) },
      ),
      p as never,
    );

  it('m5.2xlarge peaking at 12% → m5.xlarge: ($0.384 − $0.192) × 730 = $140.16/month', () => {
    const [finding] = run('m5.2xlarge', repeat(12, 14));
    expect(finding).toMatchObject({ check: 'ec2-underutilised', estimatedMonthlySavings: 140.16 });
    expect(finding!.evidence).toMatchObject({ instanceType: 'm5.2xlarge', suggestedType: 'm5.xlarge', peakCpuPercent: 12 });
  });

  it('takes the next smaller size that has a price; none priced leaves the finding without saving', () => {
    // m5 has no medium or small: no smaller m5 has a price, the finding stays without saving
    const [finding] = run('m5.large', repeat(5, 14));
    expect(finding).toMatchObject({ estimatedMonthlySavings: 0, evidence: { priceUnavailable: true, suggestedType: 'm5.medium' } });
    // t3.large → t3.medium: (0.0832 − 0.0416) × 730 = 30.368 → $30.37
    expect(run('t3.large', repeat(5, 14))[0]!.estimatedMonthlySavings).toBe(30.37);
  });

  it('ignores busy instances and the smallest size', () => {
    expect(run('m5.2xlarge', [...repeat(10, 13), 60])).toEqual([]);
    expect(run('t3.nano', repeat(1, 14))).toEqual([]);
  });

  it('boundary: peak CPU must stay strictly below maxCpuPercent', () => {
    expect(run('m5.2xlarge', [...repeat(10, 13), 19.99])).toHaveLength(1);
    expect(run('m5.2xlarge', [...repeat(10, 13), 20])).toEqual([]);
    expect(run('m5.2xlarge', [...repeat(10, 13), 20], params('ec2-underutilised', { maxCpuPercent: 25 }))).toHaveLength(1);
  });
});
