/**
 * The narrow interfaces the analyses use to reach AWS. The real adapters (`createAwsAdapters`)
 * and the demo account (`createDemoAdapters`) both implement them. Every method follows the
 * service's pagination to the end, takes the task's `AbortSignal`, and returns plain JSON
 * (dates as ISO 8601 strings), so results can be stored and resumed.
 */

/** `YYYY-MM-DD`; Cost Explorer periods are [start, end) with an exclusive end. */
export type IsoDay = string;

export interface CostGroupBy {
  type: 'DIMENSION' | 'TAG';
  /** e.g. `SERVICE`, `REGION`, `LINKED_ACCOUNT`, or a tag key. */
  key: string;
}

export interface CostQuery {
  start: IsoDay;
  /** Exclusive. */
  end: IsoDay;
  granularity: 'DAILY' | 'MONTHLY';
  /** Cost Explorer metric name, e.g. `UnblendedCost`. */
  metric: string;
  /** At most two (a Cost Explorer limit). */
  groupBy: CostGroupBy[];
}

/** One time period of a GetCostAndUsage answer, pages merged. */
export interface CostPeriod {
  start: IsoDay;
  end: IsoDay;
  /** Cost Explorer's flag: the amounts may still change (recent days, a month not yet final). */
  estimated: boolean;
  /** Total of the period in USD; only present for ungrouped queries. */
  total?: number;
  /** Grouped amounts in USD. Tag keys come as `key$value` (Cost Explorer's form). */
  groups: Array<{ keys: string[]; amount: number }>;
}

export interface CostForecast {
  /** Forecast spend over the requested period, USD. */
  mean: number;
  /** Bounds of the 80% prediction interval, USD, when Cost Explorer returns them. */
  lower?: number;
  upper?: number;
}

export interface CostAnomaly {
  id: string;
  start: IsoDay | null;
  end: IsoDay | null;
  /** The monitored dimension value (usually the service). */
  dimensionValue: string | null;
  rootCauses: Array<{ service?: string; region?: string; linkedAccount?: string; usageType?: string }>;
  /** Total impact in USD (actual minus expected spend). */
  totalImpact: number;
  maxImpact: number;
  monitorArn: string | null;
}

export interface CostExplorerPort {
  /** GetCostAndUsage, every page; periods split across pages are merged. */
  getCostAndUsage(query: CostQuery, signal?: AbortSignal): Promise<CostPeriod[]>;
  /** GetCostForecast over [start, end), MONTHLY granularity, 80% prediction interval. */
  getCostForecast(request: { start: IsoDay; end: IsoDay; metric: string }, signal?: AbortSignal): Promise<CostForecast>;
  /** GetAnomalies over all monitors of the account, every page. */
  getAnomalies(request: { start: IsoDay; end: IsoDay }, signal?: AbortSignal): Promise<CostAnomaly[]>;
}

export interface Ec2Instance {
  instanceId: string;
  instanceType: string;
  /** `pending`, `running`, `stopping`, `stopped`, `shutting-down`, `terminated`. */
  state: string;
  launchTime: string | null;
  /** EC2's free text, e.g. `User initiated (2026-01-15 10:20:30 GMT)`: the only record of when it stopped. */
  stateTransitionReason: string | null;
  /** e.g. `Linux/UNIX`, `Windows`. */
  platformDetails: string | null;
  /** `spot`, `scheduled`, `capacity-block`, or null for on-demand. */
  lifecycle: string | null;
  tenancy: string | null;
  name: string | null;
  tags: Record<string, string>;
  /** EBS volumes attached through block device mappings. */
  volumeIds: string[];
}

export interface EbsVolume {
  volumeId: string;
  /** `gp2`, `gp3`, `io1`, `io2`, `st1`, `sc1`, `standard`. */
  volumeType: string;
  sizeGiB: number;
  /** Provisioned (io1/io2/gp3) or baseline (gp2) IOPS. */
  iops: number | null;
  /** gp3 throughput, MiB/s. */
  throughputMiBps: number | null;
  /** `creating`, `available`, `in-use`, `deleting`, `deleted`, `error`. */
  state: string;
  createTime: string | null;
  attachments: Array<{ instanceId: string | null; state: string | null; device: string | null }>;
  name: string | null;
  tags: Record<string, string>;
}

export interface EbsSnapshot {
  snapshotId: string;
  volumeId: string | null;
  /** Size of the source volume, GiB (the billed size is smaller: snapshots are incremental). */
  volumeSizeGiB: number;
  startTime: string | null;
  state: string | null;
  description: string | null;
  /** `standard` or `archive`. */
  storageTier: string | null;
  name: string | null;
  tags: Record<string, string>;
}

export interface MachineImage {
  imageId: string;
  name: string | null;
  state: string | null;
  creationDate: string | null;
  /** EBS snapshots backing the image. */
  snapshotIds: string[];
}

