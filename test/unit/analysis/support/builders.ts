import type {
  DbInstance,
  EbsSnapshot,
  EbsVolume,
  Ec2Instance,
  ElasticIp,
  MachineImage,
  NatGateway,
} from '../../../../src/aws/ports/index.js';
import type { RegionCheckInput } from '../../../../src/analysis/checks/types.js';
import { defaultChecksConfig } from '../../../../src/analysis/config.js';
import type { LoadBalancerInventory, RegionInventory } from '../../../../src/analysis/inventory/types.js';
import { seriesKey, type MetricsResult } from '../../../../src/analysis/metrics/types.js';
import { PriceLookup, type PriceEntry } from '../../../../src/analysis/pricing/price-book.js';

/** The fixed instant of the analysis tests. */
export const NOW = new Date('2026-11-25T06:00:00Z');
const DAY = 86_400_000;

export const daysAgo = (days: number, from: Date = NOW) => new Date(from.getTime() - days * DAY).toISOString();

export function instance(p: Partial<Ec2Instance> = {}): Ec2Instance {
  return {
    instanceId: 'i-0a1b2c3d4e5f60001',
    instanceType: 'm5.large',
    state: 'running',
    launchTime: daysAgo(200),
    stateTransitionReason: null,
    platformDetails: 'Linux/UNIX',
    lifecycle: null,
    tenancy: 'default',
    name: null,
    tags: {},
    volumeIds: [],
    ...p,
  };
}

export function volume(p: Partial<EbsVolume> = {}): EbsVolume {
  return {
    volumeId: 'vol-0a1b2c3d4e5f60001',
    volumeType: 'gp3',
    sizeGiB: 100,
    iops: 3000,
    throughputMiBps: 125,
    state: 'in-use',
    createTime: daysAgo(100),
    attachments: [],
    name: null,
    tags: {},
    ...p,
  };
}

export function snapshot(p: Partial<EbsSnapshot> = {}): EbsSnapshot {
  return {
    snapshotId: 'snap-0a1b2c3d4e5f60001',
    volumeId: 'vol-0a1b2c3d4e5f60001',
    volumeSizeGiB: 100,
    startTime: daysAgo(200),
    state: 'completed',
    description: null,
    storageTier: 'standard',
    name: null,
    tags: {},
    ...p,
  };
}

export function image(p: Partial<MachineImage> = {}): MachineImage {
  return { imageId: 'ami-0a1b2c3d4e5f60001', name: 'golden', state: 'available', creationDate: daysAgo(300), snapshotIds: [], ...p };
}

export function address(p: Partial<ElasticIp> = {}): ElasticIp {
  return {
    allocationId: 'eipalloc-0a1b2c3d4e5f60001',
    publicIp: '203.0.113.10',
    associationId: null,
    instanceId: null,
    networkInterfaceId: null,
    domain: 'vpc',
    name: null,
    tags: {},
    ...p,
  };
}

export function natGateway(p: Partial<NatGateway> = {}): NatGateway {
  return {
    natGatewayId: 'nat-0a1b2c3d4e5f60001',
    state: 'available',
    createTime: daysAgo(100),
    connectivityType: 'public',
    vpcId: 'vpc-0a1b2c3d',
    subnetId: 'subnet-0a1b2c3d',
    name: null,
    tags: {},
    ...p,
  };
}

export function loadBalancer(p: Partial<LoadBalancerInventory> = {}): LoadBalancerInventory {
  return {
    arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188',
    name: 'web',
    type: 'application',
    scheme: 'internet-facing',
    state: 'active',
    createdTime: daysAgo(100),
    dnsName: 'web-1.us-east-1.elb.amazonaws.com',
    targetGroups: 1,
    targets: 2,
    healthyTargets: 2,
    ...p,
  };
}

export function dbInstance(p: Partial<DbInstance> = {}): DbInstance {
  return {
    dbInstanceId: 'orders-db',
    instanceClass: 'db.m5.large',
    engine: 'postgres',
    status: 'available',
    multiAz: false,
    allocatedStorageGiB: 100,
    storageType: 'gp3',
    createTime: daysAgo(100),
    clusterId: null,
    tags: {},
    ...p,
  };
}

export interface SeriesSpec {
  resourceId: string;
  metric: string;
  stat: string;
  /** Daily values, oldest first, ending the day before the window end. */
  values: number[];
}

/** A metrics result whose window ends at today 00:00 UTC of `NOW`, `days` long. */
export function metrics(specs: SeriesSpec[], days = 14, region = 'us-east-1'): MetricsResult {
  const endMs = Math.floor(NOW.getTime() / DAY) * DAY;
  const result: MetricsResult = {
    region,
    start: new Date(endMs - days * DAY).toISOString(),
    end: new Date(endMs).toISOString(),
    days,
    queries: specs.length,
    series: {},
  };
  for (const spec of specs) {
    const n = spec.values.length;
    // The values end the day before the window end; earlier days of the window have none.
    const values = [...new Array<null>(Math.max(0, days - n)).fill(null), ...spec.values.slice(Math.max(0, n - days))];
    result.series[seriesKey(spec.resourceId, spec.metric, spec.stat)] = {
      start: result.start,
      periodSeconds: DAY / 1000,
      values,
      status: 'Complete',
    };
  }
  return result;
}

/** `n` copies of `value`. */
export const repeat = (value: number, n: number) => Array.from({ length: n }, () => value);

/** Prices: the given ones from the "Price List", everything else from the bundled snapshot. */
export function prices(region = 'us-east-1', live: Record<string, number> = {}): PriceLookup {
  const entries: Record<string, PriceEntry> = {};
  for (const [key, usd] of Object.entries(live)) entries[key] = { usd, source: 'price-list' };
  return new PriceLookup(region, entries);
}

export function input(inventory: RegionInventory, extra: Partial<RegionCheckInput> = {}): RegionCheckInput {
  return { region: 'us-east-1', now: NOW, inventory, metrics: undefined, prices: prices(), ...extra };
}

/** The default parameters of a check, optionally overridden. */
export function params<T = never>(checkId: string, overrides: Record<string, number | string[]> = {}): T {
  return { ...defaultChecksConfig()[checkId]!.params, ...overrides } as T;
}
