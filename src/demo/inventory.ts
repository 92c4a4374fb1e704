import type {
  ClassicElbPort,
  DbInstance,
  EbsSnapshot,
  EbsVolume,
  Ec2Instance,
  Ec2Port,
  ElasticIp,
  ElbPort,
  LoadBalancer,
  MachineImage,
  NatGateway,
  RdsPort,
  TargetGroup,
} from '../aws/ports/index.js';
import {
  ADDRESSES,
  CLASSIC_LOAD_BALANCERS,
  DATABASES,
  DEMO_ACCOUNT_ID,
  INSTANCES,
  LOAD_BALANCERS,
  LOOSE_VOLUMES,
  NAT_GATEWAYS,
  SNAPSHOTS,
  type DemoVolume,
} from './catalogue.js';

const DAY_MS = 86_400_000;

/** Turns the catalogue's "days ago" into ISO instants relative to the demo's now. */
export function clockFor(now: Date) {
  return {
    ago: (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString(),
    /** EC2's StateTransitionReason for a user stop `days` ago. */
    stopReason: (days: number) => {
      const iso = new Date(now.getTime() - days * DAY_MS).toISOString();
      return `User initiated (${iso.slice(0, 10)} ${iso.slice(11, 19)} GMT)`;
    },
  };
}

function volumeOf(v: DemoVolume, createTime: string, attachedTo: string | null): EbsVolume {
  return {
    volumeId: v.id,
    volumeType: v.type,
    sizeGiB: v.size,
    iops: v.iops ?? null,
    throughputMiBps: v.throughput ?? null,
    state: attachedTo ? 'in-use' : 'available',
    createTime,
    attachments: attachedTo ? [{ instanceId: attachedTo, state: 'attached', device: '/dev/xvda' }] : [],
    name: v.name ?? null,
    tags: v.name ? { Name: v.name } : {},
  };
}

/** The demo account's EC2 resources of one region. */
export function demoEc2(region: string, now: Date): Ec2Port {
  const t = clockFor(now);
  return {
    async listInstances(): Promise<Ec2Instance[]> {
      return INSTANCES.filter((i) => i.region === region).map((i) => ({
        instanceId: i.id,
        instanceType: i.type,
        state: i.state,
        launchTime: t.ago(i.launchedDaysAgo),
        stateTransitionReason: i.stoppedDaysAgo === undefined ? null : t.stopReason(i.stoppedDaysAgo),
        platformDetails: 'Linux/UNIX',
        lifecycle: null,
        tenancy: 'default',
        name: i.name,
        tags: { Name: i.name, team: i.team },
        volumeIds: i.volumes.map((v) => v.id),
      }));
    },
    async listVolumes(): Promise<EbsVolume[]> {
      const attached = INSTANCES.filter((i) => i.region === region).flatMap((i) =>
        i.volumes.map((v) => volumeOf(v, t.ago(i.launchedDaysAgo), i.id)),
      );
      const loose = LOOSE_VOLUMES.filter((v) => v.region === region).map((v) => volumeOf(v, t.ago(v.createdDaysAgo), null));
      return [...attached, ...loose];
    },
    async listSnapshots(): Promise<EbsSnapshot[]> {
      return SNAPSHOTS.filter((s) => s.region === region).map((s) => ({
        snapshotId: s.id,
        volumeId: s.volumeId,
        volumeSizeGiB: s.size,
        startTime: t.ago(s.ageDays),
        state: 'completed',
        description: s.name,
        storageTier: 'standard',
        name: s.name,
        tags: { Name: s.name },
      }));
    },
    async listImages(): Promise<MachineImage[]> {
      return SNAPSHOTS.filter((s) => s.region === region && s.imageId).map((s) => ({
        imageId: s.imageId!,
        name: s.name,
        state: 'available',
        creationDate: t.ago(s.ageDays),
        snapshotIds: [s.id],
      }));
    },
    async listAddresses(): Promise<ElasticIp[]> {
      return ADDRESSES.filter((a) => a.region === region).map((a) => ({
        allocationId: a.allocationId,
        publicIp: a.ip,
        associationId: a.instanceId || a.eni ? `eipassoc-${a.allocationId.slice(9)}` : null,
        instanceId: a.instanceId ?? null,
        networkInterfaceId: a.eni ?? null,
        domain: 'vpc',
        name: a.name,
        tags: { Name: a.name },
      }));
    },
    async listNatGateways(): Promise<NatGateway[]> {
      return NAT_GATEWAYS.filter((n) => n.region === region).map((n) => ({
        natGatewayId: n.id,
        state: 'available',
        createTime: t.ago(n.createdDaysAgo),
        connectivityType: 'public',
        vpcId: `vpc-${n.id.slice(4, 12)}`,
        subnetId: `subnet-${n.id.slice(4, 12)}`,
        name: n.name,
        tags: { Name: n.name },
      }));
    },
  };
}

/** ARN of a demo load balancer. */
export function demoLoadBalancerArn(lb: (typeof LOAD_BALANCERS)[number]): string {
  return `arn:aws:elasticloadbalancing:${lb.region}:${DEMO_ACCOUNT_ID}:loadbalancer/${lb.type === 'application' ? 'app' : 'net'}/${lb.name}/${lb.id}`;
}

const targetGroupArn = (lb: (typeof LOAD_BALANCERS)[number]) =>
  `arn:aws:elasticloadbalancing:${lb.region}:${DEMO_ACCOUNT_ID}:targetgroup/${lb.name}-tg/${lb.id}`;

/** The demo account's load balancers of one region, with their target health. */
export function demoElb(region: string, now: Date): ElbPort {
  const t = clockFor(now);
  const mine = LOAD_BALANCERS.filter((lb) => lb.region === region);
  return {
    async listLoadBalancers(): Promise<LoadBalancer[]> {
      return mine.map((lb) => ({
        arn: demoLoadBalancerArn(lb),
        name: lb.name,
        type: lb.type,
        scheme: 'internet-facing',
        state: 'active',
        createdTime: t.ago(lb.createdDaysAgo),
        dnsName: `${lb.name}-${lb.id.slice(0, 8)}.${region}.elb.amazonaws.com`,
      }));
    },
    async listTargetGroups(): Promise<TargetGroup[]> {
      return mine.map((lb) => ({
        arn: targetGroupArn(lb),
        name: `${lb.name}-tg`,
        loadBalancerArns: [demoLoadBalancerArn(lb)],
        targetType: 'instance',
      }));
    },
    async targetHealth(arn) {
      const lb = mine.find((l) => targetGroupArn(l) === arn);
      return { total: lb?.targets ?? 0, healthy: lb?.healthy ?? 0 };
    },
  };
}

/** The demo account's Classic Load Balancers of one region, with their instance health. */
export function demoElbClassic(region: string, now: Date): ClassicElbPort {
  const t = clockFor(now);
  const mine = CLASSIC_LOAD_BALANCERS.filter((lb) => lb.region === region);
  return {
    async listLoadBalancers() {
      return mine.map((lb) => ({
        name: lb.name,
        scheme: 'internet-facing',
        createdTime: t.ago(lb.createdDaysAgo),
        dnsName: `${lb.name}-1234567890.${region}.elb.amazonaws.com`,
        vpcId: 'vpc-0b2f6d8e3c0a40900',
        instanceIds: [...lb.instances],
      }));
    },
    async instanceHealth(name) {
      const lb = mine.find((l) => l.name === name);
      return lb ? { total: lb.instances.length, healthy: lb.inService } : null;
    },
  };
}

/** The demo account's RDS instances of one region. */
export function demoRds(region: string, now: Date): RdsPort {
  const t = clockFor(now);
  return {
    async listDbInstances(): Promise<DbInstance[]> {
      return DATABASES.filter((d) => d.region === region).map((d) => ({
        dbInstanceId: d.id,
        instanceClass: d.instanceClass,
        engine: d.engine,
        status: 'available',
        multiAz: d.multiAz,
        allocatedStorageGiB: d.storage,
        storageType: 'gp3',
        createTime: t.ago(d.createdDaysAgo),
        clusterId: null,
        tags: {},
      }));
    },
  };
}
