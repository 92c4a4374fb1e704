import { HOURS_PER_MONTH, priceKeys } from '../pricing/keys.js';
import { smallerSizes } from '../pricing/instance-types.js';
import type { PriceEntry, PriceLookup } from '../pricing/price-book.js';
import { ec2Utilisation } from './ec2-utilisation.js';
import { ec2PricingBasis, label, makeFinding, roundMeasurement } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

/**
 * Running instances whose daily peak CPU stayed below `maxCpuPercent` for `lookbackDays`:
 * one size smaller roughly doubles the peak, still under 2 × the threshold. Saving: the hourly
 * price difference with the suggested size × 730.
 *
 * The suggestion is the nearest smaller size of the family (`smallerSizes`: up to two rungs down
 * the size ladder, so m5.4xlarge skips the missing 3xlarge to m5.2xlarge) that has an on-demand
 * price in the region: from the Price List, or the bundled snapshot when the Price List is not
 * available. A type with no price there is taken not to exist there (g4dn starts at xlarge, m5
 * at large), so no suggestion is ever made without a price. When the family has no smaller
 * priced size in reach, the instance is still reported, at $0 and saying so: it is idle
 * capacity a reader should know about, but resizing within its family saves nothing here.
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
      const use = ec2Utilisation(metrics, instance.instanceId, params.lookbackDays);
      if (!use || use.daysOfData < params.lookbackDays || use.peakCpuPercent >= params.maxCpuPercent) return [];
      const target = smallerPricedSize(instance.instanceType, prices);
      const current = prices.get(priceKeys.ec2(instance.instanceType));
      const family = instance.instanceType.split('.')[0];
      const evidence = {
        instanceType: instance.instanceType,
        ...ec2PricingBasis(instance),
        suggestedType: target?.type ?? null,
        peakCpuPercent: roundMeasurement(use.peakCpuPercent),
        averageCpuPercent: roundMeasurement(use.averageCpuPercent),
        lookbackDays: params.lookbackDays,
        daysOfData: use.daysOfData,
        currentHourlyUsd: current?.usd ?? null,
        suggestedHourlyUsd: target?.price.usd ?? null,
      };
      const base = { check: 'ec2-underutilised', resourceId: instance.instanceId, resourceType: 'ec2-instance', region } as const;
      if (!target) {
        return [
          makeFinding(
            {
              ...base,
              title: `Underutilised ${instance.instanceType} instance ${label(instance.instanceId, instance.name)}: no smaller ${family} size in ${region}`,
              evidence: { ...evidence, noSmallerSize: true },
              recommendation: `No smaller ${family} size is offered here: consider a smaller type of another family, or stopping it when it is not needed.`,
            },
            current ? { usd: 0, prices: [current] } : undefined,
          ),
        ];
      }
      return [
        makeFinding(
          {
            ...base,
            title: `Underutilised ${instance.instanceType} instance ${label(instance.instanceId, instance.name)}: ${target.type} would do`,
            evidence,
            recommendation: `Resize to ${target.type} (stop, change type, start) and watch the peak CPU.`,
          },
          current ? { usd: (current.usd - target.price.usd) * HOURS_PER_MONTH, prices: [current, target.price] } : undefined,
        ),
      ];
    });
  },
});

/** The nearest smaller size of `type` that has a price in the region, or undefined when none does. */
function smallerPricedSize(type: string, prices: PriceLookup): { type: string; price: PriceEntry } | undefined {
  for (const candidate of smallerSizes(type)) {
    const price = prices.get(priceKeys.ec2(candidate));
    if (price) return { type: candidate, price };
  }
  return undefined;
}
