import { ageDays } from '../dates.js';
import { seriesKey } from '../metrics/types.js';
import { lastDays } from '../metrics/window.js';
import { HOURS_PER_MONTH, priceKeys } from '../pricing/keys.js';
import { makeFinding } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

/**
 * Available RDS instances whose daily peak of connections never exceeded `maxConnections`
 * over `lookbackDays` (a full set of daily datapoints required). Saving: the instance's
 * on-demand hourly rate for a month (storage and backups are not counted).
 */
export const rdsIdle = defineRegionCheck({
  id: 'rds-idle',
  scope: 'region',
  description: 'RDS instance without connections',
  params: {
    maxConnections: param.integer(0, 0, 100_000, 'highest daily maximum of DatabaseConnections'),
    lookbackDays: param.integer(7, 1, 455, 'days of CloudWatch data required'),
  },
  countsTowardSavings: true,
  requires: ['dbInstances'],
  metrics: ['rds'],
  lookbackDays: (p) => p.lookbackDays,
  priceKeys: (inventory) =>
    (inventory.dbInstances ?? [])
      .filter((db) => db.status === 'available')
      .map((db) => priceKeys.rds(db.engine, db.multiAz, db.instanceClass)),
  run({ region, now, inventory, metrics, prices }, params) {
    return (inventory.dbInstances ?? []).flatMap((db) => {
      if (db.status !== 'available') return [];
      const age = ageDays(db.createTime, now);
      if (age === null || age < params.lookbackDays) return [];
      const daily = lastDays(metrics, seriesKey(db.dbInstanceId, 'DatabaseConnections', 'Maximum'), params.lookbackDays);
      if (!daily || daily.days < params.lookbackDays) return [];
      const peak = daily.max;
      if (peak > params.maxConnections) return [];
      const rate = prices.get(priceKeys.rds(db.engine, db.multiAz, db.instanceClass));
      return [
        makeFinding(
          {
            check: 'rds-idle',
            resourceId: db.dbInstanceId,
            resourceType: 'rds-instance',
            region,
            title: `RDS ${db.engine} ${db.instanceClass} ${db.dbInstanceId} had no more than ${peak} connections in ${params.lookbackDays} days`,
            evidence: {
              engine: db.engine,
              instanceClass: db.instanceClass,
              multiAz: db.multiAz,
              peakConnections: peak,
              lookbackDays: params.lookbackDays,
              daysOfData: daily.days,
              hourlyUsd: rate?.usd ?? null,
            },
            recommendation:
              'Take a final snapshot and delete the instance, or stop it if it is needed later (RDS restarts stopped instances after 7 days).',
          },
          rate && { usd: rate.usd * HOURS_PER_MONTH, prices: [rate] },
        ),
      ];
    });
  },
});
