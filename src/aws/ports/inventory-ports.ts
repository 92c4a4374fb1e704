/** Inventory ports: EC2, ELBv2, Classic ELB and RDS listings of one region, every page read. */

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
  /** `application`, `network`, `gateway`, or `classic` (see {@link ClassicLoadBalancer}). */
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

/** A Classic Load Balancer (ELB v1): named, no ARN in its API, instances registered directly. */
export interface ClassicLoadBalancer {
  name: string;
  /** `internet-facing` or `internal`. */
  scheme: string | null;
  createdTime: string | null;
  dnsName: string | null;
  vpcId: string | null;
  /** Instances registered with it (DescribeLoadBalancers `Instances`). */
  instanceIds: string[];
}

export interface ClassicElbPort {
  listLoadBalancers(signal?: AbortSignal): Promise<ClassicLoadBalancer[]>;
  /**
   * DescribeInstanceHealth of one load balancer: `total` instances, `healthy` = `InService`.
   * Null when the load balancer no longer exists (deleted since it was listed).
   */
  instanceHealth(name: string, signal?: AbortSignal): Promise<TargetHealthSummary | null>;
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
