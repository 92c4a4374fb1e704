import { isAccessDenied } from '../../aws/errors.js';
import type { AwsAdapters, LoadBalancer, TargetGroup } from '../../aws/ports/index.js';
import type { TaskOutput } from '../../executor/task-output.js';
import type { InventoryKind, LoadBalancerInventory, RegionInventory } from '../inventory/types.js';

/** Result of an inventory task: the families it lists, for one region. */
export type InventoryResult = { region: string } & Partial<RegionInventory>;

export interface InventoryFamily {
  /** Task type, e.g. `ec2-inventory`. */
  type: string;
  /** Breaker of the AWS service it calls. */
  breakerKey: string;
  provides: readonly InventoryKind[];
  /** `accountId` names resources whose API gives no ARN (Classic Load Balancers). */
  fetch(adapters: AwsAdapters, region: string, signal: AbortSignal, accountId: string): Promise<Partial<RegionInventory>>;
}

/** DescribeTargetHealth / DescribeInstanceHealth calls in flight at once (neither has a batch form). */
const TARGET_HEALTH_CONCURRENCY = 5;

/** Runs `fn` over `items`, {@link TARGET_HEALTH_CONCURRENCY} at a time, results in order. */
async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += TARGET_HEALTH_CONCURRENCY)
    results.push(...(await Promise.all(items.slice(i, i + TARGET_HEALTH_CONCURRENCY).map(fn))));
  return results;
}

/** The documented ARN of a Classic Load Balancer (its API returns only the name). */
export function classicLoadBalancerArn(region: string, accountId: string, name: string): string {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:elasticloadbalancing:${region}:${accountId}:loadbalancer/${name}`;
}

/**
 * Classic Load Balancers as load balancers of type `classic`: no target groups, their
 * registered instances as targets, `InService` ones as healthy. DescribeInstanceHealth is
 * asked only of those with instances; one deleted since the listing is left out.
 */
async function classicLoadBalancers(
  adapters: AwsAdapters,
  region: string,
  signal: AbortSignal,
  accountId: string,
): Promise<LoadBalancerInventory[]> {
  const elb = adapters.elbClassic(region);
  const lbs = await elb.listLoadBalancers(signal);
  // A role from before Classic support may lack DescribeInstanceHealth: its instances then
  // count as healthy (the request count still judges the load balancer), and the load
  // balancers of the rest of the task are not lost.
  const healthOf = (lb: (typeof lbs)[number]) =>
    elb.instanceHealth(lb.name, signal).catch((error: unknown) => {
      if (isAccessDenied(error)) return { total: lb.instanceIds.length, healthy: lb.instanceIds.length };
      throw error;
    });
  const health = await inBatches(lbs, (lb) => (lb.instanceIds.length === 0 ? Promise.resolve({ total: 0, healthy: 0 }) : healthOf(lb)));
  return lbs.flatMap((lb, i) => {
    const h = health[i];
    if (!h) return [];
    const arn = classicLoadBalancerArn(region, accountId, lb.name);
    return [
      {
        arn,
        name: lb.name,
        type: 'classic',
        scheme: lb.scheme,
        state: null,
        createdTime: lb.createdTime,
        dnsName: lb.dnsName,
        targetGroups: 0,
        targets: h.total,
        healthyTargets: h.healthy,
      },
    ];
  });
}

async function loadBalancersWithHealth(adapters: AwsAdapters, region: string, signal: AbortSignal): Promise<LoadBalancerInventory[]> {
  const elb = adapters.elb(region);
  const lbs: LoadBalancer[] = await elb.listLoadBalancers(signal);
  if (lbs.length === 0) return [];
  const groups: TargetGroup[] = await elb.listTargetGroups(signal);
  const attached = groups.filter((g) => g.loadBalancerArns.length > 0);
  const results = await inBatches(attached, (g) => elb.targetHealth(g.arn, signal));
  const health = new Map(attached.map((g, i) => [g.arn, results[i]!]));
  return lbs.map((lb) => {
    const mine = attached.filter((g) => g.loadBalancerArns.includes(lb.arn));
    const sums = mine.reduce(
      (acc, g) => ({ total: acc.total + (health.get(g.arn)?.total ?? 0), healthy: acc.healthy + (health.get(g.arn)?.healthy ?? 0) }),
      { total: 0, healthy: 0 },
    );
    return { ...lb, targetGroups: mine.length, targets: sums.total, healthyTargets: sums.healthy };
  });
}

/** The inventory task families, one task per family and region. */
export const INVENTORY_FAMILIES: readonly InventoryFamily[] = [
  {
    type: 'ec2-inventory',
    breakerKey: 'aws:ec2',
    provides: ['instances'],
    fetch: async (a, r, s) => ({ instances: await a.ec2(r).listInstances(s) }),
  },
  {
    type: 'ebs-inventory',
    breakerKey: 'aws:ec2',
    provides: ['volumes'],
    fetch: async (a, r, s) => ({ volumes: await a.ec2(r).listVolumes(s) }),
  },
  {
    type: 'snapshot-inventory',
    breakerKey: 'aws:ec2',
    provides: ['snapshots'],
    fetch: async (a, r, s) => {
      const ec2 = a.ec2(r);
      const [snapshots, images] = await Promise.all([ec2.listSnapshots(s), ec2.listImages(s)]);
      return { snapshots, images };
    },
  },
  {
    type: 'eip-inventory',
    breakerKey: 'aws:ec2',
    provides: ['addresses'],
    fetch: async (a, r, s) => ({ addresses: await a.ec2(r).listAddresses(s) }),
  },
  {
    type: 'nat-inventory',
    breakerKey: 'aws:ec2',
    provides: ['natGateways'],
    fetch: async (a, r, s) => ({ natGateways: await a.ec2(r).listNatGateways(s) }),
  },
  {
    // ELB v2 and Classic share the service (endpoint, IAM prefix), so one task and one breaker.
    type: 'elb-inventory',
    breakerKey: 'aws:elbv2',
    provides: ['loadBalancers'],
    fetch: async (a, r, s, accountId) => {
      const [v2, classic] = await Promise.all([loadBalancersWithHealth(a, r, s), classicLoadBalancers(a, r, s, accountId)]);
      return { loadBalancers: [...v2, ...classic] };
    },
  },
  {
    type: 'rds-inventory',
    breakerKey: 'aws:rds',
    provides: ['dbInstances'],
    fetch: async (a, r, s) => ({ dbInstances: await a.rds(r).listDbInstances(s) }),
  },
];

/** The family that lists `kind`. */
export function familyOf(kind: InventoryKind): InventoryFamily {
  return INVENTORY_FAMILIES.find((f) => f.provides.includes(kind))!;
}

/** Merges the results of the inventory tasks `inventory` among a task's inputs (those that succeeded). */
export function mergeInventory(
  inputs: ReadonlyMap<string, unknown>,
  inventory: ReadonlyArray<TaskOutput<InventoryResult>>,
): RegionInventory {
  const merged: RegionInventory = {};
  for (const task of inventory) {
    const result = task.optional(inputs);
    if (!result) continue;
    const { region: _region, ...families } = result;
    Object.assign(merged, families);
  }
  return merged;
}
