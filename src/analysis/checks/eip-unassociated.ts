import { HOURS_PER_MONTH, priceKeys } from '../pricing/keys.js';
import { makeFinding } from './helpers.js';
import { defineRegionCheck } from './types.js';

/** Elastic IPs associated with nothing: billed as idle public IPv4 ($0.005/h in most regions). */
export const eipUnassociated = defineRegionCheck({
  id: 'eip-unassociated',
  scope: 'region',
  description: 'Elastic IP address not associated with any instance or network interface',
  params: {},
  countsTowardSavings: true,
  requires: ['addresses'],
  priceKeys: (inventory) => ((inventory.addresses ?? []).some((a) => !a.associationId) ? [priceKeys.eipIdle] : []),
  run({ region, inventory, prices }) {
    const rate = prices.get(priceKeys.eipIdle);
    return (inventory.addresses ?? []).flatMap((address) => {
      if (address.associationId || address.instanceId || address.networkInterfaceId) return [];
      const id = address.allocationId ?? address.publicIp ?? 'unknown';
      return [
        makeFinding(
          {
            check: 'eip-unassociated',
            resourceId: id,
            resourceType: 'elastic-ip',
            region,
            title: `Elastic IP ${address.publicIp ?? id} is not associated`,
            evidence: {
              publicIp: address.publicIp,
              allocationId: address.allocationId,
              hourlyUsd: rate?.usd ?? null,
              hoursPerMonth: HOURS_PER_MONTH,
            },
            recommendation: 'Release the address if nothing needs this IP.',
          },
          rate && { usd: rate.usd * HOURS_PER_MONTH, prices: [rate] },
        ),
      ];
    });
  },
});
