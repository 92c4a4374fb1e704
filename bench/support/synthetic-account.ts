import type {
  AwsAdapters,
  CloudWatchPort,
  DbInstance,
  EbsSnapshot,
  EbsVolume,
  Ec2Instance,
  Ec2Port,
  ElasticIp,
  ElbPort,
  LoadBalancer,
  MachineImage,
  MetricQuery,
  MetricSeries,
  NatGateway,
  RdsPort,
  TargetGroup,
} from '../../src/aws/ports/index.js';
import { periodCount } from '../../src/aws/cloudwatch-series.js';
import { demoCostExplorer, demoPricing, unit } from '../../src/demo/index.js';

/** Regions with bundled prices, so the demo Price List can answer for every resource. */
export const SYNTHETIC_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'] as const;
export const SYNTHETIC_ACCOUNT_ID = '123456789012';

/** Types priced in every synthetic region (ap-southeast-2's snapshot is the smallest). */
const TYPES = [
  't3.medium',
  't3.large',
  'm5.large',
  'm5.xlarge',
  'm6i.large',
  'm6i.xlarge',
  'c5.large',
  'c5.xlarge',
  'r5.large',
  'r6i.xlarge',
  'c6i.2xlarge',
  'm4.large',
  'c4.large',
  't2.medium',
];
const DAY_MS = 86_400_000;

export interface SyntheticOptions {
  /** EC2 instances in the whole account, spread evenly over the regions. */
  instances: number;
  /** @default SYNTHETIC_REGIONS */
  regions?: readonly string[];
  /** Resource ages and metrics are relative to this. */
  now: Date;
}

/** What one region holds; every count is proportional to the region's instances. */
export interface RegionShape {
  instances: number;
  looseVolumes: number;
  snapshots: number;
  images: number;
  addresses: number;
  natGateways: number;
  loadBalancers: number;
  dbInstances: number;
}

/** Proportions: a volume per instance plus 5% loose, half a snapshot, 1 EIP per 20, 1 NAT per 100, 1 LB and 1 DB per 50. */
export function regionShape(instances: number): RegionShape {
  const atLeastOne = (n: number) => Math.max(1, Math.round(n));
  return {
    instances,
    looseVolumes: atLeastOne(instances / 20),
    snapshots: atLeastOne(instances / 2),
    images: atLeastOne(instances / 50),
    addresses: atLeastOne(instances / 20),
    natGateways: atLeastOne(instances / 100),
    loadBalancers: atLeastOne(instances / 50),
    dbInstances: atLeastOne(instances / 50),
  };
}

const hex = (n: number, width = 15) => n.toString(16).padStart(width, '0');
const pick = <T>(seed: string, list: readonly T[]): T => list[Math.floor(unit(seed) * list.length)]!;

/** A synthetic account behind the AwsAdapters ports: deterministic, no network, any size. */
export function createSyntheticAdapters(options: SyntheticOptions): AwsAdapters {
  const regions = [...(options.regions ?? SYNTHETIC_REGIONS)];
  const perRegion = Math.round(options.instances / regions.length);
  const cloudwatch = syntheticCloudWatch(options.now);
  return {
    regions: { listEnabledRegions: async () => [...regions] },
    costExplorer: demoCostExplorer(options.now),
    pricing: demoPricing('available'),
    ec2: (region) => syntheticEc2(region, regions.indexOf(region), regionShape(perRegion), options.now),
    elb: (region) => syntheticElb(region, regions.indexOf(region), regionShape(perRegion), options.now),
    // Classic Load Balancers are legacy: the synthetic account has none (one listing call per region).
    elbClassic: () => ({ listLoadBalancers: async () => [], instanceHealth: async () => null }),
    rds: (region) => syntheticRds(region, regionShape(perRegion), options.now),
    cloudwatch: () => cloudwatch,
  };
}

