import { ageDays } from '../dates.js';
import { seriesKey } from '../metrics/types.js';
import { statsFrom, windowFrom } from '../metrics/window.js';
import { HOURS_PER_MONTH, priceKeys } from '../pricing/keys.js';
import { label, makeFinding, roundMeasurement } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

/** Bytes in a gigabyte (decimal, as AWS bills data processing). */
export const BYTES_PER_GB = 1_000_000_000;

/**
 * Available NAT gateways, at least `lookbackDays` old, that processed less than
 * `maxGbProcessed` GB (in from the VPC plus in from the destinations) over that period.
 * Saving: the gateway's hourly charge for a month.
 */
export const natIdle = defineRegionCheck({
  id: 'nat-idle',
  scope: 'region',
  description: 'NAT gateway that processed almost no data',
  params: {
    maxGbProcessed: param.number(1, 0, 1_000_000, 'GB processed over the lookback (exclusive)'),
    lookbackDays: param.integer(14, 1, 455, 'days of CloudWatch data considered'),
  },
  countsTowardSavings: true,
  requires: ['natGateways'],
  metrics: ['nat'],
  lookbackDays: (p) => p.lookbackDays,
  priceKeys: (inventory) => ((inventory.natGateways ?? []).some((g) => g.state === 'available') ? [priceKeys.natHour] : []),
  run({ region, now, inventory, metrics, prices }, params) {
    if (!metrics) return [];
    const rate = prices.get(priceKeys.natHour);
    return (inventory.natGateways ?? []).flatMap((gateway) => {
      if (gateway.state !== 'available') return [];
      const age = ageDays(gateway.createTime, now);
      if (age === null || age < params.lookbackDays) return [];
      const keys = ['BytesInFromSource', 'BytesInFromDestination'].map((m) => seriesKey(gateway.natGatewayId, m, 'Sum'));
      // A gateway that was not queried (or whose metrics were forbidden) is unknown, not idle.
      if (keys.some((k) => metrics.series[k] === undefined || metrics.series[k]!.status === 'Forbidden')) return [];
      // NAT gateways publish no datapoint for periods without traffic: missing days are zero bytes.
      const from = windowFrom(metrics, params.lookbackDays);
      const total = statsFrom(metrics.series[keys[0]!], from);
      const bytes = statsFrom(metrics.series[keys[1]!], from, total).sum;
      const gb = bytes / BYTES_PER_GB;
      if (gb >= params.maxGbProcessed) return [];
      return [
        makeFinding(
          {
            check: 'nat-idle',
            resourceId: gateway.natGatewayId,
            resourceType: 'nat-gateway',
            region,
            title: `NAT gateway ${label(gateway.natGatewayId, gateway.name)} processed ${roundMeasurement(gb)} GB in ${params.lookbackDays} days`,
            evidence: {
              gbProcessed: roundMeasurement(gb),
              lookbackDays: params.lookbackDays,
              ageDays: age,
              vpcId: gateway.vpcId,
              hourlyUsd: rate?.usd ?? null,
            },
            recommendation: 'Delete the gateway if nothing routes through it (check route tables first).',
          },
          rate && { usd: rate.usd * HOURS_PER_MONTH, prices: [rate] },
        ),
      ];
    });
  },
});
