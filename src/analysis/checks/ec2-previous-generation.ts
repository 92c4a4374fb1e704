import { HOURS_PER_MONTH, priceKeys } from '../pricing/keys.js';
import { parseInstanceType, PREVIOUS_GENERATION_FAMILIES, successorType } from '../pricing/instance-types.js';
import { ec2PricingBasis, label, makeFinding } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

/**
 * Running instances of a previous-generation family. Saving: the on-demand price difference
 * with the same size of the successor family (0 when the successor costs the same or more:
 * the finding still stands for performance and support).
 */
export const ec2PreviousGeneration = defineRegionCheck({
  id: 'ec2-previous-generation',
  scope: 'region',
  description: 'running EC2 instance of a previous-generation family',
  params: {
    families: param.list(
      PREVIOUS_GENERATION_FAMILIES,
      /^[a-z][a-z0-9-]*$/,
      '["t2", "m4"]',
      'instance families treated as previous generation',
    ),
  },
  countsTowardSavings: true,
  requires: ['instances'],
  priceKeys: (inventory, params) =>
    (inventory.instances ?? [])
      .filter((i) => i.state === 'running' && params.families.includes(parseInstanceType(i.instanceType)?.family ?? ''))
      .flatMap((i) => [i.instanceType, successorType(i.instanceType)].filter((t): t is string => t !== undefined).map(priceKeys.ec2)),
  run({ region, inventory, prices }, params) {
    return (inventory.instances ?? []).flatMap((instance) => {
      if (instance.state !== 'running') return [];
      const family = parseInstanceType(instance.instanceType)?.family;
      if (!family || !params.families.includes(family)) return [];
      const successor = successorType(instance.instanceType);
      const current = prices.get(priceKeys.ec2(instance.instanceType));
      const next = successor ? prices.get(priceKeys.ec2(successor)) : undefined;
      return [
        makeFinding(
          {
            check: 'ec2-previous-generation',
            resourceId: instance.instanceId,
            resourceType: 'ec2-instance',
            region,
            title: `Previous-generation ${instance.instanceType} instance ${label(instance.instanceId, instance.name)}${successor ? ` → ${successor}` : ''}`,
            evidence: {
              instanceType: instance.instanceType,
              ...ec2PricingBasis(instance),
              family,
              suggestedType: successor ?? null,
              currentHourlyUsd: current?.usd ?? null,
              suggestedHourlyUsd: next?.usd ?? null,
            },
            recommendation: successor
              ? `Move to ${successor}: newer hardware, same or lower price for the same size.`
              : 'Move to a current-generation family.',
          },
          current && next ? { usd: Math.max(0, current.usd - next.usd) * HOURS_PER_MONTH, prices: [current, next] } : undefined,
        ),
      ];
    });
  },
});
