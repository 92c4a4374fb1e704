import type { AwsAdapters, LoadBalancer, TargetGroup } from '../../aws/ports.js';
import type { InventoryKind, LoadBalancerInventory, RegionInventory } from '../inventory/types.js';

/** Result of an inventory task: the families it lists, for one region. */
export type InventoryResult = { region: string } & Partial<RegionInventory>;

export interface InventoryFamily {
  /** Task type, e.g. `ec2-inventory`. */
  type: string;
  /** Breaker of the AWS service it calls. */
  breakerKey: string;
  provides: readonly InventoryKind[];
  fetch(adapters: AwsAdapters, region: string, signal: AbortSignal): Promise<Partial<RegionInventory>>;
}

/** DescribeTargetHealth calls in flight at once (the API has no batch form). */
const TARGET_HEALTH_CONCURRENCY = 5;

async function loadBalancersWithHealth(adapters: AwsAdapters, region: string, signal: AbortSignal): Promise<LoadBalancerInventory[]> {
  const elb = adapters.elb(region);
  const lbs: LoadBalancer[] = await elb.listLoadBalancers(signal);
  if (lbs.length === 0) return [];
  const groups: TargetGroup[] = await elb.listTargetGroups(signal);
  const attached = groups.filter((g) => g.loadBalancerArns.length > 0);
  const health = new Map<string, { total: number; healthy: number }>();
  for (let i = 0; i < attached.length; i += TARGET_HEALTH_CONCURRENCY) {
    const batch = attached.slice(i, i + TARGET_HEALTH_CONCURRENCY);
    const results = await Promise.all(batch.map((g) => elb.targetHealth(g.arn, signal)));
    batch.forEach((g, j) => health.set(g.arn, results[j]!));
  }
  return lbs.map((lb) => {
    const mine = attached.filter((g) => g.loadBalancerArns.includes(lb.arn));
    const sums = mine.reduce((acc, g) => ({ total: acc.total + (health.get(g.arn)?.total ?? 0), healthy: acc.healthy + (health.get(g.arn)?.healthy ?? 0) }), { total: 0, healthy: 0 });
    return { ...lb, targetGroups: mine.length, targets: sums.total, healthyTargets: sums.healthy };
  });
}

/** The inventory task families, one task per family and region. */
export const INVENTORY_FAMILIES: readonly InventoryFamily[] = [
  { type: 'ec2-inventory', breakerKey: 'aws:ec2', provides: ['instances'], fetch: async (a, r, s) => ({ instances: await a.ec2(r).listInstances(s) }) },
  { type: 'ebs-inventory', breakerKey: 'aws:ec2', provides: ['volumes'], fetch: async (a, r, s) => ({ volumes: await a.ec2(r).listVolumes(s) }) },
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
  { type: 'eip-inventory', breakerKey: 'aws:ec2', provides: ['addresses'], fetch: async (a, r, s) => ({ addresses: await a.ec2(r).listAddresses(s) }) },
  { type: 'nat-inventory', breakerKey: 'aws:ec2', provides: ['natGateways'], fetch: async (a, r, s) => ({ natGateways: await a.ec2(r).listNatGateways(s) }) },
  { type: 'elb-inventory', breakerKey: 'aws:elbv2', provides: ['loadBalancers'], fetch: async (a, r, s) => ({ loadBalancers: await loadBalancersWithHealth(a, r, s) }) },
  { type: 'rds-inventory', breakerKey: 'aws:rds', provides: ['dbInstances'], fetch: async (a, r, s) => ({ dbInstances: await a.rds(r).listDbInstances(s) }) },
];

/** The family that lists `kind`. */
export function familyOf(kind: InventoryKind): InventoryFamily {
  return INVENTORY_FAMILIES.find((f) => f.provides.includes(kind))!;
}

/** Merges the inventory results among a task's inputs (results of other tasks are ignored). */
export function mergeInventory(inputs: ReadonlyMap<string, unknown>, inventoryTaskIds: readonly string[]): RegionInventory {
  const merged: RegionInventory = {};
  for (const id of inventoryTaskIds) {
    const result = inputs.get(id) as InventoryResult | undefined;
    if (!result) continue;
    const { region: _region, ...families } = result;
    Object.assign(merged, families);
  }
  return merged;
}
