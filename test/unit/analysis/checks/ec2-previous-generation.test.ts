import { describe, expect, it } from 'vitest';
import { ec2PreviousGeneration } from '../../../../src/analysis/checks/ec2-previous-generation.js';
import { successorType } from '../../../../src/analysis/pricing/instance-types.js';
import { input, instance, params } from '../support/builders.js';

describe('ec2-previous-generation', () => {
  const run = (type: string, p = params('ec2-previous-generation'), state = 'running') =>
    ec2PreviousGeneration.run(input({ instances: [instance({ instanceId: 'i-old', instanceType: type, state })] }), p as never);

  it('maps previous families to their current successor', () => {
    expect(successorType('m4.xlarge')).toBe('m6i.xlarge');
    expect(successorType('t2.micro')).toBe('t3.micro');
    expect(successorType('m3.medium')).toBe('m6i.large');
    expect(successorType('m5.large')).toBeUndefined();
  });

  it('m4.xlarge → m6i.xlarge: ($0.20 − $0.192) × 730 = $5.84/month', () => {
    const [finding] = run('m4.xlarge');
    expect(finding).toMatchObject({ check: 'ec2-previous-generation', resourceId: 'i-old', estimatedMonthlySavings: 5.84 });
    expect(finding!.evidence).toMatchObject({
      family: 'm4',
      suggestedType: 'm6i.xlarge',
      currentHourlyUsd: 0.2,
      suggestedHourlyUsd: 0.192,
    });
  });

  it('a successor that costs more gives a finding without saving (m3.medium → m6i.large)', () => {
    expect(run('m3.medium')[0]!.estimatedMonthlySavings).toBe(0);
  });

  it('ignores current families and stopped instances', () => {
    expect(run('m6i.large')).toEqual([]);
    expect(run('t2.micro', params('ec2-previous-generation'), 'stopped')).toEqual([]);
  });

  it('boundary: only the configured families count', () => {
    expect(run('t2.micro')).toHaveLength(1);
    expect(run('t2.micro', params('ec2-previous-generation', { families: ['m4'] }))).toEqual([]);
    expect(run('m5.large', params('ec2-previous-generation', { families: ['m5'] }))[0]!.evidence.suggestedType).toBeNull();
  });
});
