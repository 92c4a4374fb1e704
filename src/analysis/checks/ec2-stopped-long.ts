import type { Ec2Instance } from '../../aws/ports/index.js';
import { roundUsd } from '../../primitives/money.js';
import { volumeMonthlyCost, volumePriceKeys, type MonthlyCost } from '../pricing/ebs-cost.js';
import { label, makeFinding } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

const DAY_MS = 86_400_000;

/**
 * When a stopped instance stopped, from EC2's `StateTransitionReason`
 * (e.g. `User initiated (2026-01-15 10:20:30 GMT)`); null when the text carries no date.
 */
export function stoppedAt(instance: Pick<Ec2Instance, 'stateTransitionReason'>): Date | null {
  const match = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) GMT\)/.exec(instance.stateTransitionReason ?? '');
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Instances stopped for at least `minStoppedDays`: compute is free while stopped, but their EBS
 * volumes are not. Saving: the attached volumes' monthly cost (snapshot, then terminate).
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
      if (!since) return [];
      const days = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
      if (days < params.minStoppedDays) return [];
      const volumes = (inventory.volumes ?? []).filter(
        (v) => v.attachments.some((a) => a.instanceId === instance.instanceId) || instance.volumeIds.includes(v.volumeId),
      );
      const costs = volumes.map((v) => volumeMonthlyCost(v, prices));
      const priced = costs.every((c): c is MonthlyCost => c !== undefined);
      const usd = priced ? costs.reduce((sum, c) => sum + c.usd, 0) : undefined;
      return [
        makeFinding(
          {
            check: 'ec2-stopped-long',
            resourceId: instance.instanceId,
            resourceType: 'ec2-instance',
            region,
            title: `${instance.instanceType} instance ${label(instance.instanceId, instance.name)} stopped for ${days} days`,
            evidence: {
              instanceType: instance.instanceType,
              stoppedDays: days,
              stoppedAt: since.toISOString(),
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
