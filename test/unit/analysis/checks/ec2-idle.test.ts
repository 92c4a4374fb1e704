import { describe, expect, it } from 'vitest';
import { ec2Idle } from '../../../../src/analysis/checks/ec2-idle.js';
import { input, instance, metrics, params, repeat } from '../support/builders.js';

const MB = 1_000_000;

function usage(id: string, cpuMax: number[], netPerDayBytes: number[]) {
  return metrics([
    { resourceId: id, metric: 'CPUUtilization', stat: 'Maximum', values: cpuMax },
    { resourceId: id, metric: 'CPUUtilization', stat: 'Average', values: cpuMax.map((v) => v / 2) },
    { resourceId: id, metric: 'NetworkIn', stat: 'Sum', values: netPerDayBytes.map((v) => v / 2) },
    { resourceId: id, metric: 'NetworkOut', stat: 'Sum', values: netPerDayBytes.map((v) => v / 2) },
  ]);
}

describe('ec2-idle', () => {
  const run = (
    m: ReturnType<typeof metrics>,
    p = params('ec2-idle'),
    inst = instance({ instanceId: 'i-idle', instanceType: 'm5.xlarge' }),
  ) => ec2Idle.run(input({ instances: [inst] }, { metrics: m }), p as never);

  it('flags a running instance with 14 days of CPU ≤ 5% and ≤ 5 MB/day; saving = $0.192/h × 730 = $140.16', () => {
    const [finding] = run(usage('i-idle', repeat(2, 14), repeat(1 * MB, 14)));
    expect(finding).toMatchObject({
      check: 'ec2-idle',
      resourceId: 'i-idle',
      resourceType: 'ec2-instance',
      estimatedMonthlySavings: 140.16,
      severity: 'high',
    });
    expect(finding!.evidence).toMatchObject({
      peakCpuPercent: 2,
      peakNetworkMbPerDay: 1,
      lookbackDays: 14,
      daysOfData: 14,
      hourlyUsd: 0.192,
    });
  });

  it('ignores busy instances, stopped instances and instances with too few days of data', () => {
    expect(run(usage('i-idle', [...repeat(2, 13), 40], repeat(MB, 14)))).toEqual([]);
    expect(run(usage('i-idle', repeat(2, 14), [...repeat(MB, 13), 50 * MB]))).toEqual([]);
    expect(run(usage('i-idle', repeat(2, 10), repeat(MB, 10)))).toEqual([]);
    expect(
      run(usage('i-idle', repeat(2, 14), repeat(MB, 14)), params('ec2-idle'), instance({ instanceId: 'i-idle', state: 'stopped' })),
    ).toEqual([]);
    expect(run(undefined as never)).toEqual([]);
  });

  it('boundary: peak CPU exactly 5% and exactly 5 MB/day are idle; just above is not', () => {
    expect(run(usage('i-idle', [...repeat(1, 13), 5], [...repeat(MB, 13), 5 * MB]))).toHaveLength(1);
    expect(run(usage('i-idle', [...repeat(1, 13), 5.01], repeat(MB, 14)))).toEqual([]);
    expect(run(usage('i-idle', repeat(1, 14), [...repeat(MB, 13), 5.01 * MB]))).toEqual([]);
  });

  it('honours configured thresholds and lookback', () => {
    expect(run(usage('i-idle', repeat(8, 14), repeat(MB, 14)), params('ec2-idle', { maxCpuPercent: 10 }))).toHaveLength(1);
    expect(run(usage('i-idle', repeat(2, 7), repeat(MB, 7)), params('ec2-idle', { lookbackDays: 7 }))).toHaveLength(1);
  });
});