function syntheticEc2(region: string, r: number, shape: RegionShape, now: Date): Ec2Port {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const instanceId = (i: number) => `i-${r}${hex(i, 16)}`;
  const volumeId = (i: number) => `vol-${r}${hex(i, 16)}`;
  const snapshotId = (i: number) => `snap-${r}${hex(i, 16)}`;
  const instance = (i: number): Ec2Instance => {
    const seed = `${region}|i|${i}`;
    const stopped = unit(`${seed}|state`) < 0.1;
    const stoppedDays = Math.floor(5 + 120 * unit(`${seed}|stopped`));
    const stopAt = ago(stoppedDays);
    return {
      instanceId: instanceId(i),
      instanceType: pick(`${seed}|type`, TYPES),
      state: stopped ? 'stopped' : 'running',
      launchTime: ago(30 + Math.floor(900 * unit(`${seed}|launch`))),
      stateTransitionReason: stopped ? `User initiated (${stopAt.slice(0, 10)} ${stopAt.slice(11, 19)} GMT)` : null,
      platformDetails: 'Linux/UNIX',
      lifecycle: null,
      tenancy: 'default',
      name: `app-${i}`,
      tags: { Name: `app-${i}`, team: pick(`${seed}|team`, ['web', 'data', 'platform']) },
      volumeIds: [volumeId(i)],
    };
  };
  const volume = (i: number): EbsVolume => {
    const seed = `${region}|v|${i}`;
    const loose = i >= shape.instances;
    const gp2 = unit(`${seed}|type`) < 0.4;
    const size = 8 + Math.floor(492 * unit(`${seed}|size`));
    return {
      volumeId: volumeId(i),
      volumeType: gp2 ? 'gp2' : 'gp3',
      sizeGiB: size,
      iops: gp2 ? Math.min(16000, Math.max(100, size * 3)) : 3000,
      throughputMiBps: gp2 ? null : 125,
      state: loose ? 'available' : 'in-use',
      createTime: ago(10 + Math.floor(600 * unit(`${seed}|age`))),
      attachments: loose ? [] : [{ instanceId: instanceId(i), state: 'attached', device: '/dev/xvda' }],
      name: null,
      tags: {},
    };
  };
  const snapshot = (i: number): EbsSnapshot => ({
    snapshotId: snapshotId(i),
    volumeId: volumeId(i % shape.instances),
    volumeSizeGiB: 8 + (i % 200),
    startTime: ago(1 + Math.floor(400 * unit(`${region}|s|${i}`))),
    state: 'completed',
    description: `backup ${i}`,
    storageTier: 'standard',
    name: null,
    tags: {},
  });
  const image = (i: number): MachineImage => ({
    imageId: `ami-${r}${hex(i, 16)}`,
    name: `golden-${i}`,
    state: 'available',
    creationDate: ago(100),
    snapshotIds: [snapshotId(i)],
  });
  const address = (i: number): ElasticIp => {
    const associated = unit(`${region}|eip|${i}`) >= 0.3;
    return {
      allocationId: `eipalloc-${r}${hex(i, 16)}`,
      publicIp: `198.51.${r}.${i % 250}`,
      associationId: associated ? `eipassoc-${r}${hex(i, 16)}` : null,
      instanceId: associated ? instanceId(i % shape.instances) : null,
      networkInterfaceId: null,
      domain: 'vpc',
      name: null,
      tags: {},
    };
  };
  const nat = (i: number): NatGateway => ({
    natGatewayId: `nat-${r}${hex(i, 16)}`,
    state: 'available',
    createTime: ago(200),
    connectivityType: 'public',
    vpcId: `vpc-${r}${hex(i, 8)}`,
    subnetId: `subnet-${r}${hex(i, 8)}`,
    name: null,
    tags: {},
  });
  const range = <T>(n: number, f: (i: number) => T, from = 0) => Array.from({ length: n }, (_, k) => f(from + k));
  return {
    listInstances: async () => range(shape.instances, instance),
    listVolumes: async () => range(shape.instances + shape.looseVolumes, volume),
    listSnapshots: async () => range(shape.snapshots, snapshot),
    listImages: async () => range(shape.images, image),
    listAddresses: async () => range(shape.addresses, address),
    listNatGateways: async () => range(shape.natGateways, nat),
  };
}

