import { HOURS_PER_MONTH, priceKeys } from '../pricing/keys.js';
import { ec2Utilisation } from './ec2-utilisation.js';
import { ec2PricingBasis, label, makeFinding, roundMeasurement } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

/**
 * Running instances whose CPU never exceeded `maxCpuPercent` on any day and whose daily network
 * traffic stayed at or under `maxNetworkMbPerDay`, with a full `lookbackDays` of data.
 * Saving: the instance's on-demand cost (stop or terminate it).
 */
export const ec2Idle = defineRegionCheck({
  id: 'ec2-idle',
  scope: 'region',
  description: 'running EC2 instance with almost no CPU and network activity',
  params: {
    maxCpuPercent: param.number(5, 0, 100, 'highest daily maximum CPU, percent'),
    maxNetworkMbPerDay: param.number(5, 0, 1_000_000, 'highest daily NetworkIn + NetworkOut, MB'),
    lookbackDays: param.integer(14, 1, 455, 'days of CloudWatch data required'),
  },
  countsTowardSavings: true,
  requires: ['instances'],
  metrics: ['ec2'],
  lookbackDays: (p) => p.lookbackDays,
  priceKeys: (inventory) => (inventory.instances ?? []).filter((i) => i.state === 'running').map((i) => priceKeys.ec2(i.instanceType)),
  run({ region, inventory, metrics, prices }, params) {
    return (inventory.instances ?? []).flatMap((instance) => {
      if (instance.state !== 'running') return [];
      const use = ec2Utilisation(metrics, instance.instanceId, params.lookbackDays);
      if (!use || use.daysOfData < params.lookbackDays || use.peakNetworkMbPerDay === null) return [];
      if (use.peakCpuPercent > params.maxCpuPercent || use.peakNetworkMbPerDay > params.maxNetworkMbPerDay) return [];
      const price = prices.get(priceKeys.ec2(instance.instanceType));
      return [
        makeFinding(
          {
            check: 'ec2-idle',
            resourceId: instance.instanceId,
            resourceType: 'ec2-instance',
            region,
            title: `Idle ${instance.instanceType} instance ${label(instance.instanceId, instance.name)}`,
            evidence: {
              instanceType: instance.instanceType,
              ...ec2PricingBasis(instance),
              peakCpuPercent: roundMeasurement(use.peakCpuPercent),
              averageCpuPercent: roundMeasurement(use.averageCpuPercent),
              peakNetworkMbPerDay: roundMeasurement(use.peakNetworkMbPerDay),
              lookbackDays: params.lookbackDays,
              daysOfData: use.daysOfData,
              hourlyUsd: price?.usd ?? null,
            },
            recommendation: 'Stop or terminate the instance (snapshot its volumes first if needed).',
          },
          price && { usd: price.usd * HOURS_PER_MONTH, prices: [price] },
        ),
      ];
    });
  },
});
