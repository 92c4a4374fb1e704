import type { Ec2Instance } from '../../aws/ports/index.js';
import { roundUsd } from '../../primitives/money.js';
import { volumeMonthlyCost, volumePriceKeys, type MonthlyCost } from '../pricing/ebs-cost.js';
import { label, makeFinding } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

const DAY_MS = 86_400_000;

/**
 * The first `YYYY-MM-DD HH:MM`, optionally with seconds (a space or `T` between date and time),
 * in EC2's `StateTransitionReason`, read as UTC: EC2 writes `GMT`, some tools rewrite it as
 * `UTC`, and the hours do not matter to a count of days.
 */
const STOP_TIME = /(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * When a stopped instance stopped, from EC2's `StateTransitionReason`
 * (e.g. `User initiated (2026-01-15 10:20:30 GMT)`); null when the text carries no valid date,
 * as with `Server.ScheduledStop: Stopped due to scheduled retirement`, `User initiated` or ''.
 */
export function stoppedAt(instance: Pick<Ec2Instance, 'stateTransitionReason'>): Date | null {
  const match = STOP_TIME.exec(instance.stateTransitionReason ?? '');
  if (!match) return null;
  const part = (i: number) => Number(match[i] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over to March; such a text is not a date EC2 wrote.
  const exact = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return exact ? date : null;
}

/** Whole days from `iso` to `now`; undefined when `iso` is null or not a date. */
function daysSince(iso: string | null, now: Date): number | undefined {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor((now.getTime() - ms) / DAY_MS);
}

/**
 * Instances stopped for at least `minStoppedDays`: compute is free while stopped, but their EBS
 * volumes are not. Saving: the attached volumes' monthly cost (snapshot, then terminate).
 *
 * When `StateTransitionReason` carries no date (a scheduled retirement, a bare `User initiated`),
 * the instance is still reported, "stopped since an unknown date", with the same EBS saving: its
 * volumes are billed whatever the date. The one bound known is its last start (EC2's
 * `LaunchTime` is the time it was last started), since it stopped after that: an instance
 * started fewer than `minStoppedDays` ago cannot have been stopped that long and is left out.
 */
export const ec2StoppedLong = defineRegionCheck({
  id: 'ec2-stopped-long',
  scope: 'region',
  description: 'EC2 instance stopped for a long time, still paying for its EBS volumes',
  params: { minStoppedDays: param.integer(30, 0, 3650, 'minimum days since the instance stopped') },
  countsTowardSavings: true,
  requires: ['instances', 'volumes'],
  priceKeys: (inventory) => {
    const stopped = new Set((inventory.instances ?? []).filter((i) => i.state === 'stopped').map((i) => i.instanceId));
    return [
      ...new Set(
        (inventory.volumes ?? [])
          .filter((v) => v.attachments.some((a) => a.instanceId && stopped.has(a.instanceId)))
          .flatMap((v) => volumePriceKeys(v.volumeType)),
      ),
    ];
  },
  run({ region, now, inventory, prices }, params) {
    return (inventory.instances ?? []).flatMap((instance) => {
      if (instance.state !== 'stopped') return [];
      const since = stoppedAt(instance);
      const days = since ? Math.floor((now.getTime() - since.getTime()) / DAY_MS) : null;
      if (days !== null && days < params.minStoppedDays) return [];
      const startedDays = daysSince(instance.launchTime, now);
      if (days === null && startedDays !== undefined && startedDays < params.minStoppedDays) return [];
      const volumes = (inventory.volumes ?? []).filter(
        (v) => v.attachments.some((a) => a.instanceId === instance.instanceId) || instance.volumeIds.includes(v.volumeId),
      );
      const costs = volumes.map((v) => volumeMonthlyCost(v, prices));
      const priced = costs.every((c): c is MonthlyCost => c !== undefined);
      const usd = priced ? costs.reduce((sum, c) => sum + c.usd, 0) : undefined;
      const name = `${instance.instanceType} instance ${label(instance.instanceId, instance.name)}`;
      return [
        makeFinding(
          {
            check: 'ec2-stopped-long',
            resourceId: instance.instanceId,
            resourceType: 'ec2-instance',
            region,
            title: days === null ? `${name} stopped since an unknown date` : `${name} stopped for ${days} days`,
            evidence: {
              instanceType: instance.instanceType,
              stoppedDays: days,
              stoppedAt: since ? since.toISOString() : null,
              ...(days === null
                ? { stopDateUnknown: true, stateTransitionReason: instance.stateTransitionReason, lastStartedAt: instance.launchTime }
                : {}),
              attachedVolumes: volumes.length,
              attachedGiB: volumes.reduce((sum, v) => sum + v.sizeGiB, 0),
              monthlyEbsUsd: usd === undefined ? null : roundUsd(usd),
            },
            recommendation: 'Snapshot the volumes (or create an AMI) and terminate the instance.',
          },
          usd === undefined ? undefined : { usd, prices: (costs as MonthlyCost[]).flatMap((c) => c.prices) },
        ),
      ];
    });
  },
});
