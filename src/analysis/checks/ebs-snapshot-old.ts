import { roundUsd } from '../../primitives/money.js';
import { ageDays } from '../dates.js';
import { priceKeys } from '../pricing/keys.js';
import { label, makeFinding } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

/**
 * Snapshots kept by a retention policy (Data Lifecycle Manager, AWS Backup) are deleted by that
 * policy; their age is deliberate, not waste.
 */
function isPolicyManaged(tags: Record<string, string>): boolean {
  return 'aws:dlm:lifecycle-policy-id' in tags || 'aws:backup:source-resource' in tags;
}

/**
 * Standard-tier snapshots older than `minAgeDays` that no image owned by the account uses.
 * Saving: source volume size × snapshot rate, an upper bound (snapshots are incremental, and
 * deleting one may move blocks to the next snapshot of the chain).
 */
export const ebsSnapshotOld = defineRegionCheck({
  id: 'ebs-snapshot-old',
  scope: 'region',
  description: 'EBS snapshot older than the threshold and not used by any AMI',
  params: { minAgeDays: param.integer(90, 0, 3650, 'minimum snapshot age in days') },
  countsTowardSavings: true,
  requires: ['snapshots'],
  priceKeys: (inventory) => ((inventory.snapshots ?? []).length > 0 ? [priceKeys.snapshot] : []),
  run({ region, now, inventory, prices }, params) {
    const used = new Set((inventory.images ?? []).flatMap((image) => image.snapshotIds));
    const rate = prices.get(priceKeys.snapshot);
    return (inventory.snapshots ?? []).flatMap((snapshot) => {
      // Archived snapshots were put there on purpose, at a quarter of the price.
      if (used.has(snapshot.snapshotId) || snapshot.storageTier === 'archive' || isPolicyManaged(snapshot.tags)) return [];
      if (snapshot.state !== null && snapshot.state !== 'completed') return [];
      const age = ageDays(snapshot.startTime, now);
      if (age === null || age < params.minAgeDays) return [];
      const usd = rate ? snapshot.volumeSizeGiB * rate.usd : undefined;
      return [
        makeFinding(
          {
            check: 'ebs-snapshot-old',
            resourceId: snapshot.snapshotId,
            resourceType: 'ebs-snapshot',
            region,
            title: `Snapshot ${label(snapshot.snapshotId, snapshot.name)} is ${age} days old and not used by an AMI`,
            evidence: {
              ageDays: age,
              volumeSizeGiB: snapshot.volumeSizeGiB,
              sourceVolumeId: snapshot.volumeId,
              usedByImage: false,
              monthlyCostUpperBoundUsd: usd === undefined ? null : roundUsd(usd),
              sizeBasis: 'source volume size (upper bound: snapshots are incremental)',
            },
            recommendation: 'Delete the snapshot if no restore needs it, or move it to the archive tier.',
          },
          usd === undefined ? undefined : { usd, prices: [rate] },
        ),
      ];
    });
  },
});
