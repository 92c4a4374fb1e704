import { HOURS_PER_MONTH, priceKeys } from '../pricing/keys.js';
import { smallerSizes } from '../pricing/instance-types.js';
import { ec2Utilisation } from './ec2-utilisation.js';
import { ec2PricingBasis, label, makeFinding, roundMeasurement } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

/**
 * Running instances whose daily peak CPU stayed below `maxCpuPercent` for `lookbackDays`:
 * one size smaller roughly doubles the peak, still under 2 × the threshold. Saving: the price
 * difference with the next smaller size that exists (has a price).
 */
export const ec2Underutilised = defineRegionCheck({
  id: 'ec2-underutilised',
  scope: 'region',
  description: 'running EC2 instance whose peak CPU would fit one size smaller',
  params: {
    maxCpuPercent: param.number(20, 0, 100, 'highest daily maximum CPU, percent (exclusive)'),
    lookbackDays: param.integer(14, 1, 455, 'days of CloudWatch data required'),
  },
  countsTowardSavings: true,
  requires: ['instances'],
  metrics: ['ec2'],
  lookbackDays: (p) => p.lookbackDays,
  priceKeys: (inventory) =>
    (inventory.instances ?? [])
      .filter((i) => i.state === 'running')
      .flatMap((i) => [i.instanceType, ...smallerSizes(i.instanceType)].map(priceKeys.ec2)),
  run({ region, inventory, metrics, prices }, params) {
    return (inventory.instances ?? []).flatMap((instance) => {
      if (instance.state !== 'running') return [];
      const candidates = smallerSizes(instance.instanceType);
      if (candidates.length === 0) return [];
      const use = ec2Utilisation(metrics, instance.instanceId, params.lookbackDays);
      if (!use || use.daysOfData < params.lookbackDays || use.peakCpuPercent >= params.maxCpuPercent) return [];
      const current = prices.get(priceKeys.ec2(instance.instanceType));
      const target = candidates.map((type) => ({ type, price: prices.get(priceKeys.ec2(type)) })).find((c) => c.price !== undefined);
      const targetType = target?.type ?? candidates[0]!;
      return [
        makeFinding(
          {
            check: 'ec2-underutilised',
            resourceId: instance.instanceId,
            resourceType: 'ec2-instance',
            region,
            title: `Underutilised ${instance.instanceType} instance ${label(instance.instanceId, instance.name)}: ${targetType} would do`,
            evidence: {
              instanceType: instance.instanceType,
              ...ec2PricingBasis(instance),
              suggestedType: targetType,
              peakCpuPercent: roundMeasurement(use.peakCpuPercent),
              averageCpuPercent: roundMeasurement(use.averageCpuPercent),
              lookbackDays: params.lookbackDays,
              daysOfData: use.daysOfData,
              currentHourlyUsd: current?.usd ?? null,
              suggestedHourlyUsd: target?.price?.usd ?? null,
            },
            recommendation: `Resize to ${targetType} (stop, change type, start) and watch the peak CPU.`,
          },
          current && target?.price
            ? { usd: (current.usd - target.price.usd) * HOURS_PER_MONTH, prices: [current, target.price] }
            : undefined,
        ),
      ];
    });
  },
});