export interface ElasticIp {
  allocationId: string | null;
  publicIp: string | null;
  associationId: string | null;
  instanceId: string | null;
  networkInterfaceId: string | null;
  domain: string | null;
  name: string | null;
  tags: Record<string, string>;
}

export interface NatGateway {
  natGatewayId: string;
  /** `pending`, `available`, `deleting`, `deleted`, `failed`. */
  state: string;
  createTime: string | null;
  /** `public` or `private`. */
  connectivityType: string | null;
  vpcId: string | null;
  subnetId: string | null;
  name: string | null;
  tags: Record<string, string>;
}

export interface Ec2Port {
  listInstances(signal?: AbortSignal): Promise<Ec2Instance[]>;
  listVolumes(signal?: AbortSignal): Promise<EbsVolume[]>;
  /** Snapshots owned by the account (`OwnerIds: ['self']`). */
  listSnapshots(signal?: AbortSignal): Promise<EbsSnapshot[]>;
  /** Images owned by the account, to know which snapshots are in use. */
  listImages(signal?: AbortSignal): Promise<MachineImage[]>;
  listAddresses(signal?: AbortSignal): Promise<ElasticIp[]>;
  listNatGateways(signal?: AbortSignal): Promise<NatGateway[]>;
}

export interface LoadBalancer {
  arn: string;
  name: string;
  /** `application`, `network` or `gateway`. */
  type: string;
  scheme: string | null;
  /** `active`, `provisioning`, `active_impaired`, `failed`. */
  state: string | null;
  createdTime: string | null;
  dnsName: string | null;
}

export interface TargetGroup {
  arn: string;
  name: string;
  loadBalancerArns: string[];
  targetType: string | null;
}

export interface TargetHealthSummary {
  total: number;
  healthy: number;
}

export interface ElbPort {
  listLoadBalancers(signal?: AbortSignal): Promise<LoadBalancer[]>;
  listTargetGroups(signal?: AbortSignal): Promise<TargetGroup[]>;
  /** DescribeTargetHealth of one target group (the API has no batch form). */
  targetHealth(targetGroupArn: string, signal?: AbortSignal): Promise<TargetHealthSummary>;
}

export interface DbInstance {
  dbInstanceId: string;
  instanceClass: string;
  /** e.g. `mysql`, `postgres`, `aurora-postgresql`. */
  engine: string;
  /** `available`, `stopped`, ... */
  status: string;
  multiAz: boolean;
  allocatedStorageGiB: number | null;
  storageType: string | null;
  createTime: string | null;
  clusterId: string | null;
  tags: Record<string, string>;
}

export interface RdsPort {
  listDbInstances(signal?: AbortSignal): Promise<DbInstance[]>;
}

export interface MetricQuery {
  /** The caller's key for this series; any string, unique within one call. */
  key: string;
  namespace: string;
  metricName: string;
  dimensions: Array<{ name: string; value: string }>;
  /** `Maximum`, `Average`, `Sum`, ... */
  stat: string;
  periodSeconds: number;
}

export interface MetricSeries {
  /** ISO timestamps, ascending. */
  timestamps: string[];
  values: number[];
  /** CloudWatch's status of the last page: `Complete`, `PartialData`, `Forbidden`, `InternalError`. */
  status: string;
}

export interface CloudWatchPort {
  /**
   * GetMetricData for any number of queries over [start, end): batched up to 500 queries per
   * request, each batch followed through `NextToken`. Series are keyed by `MetricQuery.key`.
   */
  getMetricData(
    request: { queries: MetricQuery[]; start: string; end: string },
    signal?: AbortSignal,
  ): Promise<Record<string, MetricSeries>>;
}

/** One product of the Price List, its OnDemand price dimensions parsed. */
export interface PriceListProduct {
  sku: string;
  productFamily: string | null;
  attributes: Record<string, string>;
  onDemand: Array<{ unit: string; usd: number; beginRange: number; description: string | null }>;
}

export interface PricingPort {
  /** GetProducts with TERM_MATCH filters, every page. */
  getProducts(request: { serviceCode: string; filters: Record<string, string> }, signal?: AbortSignal): Promise<PriceListProduct[]>;
}

export interface RegionsPort {
  /** Regions enabled for the account (DescribeRegions, opted-in or not requiring opt-in). */
  listEnabledRegions(signal?: AbortSignal): Promise<string[]>;
}

/** Everything the analyses need from AWS, for one account. */
export interface AwsAdapters {
  regions: RegionsPort;
  costExplorer: CostExplorerPort;
  pricing: PricingPort;
  ec2(region: string): Ec2Port;
  elb(region: string): ElbPort;
  rds(region: string): RdsPort;
  cloudwatch(region: string): CloudWatchPort;
}
