import { roundUsd } from '../../primitives/money.js';
import { priceKeys } from '../pricing/keys.js';
import { gp3Equivalent, volumeMonthlyCost } from '../pricing/ebs-cost.js';
import { label, makeFinding } from './helpers.js';
import { defineRegionCheck } from './types.js';

/**
 * gp2 volumes, priced against the gp3 volume with the same performance (IOPS and throughput
 * above gp3's included baseline are paid for). Saving: gp2 cost − equivalent gp3 cost.
 */
export const ebsGp2ToGp3 = defineRegionCheck({
  id: 'ebs-gp2-to-gp3',
  scope: 'region',
  description: 'gp2 volume that would cost less as gp3 with the same performance',
  params: {},
  countsTowardSavings: true,
  requires: ['volumes'],
  priceKeys: (inventory) =>
    (inventory.volumes ?? []).some((v) => v.volumeType === 'gp2')
      ? [priceKeys.ebsStorage('gp2'), priceKeys.ebsStorage('gp3'), priceKeys.ebsIops('gp3'), priceKeys.gp3Throughput]
      : [],
  run({ region, inventory, prices }) {
    return (inventory.volumes ?? []).flatMap((volume) => {
      if (volume.volumeType !== 'gp2') return [];
      const target = gp3Equivalent(volume.sizeGiB);
      const current = volumeMonthlyCost({ ...volume, iops: null, throughputMiBps: null }, prices);
      const proposed = volumeMonthlyCost(
        { volumeType: 'gp3', sizeGiB: volume.sizeGiB, iops: target.iops, throughputMiBps: target.throughputMiBps },
        prices,
      );
      const saving = current && proposed ? current.usd - proposed.usd : undefined;
      if (saving !== undefined && saving <= 0) return [];
      return [
        makeFinding(
          {
            check: 'ebs-gp2-to-gp3',
            resourceId: volume.volumeId,
            resourceType: 'ebs-volume',
            region,
            title: `gp2 volume ${label(volume.volumeId, volume.name)} (${volume.sizeGiB} GiB) can move to gp3`,
            evidence: {
              sizeGiB: volume.sizeGiB,
              state: volume.state,
              gp2MonthlyUsd: current ? roundUsd(current.usd) : null,
              gp3MonthlyUsd: proposed ? roundUsd(proposed.usd) : null,
              gp3Iops: target.iops,
              gp3ThroughputMiBps: target.throughputMiBps,
            },
            recommendation: `Modify the volume to gp3 with ${target.iops} IOPS and ${target.throughputMiBps} MiB/s (online, no downtime).`,
          },
          current && proposed ? { usd: saving!, prices: [...current.prices, ...proposed.prices] } : undefined,
        ),
      ];
    });
  },
});
