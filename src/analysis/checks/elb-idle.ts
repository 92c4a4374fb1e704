import { ageDays } from '../dates.js';
import { seriesKey } from '../metrics/types.js';
import { lastDays } from '../metrics/window.js';
import { HOURS_PER_MONTH, priceKeys } from '../pricing/keys.js';
import { makeFinding, roundMeasurement } from './helpers.js';
import { defineRegionCheck, param } from './types.js';

/** The request-like metric of each load balancer type (none for gateway load balancers). */
export const REQUEST_METRIC: Readonly<Record<string, string>> = {
  application: 'RequestCount',
  network: 'NewFlowCount',
  classic: 'RequestCount',
};

/**
 * Active load balancers (ALB, NLB, GWLB and Classic), at least `lookbackDays` old, with no
 * healthy target (for Classic: no `InService` instance), or whose busiest
 * day stayed under `maxRequestsPerDay` requests (new flows for NLBs; days without datapoints had
 * none). Saving: the hourly charge for a month (capacity units of an idle LB are negligible).
 */
export const elbIdle = defineRegionCheck({
  id: 'elb-idle',
  scope: 'region',
  description: 'load balancer with no healthy targets or almost no requests',
  params: {
    maxRequestsPerDay: param.number(100, 0, 1_000_000_000, 'requests on the busiest day (exclusive)'),
    lookbackDays: param.integer(7, 1, 455, 'days of CloudWatch data considered'),
  },
  countsTowardSavings: true,
  requires: ['loadBalancers'],
  metrics: ['elb'],
  lookbackDays: (p) => p.lookbackDays,
  priceKeys: (inventory) => [...new Set((inventory.loadBalancers ?? []).map((lb) => priceKeys.loadBalancer(lb.type)))],
  run({ region, now, inventory, metrics, prices }, params) {
    return (inventory.loadBalancers ?? []).flatMap((lb) => {
      if (lb.state !== null && lb.state !== 'active' && lb.state !== 'active_impaired') return [];
      const age = ageDays(lb.createdTime, now);
      if (age === null || age < params.lookbackDays) return [];
      const metric = REQUEST_METRIC[lb.type];
      // Undefined when not measured (gateway LB, metrics task missing): then only target health decides.
      const daily = metric ? lastDays(metrics, seriesKey(lb.arn, metric, 'Sum'), params.lookbackDays) : undefined;
      const busiest = daily === undefined ? null : Math.max(0, daily.max);
      const total = daily === undefined ? null : daily.sum;
      const noHealthyTargets = lb.healthyTargets === 0;
      const lowTraffic = busiest !== null && busiest < params.maxRequestsPerDay;
      if (!noHealthyTargets && !lowTraffic) return [];
      const rate = prices.get(priceKeys.loadBalancer(lb.type));
      return [
        makeFinding(
          {
            check: 'elb-idle',
            resourceId: lb.arn,
            resourceType: 'load-balancer',
            region,
            title: `Idle ${lb.type} load balancer ${lb.name}: ${noHealthyTargets ? (lb.type === 'classic' ? 'no healthy instances' : 'no healthy targets') : `at most ${busiest} ${metric === 'NewFlowCount' ? 'new flows' : 'requests'} a day`}`,
            evidence: {
              type: lb.type,
              // Classic LBs have no target groups: their targets are the registered instances.
              ...(lb.type === 'classic'
                ? { registeredInstances: lb.targets, inServiceInstances: lb.healthyTargets }
                : { targetGroups: lb.targetGroups, targets: lb.targets, healthyTargets: lb.healthyTargets }),
              busiestDayRequests: busiest,
              averageRequestsPerDay: total === null ? null : roundMeasurement(total / params.lookbackDays),
              requestMetric: metric ?? null,
              lookbackDays: params.lookbackDays,
              hourlyUsd: rate?.usd ?? null,
            },
            recommendation: 'Delete the load balancer if no service depends on its DNS name.',
          },
          rate && { usd: rate.usd * HOURS_PER_MONTH, prices: [rate] },
        ),
      ];
    });
  },
});
