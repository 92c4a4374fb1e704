import { describe, expect, it } from 'vitest';
import { ec2StoppedLong, stoppedAt } from '../../../../src/analysis/checks/ec2-stopped-long.js';
import { input, instance, params, volume } from '../support/builders.js';

const reason = (iso: string) => `User initiated (${iso.slice(0, 10)} ${iso.slice(11, 19)} GMT)`;

describe('ec2-stopped-long', () => {
  const stopped = (stoppedIso: string) =>
    instance({ instanceId: 'i-stopped', state: 'stopped', stateTransitionReason: reason(stoppedIso), volumeIds: ['vol-root', 'vol-data'] });
  const volumes = [
    volume({
      volumeId: 'vol-root',
      volumeType: 'gp3',
      sizeGiB: 50,
      attachments: [{ instanceId: 'i-stopped', state: 'attached', device: '/dev/xvda' }],
    }),
    volume({
      volumeId: 'vol-data',
      volumeType: 'gp2',
      sizeGiB: 200,
      iops: 600,
      throughputMiBps: null,
      attachments: [{ instanceId: 'i-stopped', state: 'attached', device: '/dev/sdf' }],
    }),
    volume({ volumeId: 'vol-other', sizeGiB: 999, attachments: [{ instanceId: 'i-other', state: 'attached', device: '/dev/sdf' }] }),
  ];
  const run = (inst: ReturnType<typeof instance>, p = params('ec2-stopped-long')) =>
    ec2StoppedLong.run(input({ instances: [inst], volumes }), p as never);

  it('parses the stop time from StateTransitionReason', () => {
    expect(stoppedAt({ stateTransitionReason: 'User initiated (2026-08-01 10:20:30 GMT)' })?.toISOString()).toBe(
      '2026-08-01T10:20:30.000Z',
    );
    expect(stoppedAt({ stateTransitionReason: 'Server.ScheduledStop: Stopped due to scheduled retirement' })).toBeNull();
  });

  it('flags an instance stopped 115 days; saving = its EBS: 50 × $0.08 + 200 × $0.10 = $24.00', () => {
    const [finding] = run(stopped('2026-08-01T10:20:30Z'));
    expect(finding).toMatchObject({ check: 'ec2-stopped-long', resourceId: 'i-stopped', estimatedMonthlySavings: 24, severity: 'medium' });
    expect(finding!.evidence).toMatchObject({ stoppedDays: 115, attachedVolumes: 2, attachedGiB: 250 });
  });

  it('ignores running instances and stops without a date', () => {
    expect(run(instance({ state: 'running' }))).toEqual([]);
    expect(run(instance({ state: 'stopped', stateTransitionReason: 'Client.UserInitiatedShutdown' }))).toEqual([]);
  });

  it('boundary: stopped exactly 30 days is a finding, 29 days is not', () => {
    expect(run(stopped('2026-10-26T06:00:00Z'))).toHaveLength(1);
    expect(run(stopped('2026-10-27T06:00:00Z'))).toEqual([]);
    expect(run(stopped('2026-10-27T06:00:00Z'), params('ec2-stopped-long', { minStoppedDays: 7 }))).toHaveLength(1);
  });
});
