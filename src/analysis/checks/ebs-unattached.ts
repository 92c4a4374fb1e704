import { roundUsd } from '../../primitives/money.js';
import { ageDays } from '../dates.js';
import { volumeMonthlyCost, volumePriceKeys } from '../pricing/ebs-cost.js';
import { label, makeFinding } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

/**
 * Volumes in the `available` state (attached to nothing) for at least `minAgeDays` since
 * creation (EC2 does not record when a volume was detached). Saving: all it costs per month.
 */
export const ebsUnattached = defineRegionCheck({
  id: 'ebs-unattached',
  scope: 'region',
  description: 'EBS volume not attached to any instance',
  params: { minAgeDays: param.integer(7, 0, 3650, 'minimum days since the volume was created') },
  countsTowardSavings: true,
  requires: ['volumes'],
  priceKeys: (inventory) => [
    ...new Set((inventory.volumes ?? []).filter((v) => v.state === 'available').flatMap((v) => volumePriceKeys(v.volumeType))),
  ],
  run({ region, now, inventory, prices }, params) {
    return (inventory.volumes ?? []).flatMap((volume) => {
      if (volume.state !== 'available') return [];
      const age = ageDays(volume.createTime, now);
      if (age === null || age < params.minAgeDays) return [];
      const cost = volumeMonthlyCost(volume, prices);
      return [
        makeFinding(
          {
            check: 'ebs-unattached',
            resourceId: volume.volumeId,
            resourceType: 'ebs-volume',
            region,
            title: `Unattached ${volume.volumeType} volume ${label(volume.volumeId, volume.name)} (${volume.sizeGiB} GiB)`,
            evidence: {
              state: volume.state,
              volumeType: volume.volumeType,
              sizeGiB: volume.sizeGiB,
              iops: volume.iops,
              throughputMiBps: volume.throughputMiBps,
              daysSinceCreated: age,
              monthlyCostUsd: cost ? roundUsd(cost.usd) : null,
            },
            recommendation: 'Snapshot the volume if its data matters, then delete it.',
          },
          cost && { usd: cost.usd, prices: cost.prices },
        ),
      ];
    });
  },
});
