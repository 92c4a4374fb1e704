import { describe, expect, it } from 'vitest';
import { ec2StoppedLong, stoppedAt } from '../../../../src/analysis/checks/ec2-stopped-long.js';
import { daysAgo, input, instance, params, volume } from '../support/builders.js';

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

  it.each([
    ['User initiated (2026-08-01 10:20:30 GMT)', '2026-08-01T10:20:30.000Z'],
    ['User initiated (2026-08-01 10:20:30 UTC)', '2026-08-01T10:20:30.000Z'],
    ['User initiated (2026-08-01 10:20 GMT)', '2026-08-01T10:20:00.000Z'],
    ['User initiated (2026-08-01 10:20 UTC)', '2026-08-01T10:20:00.000Z'],
    ['User initiated (2026-08-01T10:20:30Z)', '2026-08-01T10:20:30.000Z'],
    ['Stopped by scheduler (2026-12-31 23:59:59 GMT)', '2026-12-31T23:59:59.000Z'],
  ])('reads the stop time in %j', (reason, iso) => {
    expect(stoppedAt({ stateTransitionReason: reason })?.toISOString()).toBe(iso);
  });

  it.each([
    ['Server.ScheduledStop: Stopped due to scheduled retirement'],
    ['Client.UserInitiatedShutdown: User initiated shutdown'],
    ['User initiated'],
    [''],
    [null],
    ['User initiated (2026-02-30 10:20:30 GMT)'],
    ['User initiated (2026-08-01 24:00:00 GMT)'],
    ['User initiated (2026-08-01 GMT)'],
  ])('finds no stop time in %j', (reason) => {
    expect(stoppedAt({ stateTransitionReason: reason })).toBeNull();
  });

  it('flags an instance stopped 115 days; saving = its EBS: 50 × $0.08 + 200 × $0.10 = $24.00', () => {
    const [finding] = run(stopped('2026-08-01T10:20:30Z'));
    expect(finding).toMatchObject({ check: 'ec2-stopped-long', resourceId: 'i-stopped', estimatedMonthlySavings: 24, severity: 'medium' });
    expect(finding!.evidence).toMatchObject({ stoppedDays: 115, attachedVolumes: 2, attachedGiB: 250 });
  });

  it('ignores running instances', () => {
    expect(run(instance({ state: 'running' }))).toEqual([]);
  });

  const undated = (reason: string | null, launchTime: string | null) =>
    instance({ instanceId: 'i-stopped', state: 'stopped', stateTransitionReason: reason, launchTime, volumeIds: ['vol-root', 'vol-data'] });

  it.each([['Server.ScheduledStop: Stopped due to scheduled retirement'], ['User initiated'], [null]])(
    'reports a stop without a date (%j) as stopped since an unknown date, with its EBS saving',
    (reason) => {
      const [finding] = run(undated(reason, daysAgo(200)));
      expect(finding).toMatchObject({
        check: 'ec2-stopped-long',
        resourceId: 'i-stopped',
        title: 'm5.large instance i-stopped stopped since an unknown date',
        estimatedMonthlySavings: 24,
      });
      expect(finding!.evidence).toMatchObject({
        stoppedDays: null,
        stoppedAt: null,
        stopDateUnknown: true,
        stateTransitionReason: reason,
        lastStartedAt: daysAgo(200),
        attachedVolumes: 2,
      });
    },
  );

  it('a stop without a date after a start fewer than minStoppedDays ago is too recent to report', () => {
    expect(run(undated('User initiated', daysAgo(10)))).toEqual([]);
    expect(run(undated('User initiated', daysAgo(10)), params('ec2-stopped-long', { minStoppedDays: 7 }))).toHaveLength(1);
    // Nothing bounds it without a start time either: reported.
    expect(run(undated('User initiated', null))).toHaveLength(1);
  });

  it('a dated stop is judged by its date, not by the last start', () => {
    const recent = undated(reason('2026-11-20T06:00:00Z'), daysAgo(400));
    expect(run(recent)).toEqual([]);
  });

  it('boundary: stopped exactly 30 days is a finding, 29 days is not', () => {
    expect(run(stopped('2026-10-26T06:00:00Z'))).toHaveLength(1);
    expect(run(stopped('2026-10-27T06:00:00Z'))).toEqual([]);
    expect(run(stopped('2026-10-27T06:00:00Z'), params('ec2-stopped-long', { minStoppedDays: 7 }))).toHaveLength(1);
  });
});