function syntheticElb(region: string, r: number, shape: RegionShape, now: Date): ElbPort {
  const arn = (i: number) =>
    `arn:aws:elasticloadbalancing:${region}:${SYNTHETIC_ACCOUNT_ID}:loadbalancer/${i % 2 ? 'net' : 'app'}/lb-${i}/${r}${hex(i)}`;
  const tgArn = (i: number) => `arn:aws:elasticloadbalancing:${region}:${SYNTHETIC_ACCOUNT_ID}:targetgroup/tg-${i}/${r}${hex(i)}`;
  const n = shape.loadBalancers;
  return {
    listLoadBalancers: async (): Promise<LoadBalancer[]> =>
      Array.from({ length: n }, (_, i) => ({
        arn: arn(i),
        name: `lb-${i}`,
        type: i % 2 ? 'network' : 'application',
        scheme: 'internet-facing',
        state: 'active',
        createdTime: new Date(now.getTime() - 300 * DAY_MS).toISOString(),
        dnsName: `lb-${i}.${region}.elb.amazonaws.com`,
      })),
    listTargetGroups: async (): Promise<TargetGroup[]> =>
      Array.from({ length: n }, (_, i) => ({ arn: tgArn(i), name: `tg-${i}`, loadBalancerArns: [arn(i)], targetType: 'instance' })),
    targetHealth: async (tg) => ({ total: 2, healthy: unit(tg) < 0.1 ? 0 : 2 }),
  };
}

function syntheticRds(region: string, shape: RegionShape, now: Date): RdsPort {
  const classes = ['db.t3.medium', 'db.m5.large', 'db.r5.large'];
  return {
    listDbInstances: async (): Promise<DbInstance[]> =>
      Array.from({ length: shape.dbInstances }, (_, i) => ({
        dbInstanceId: `db-${region}-${i}`,
        instanceClass: pick(`${region}|db|${i}`, classes),
        engine: i % 2 ? 'mysql' : 'postgres',
        status: 'available',
        multiAz: i % 3 === 0,
        allocatedStorageGiB: 100,
        storageType: 'gp3',
        createTime: new Date(now.getTime() - 400 * DAY_MS).toISOString(),
        clusterId: null,
        tags: {},
      })),
  };
}

/**
 * Daily values of one series: 10% of resources idle, 20% lightly used, the rest busy. Seeds
 * are hashed once per series (not per datapoint), so generating 20,000 series stays cheap and
 * the stub's own CPU time hardly weighs in the wall times measured around it.
 */
export function syntheticSeries(
  query: Pick<MetricQuery, 'metricName' | 'stat' | 'dimensions' | 'periodSeconds'>,
  start: string,
  end: string,
): MetricSeries {
  const resource = query.dimensions.map((d) => d.value).join('/');
  const profile = unit(`${resource}|profile`);
  const level = profile < 0.1 ? 0.02 : profile < 0.3 ? 0.12 : 0.5;
  const scale =
    query.metricName === 'CPUUtilization'
      ? 100
      : query.metricName.startsWith('Network')
        ? 5e9
        : query.metricName === 'DatabaseConnections'
          ? 100
          : 1e6;
  let state = Math.floor(unit(`${resource}|${query.metricName}|${query.stat}`) * 2 ** 32);
  // A datapoint every day, as the real adapter's series of a running instance: numbers only.
  const values = new Array<number>(periodCount(Date.parse(start), Date.parse(end), query.periodSeconds));
  for (let i = 0; i < values.length; i++) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0; // one xorshift-multiply step per day
    const value = level * scale * (0.5 + state / 2 ** 32);
    values[i] = query.metricName === 'CPUUtilization' ? Math.min(100, value) : Math.round(value);
  }
  return { start, periodSeconds: query.periodSeconds, values, status: 'Complete' };
}

function syntheticCloudWatch(_now: Date): CloudWatchPort {
  return {
    async getMetricData({ queries, start, end }) {
      const out: Record<string, MetricSeries> = {};
      for (const q of queries) out[q.key] = syntheticSeries(q, start, end);
      return out;
    },
  };
}
