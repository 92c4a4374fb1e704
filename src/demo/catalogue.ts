/**
 * The demo account's resources: a fictional company running a web shop in us-east-1, its EU
 * copy in eu-west-1 and a small Sydney footprint. Every kind of waste the checks look for is
 * here at least once, next to healthy resources that must not be flagged. Ages are in days
 * before the demo's "now".
 */

export const DEMO_ACCOUNT_ID = '123456789012';
export const DEMO_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;

export interface DemoVolume { id: string; type: string; size: number; iops?: number; throughput?: number; name?: string }
export interface DemoInstance {
  id: string; name: string; region: string; type: string; state: 'running' | 'stopped'; launchedDaysAgo: number; stoppedDaysAgo?: number;
  /** Daily maximum CPU range, percent. */
  cpu: [number, number];
  /** Daily NetworkIn + NetworkOut range, MB. */
  netMb: [number, number];
  volumes: DemoVolume[];
  team: string;
}
export interface DemoLooseVolume extends DemoVolume { region: string; createdDaysAgo: number }
export interface DemoSnapshot { id: string; region: string; volumeId: string; size: number; ageDays: number; name: string; imageId?: string }
export interface DemoAddress { allocationId: string; region: string; ip: string; instanceId?: string; eni?: string; name: string }
export interface DemoNat { id: string; region: string; name: string; createdDaysAgo: number; gbPerDay: number }
export interface DemoLoadBalancer { name: string; id: string; region: string; type: 'application' | 'network'; createdDaysAgo: number; targets: number; healthy: number; requestsPerDay: number }
/** A Classic Load Balancer: `instances` registered, the first `inService` of them healthy. */
export interface DemoClassicLoadBalancer { name: string; region: string; createdDaysAgo: number; instances: string[]; inService: number; requestsPerDay: number }
export interface DemoDatabase { id: string; region: string; instanceClass: string; engine: string; multiAz: boolean; storage: number; createdDaysAgo: number; connections: [number, number] }

const gp3 = (id: string, size: number, name?: string): DemoVolume => ({ id, type: 'gp3', size, iops: 3000, throughput: 125, ...(name ? { name } : {}) });
const gp2 = (id: string, size: number, name?: string): DemoVolume => ({ id, type: 'gp2', size, iops: Math.min(16000, Math.max(100, size * 3)), ...(name ? { name } : {}) });

export const INSTANCES: DemoInstance[] = [
  { id: 'i-0a1e5c7d2b9f30001', name: 'web-1', region: 'us-east-1', type: 'm6i.large', state: 'running', launchedDaysAgo: 240, cpu: [38, 71], netMb: [9000, 15000], volumes: [gp3('vol-0a1e5c7d2b9f30101', 30)], team: 'web' },
  { id: 'i-0a1e5c7d2b9f30002', name: 'web-2', region: 'us-east-1', type: 'm6i.large', state: 'running', launchedDaysAgo: 240, cpu: [35, 68], netMb: [8500, 14000], volumes: [gp3('vol-0a1e5c7d2b9f30102', 30)], team: 'web' },
  { id: 'i-0a1e5c7d2b9f30003', name: 'api-1', region: 'us-east-1', type: 'c6i.xlarge', state: 'running', launchedDaysAgo: 180, cpu: [45, 88], netMb: [12000, 20000], volumes: [gp3('vol-0a1e5c7d2b9f30103', 50)], team: 'web' },
  { id: 'i-0a1e5c7d2b9f30004', name: 'batch-worker', region: 'us-east-1', type: 'm5.2xlarge', state: 'running', launchedDaysAgo: 300, cpu: [6, 14], netMb: [300, 900], volumes: [gp2('vol-0a1e5c7d2b9f30104', 100)], team: 'data' },
  { id: 'i-0a1e5c7d2b9f30005', name: 'legacy-reporting', region: 'us-east-1', type: 'm4.xlarge', state: 'running', launchedDaysAgo: 1100, cpu: [0.8, 3.2], netMb: [0.4, 2.5], volumes: [gp2('vol-0a1e5c7d2b9f30105', 200), gp2('vol-0a1e5c7d2b9f30106', 500, 'reporting-data')], team: 'data' },
  { id: 'i-0a1e5c7d2b9f30006', name: 'bastion', region: 'us-east-1', type: 't2.micro', state: 'running', launchedDaysAgo: 900, cpu: [21, 34], netMb: [15, 40], volumes: [gp2('vol-0a1e5c7d2b9f30107', 8)], team: 'platform' },
  { id: 'i-0a1e5c7d2b9f30007', name: 'old-build-agent', region: 'us-east-1', type: 'c4.large', state: 'stopped', launchedDaysAgo: 700, stoppedDaysAgo: 94, cpu: [0, 0], netMb: [0, 0], volumes: [gp3('vol-0a1e5c7d2b9f30108', 50), { id: 'vol-0a1e5c7d2b9f30109', type: 'st1', size: 500, name: 'build-cache' }], team: 'platform' },
  { id: 'i-0b2f6d8e3c0a40001', name: 'eu-web-1', region: 'eu-west-1', type: 'm6i.large', state: 'running', launchedDaysAgo: 200, cpu: [30, 64], netMb: [6000, 11000], volumes: [gp3('vol-0b2f6d8e3c0a40101', 30)], team: 'web' },
  { id: 'i-0b2f6d8e3c0a40002', name: 'eu-web-2', region: 'eu-west-1', type: 't3.medium', state: 'running', launchedDaysAgo: 200, cpu: [28, 57], netMb: [3000, 7000], volumes: [gp3('vol-0b2f6d8e3c0a40102', 20)], team: 'web' },
  { id: 'i-0b2f6d8e3c0a40003', name: 'eu-cron', region: 'eu-west-1', type: 't3.large', state: 'running', launchedDaysAgo: 400, cpu: [1.1, 3.9], netMb: [0.5, 3], volumes: [gp2('vol-0b2f6d8e3c0a40103', 30)], team: 'platform' },
  { id: 'i-0b2f6d8e3c0a40004', name: 'eu-legacy-app', region: 'eu-west-1', type: 'm4.large', state: 'running', launchedDaysAgo: 1300, cpu: [33, 61], netMb: [2000, 4000], volumes: [gp2('vol-0b2f6d8e3c0a40104', 60)], team: 'web' },
  { id: 'i-0c3a7e9f4d1b50001', name: 'syd-web', region: 'ap-southeast-2', type: 't3.large', state: 'running', launchedDaysAgo: 150, cpu: [26, 49], netMb: [1500, 3500], volumes: [gp2('vol-0c3a7e9f4d1b50101', 40)], team: 'web' },
  { id: 'i-0c3a7e9f4d1b50002', name: 'syd-load-test', region: 'ap-southeast-2', type: 'm5.xlarge', state: 'running', launchedDaysAgo: 75, cpu: [0.5, 2.4], netMb: [0.2, 1.5], volumes: [gp3('vol-0c3a7e9f4d1b50102', 100)], team: 'platform' },
];

export const LOOSE_VOLUMES: DemoLooseVolume[] = [
  { ...gp2('vol-0a1e5c7d2b9f30201', 1000, 'migration-2025-export'), region: 'us-east-1', createdDaysAgo: 45 },
  { id: 'vol-0a1e5c7d2b9f30202', type: 'io1', size: 200, iops: 3000, name: 'perf-test-scratch', region: 'us-east-1', createdDaysAgo: 20 },
  { ...gp3('vol-0a1e5c7d2b9f30203', 100, 'just-detached'), region: 'us-east-1', createdDaysAgo: 3 },
  { ...gp3('vol-0b2f6d8e3c0a40201', 250, 'eu-old-logs'), region: 'eu-west-1', createdDaysAgo: 60 },
];

export const SNAPSHOTS: DemoSnapshot[] = [
  { id: 'snap-0a1e5c7d2b9f30301', region: 'us-east-1', volumeId: 'vol-0a1e5c7d2b9f30106', size: 500, ageDays: 400, name: 'reporting-data-2025-10' },
  { id: 'snap-0a1e5c7d2b9f30302', region: 'us-east-1', volumeId: 'vol-0a1e5c7d2b9f30104', size: 100, ageDays: 200, name: 'batch-before-upgrade' },
  { id: 'snap-0a1e5c7d2b9f30303', region: 'us-east-1', volumeId: 'vol-0a1e5c7d2b9f30101', size: 30, ageDays: 300, name: 'golden-web-root', imageId: 'ami-0a1e5c7d2b9f30401' },
  { id: 'snap-0a1e5c7d2b9f30304', region: 'us-east-1', volumeId: 'vol-0a1e5c7d2b9f30101', size: 30, ageDays: 30, name: 'web-1-monthly' },
  { id: 'snap-0a1e5c7d2b9f30305', region: 'us-east-1', volumeId: 'vol-0a1e5c7d2b9f30101', size: 30, ageDays: 2, name: 'web-1-daily' },
  { id: 'snap-0b2f6d8e3c0a40301', region: 'eu-west-1', volumeId: 'vol-0b2f6d8e3c0a40104', size: 60, ageDays: 150, name: 'eu-legacy-pre-patch' },
  { id: 'snap-0b2f6d8e3c0a40302', region: 'eu-west-1', volumeId: 'vol-0b2f6d8e3c0a40101', size: 30, ageDays: 120, name: 'eu-web-1-q3' },
  { id: 'snap-0c3a7e9f4d1b50301', region: 'ap-southeast-2', volumeId: 'vol-0c3a7e9f4d1b50101', size: 40, ageDays: 130, name: 'syd-web-launch' },
];

export const ADDRESSES: DemoAddress[] = [
  { allocationId: 'eipalloc-0a1e5c7d2b9f30501', region: 'us-east-1', ip: '198.51.100.10', instanceId: 'i-0a1e5c7d2b9f30006', name: 'bastion' },
  { allocationId: 'eipalloc-0a1e5c7d2b9f30502', region: 'us-east-1', ip: '198.51.100.11', eni: 'eni-0a1e5c7d2b9f30601', name: 'nat-prod-a' },
  { allocationId: 'eipalloc-0a1e5c7d2b9f30503', region: 'us-east-1', ip: '198.51.100.12', name: 'old-vpn' },
  { allocationId: 'eipalloc-0b2f6d8e3c0a40501', region: 'eu-west-1', ip: '198.51.100.40', name: 'eu-spare' },
  { allocationId: 'eipalloc-0c3a7e9f4d1b50501', region: 'ap-southeast-2', ip: '198.51.100.70', name: 'syd-demo' },
];

export const NAT_GATEWAYS: DemoNat[] = [
  { id: 'nat-0a1e5c7d2b9f30601', region: 'us-east-1', name: 'nat-prod-a', createdDaysAgo: 500, gbPerDay: 42 },
  { id: 'nat-0a1e5c7d2b9f30602', region: 'us-east-1', name: 'nat-staging', createdDaysAgo: 320, gbPerDay: 0.002 },
  { id: 'nat-0b2f6d8e3c0a40601', region: 'eu-west-1', name: 'nat-eu', createdDaysAgo: 400, gbPerDay: 18 },
  { id: 'nat-0c3a7e9f4d1b50601', region: 'ap-southeast-2', name: 'nat-syd', createdDaysAgo: 150, gbPerDay: 0.01 },
];

export const LOAD_BALANCERS: DemoLoadBalancer[] = [
  { name: 'web-prod', id: '5f1d8c2a9e7b3a01', region: 'us-east-1', type: 'application', createdDaysAgo: 400, targets: 2, healthy: 2, requestsPerDay: 1_850_000 },
  { name: 'black-friday-2025', id: '5f1d8c2a9e7b3a02', region: 'us-east-1', type: 'application', createdDaysAgo: 380, targets: 1, healthy: 0, requestsPerDay: 40 },
  { name: 'internal-grpc', id: '5f1d8c2a9e7b3a03', region: 'us-east-1', type: 'network', createdDaysAgo: 250, targets: 2, healthy: 2, requestsPerDay: 90_000 },
  { name: 'eu-web', id: '6a2e9d3b0f8c4b01', region: 'eu-west-1', type: 'application', createdDaysAgo: 200, targets: 2, healthy: 2, requestsPerDay: 640_000 },
  { name: 'eu-legacy-tcp', id: '6a2e9d3b0f8c4b02', region: 'eu-west-1', type: 'network', createdDaysAgo: 900, targets: 1, healthy: 1, requestsPerDay: 12 },
  { name: 'syd-web', id: '7b3f0e4c1a9d5c01', region: 'ap-southeast-2', type: 'application', createdDaysAgo: 150, targets: 1, healthy: 1, requestsPerDay: 95_000 },
];

export const CLASSIC_LOAD_BALANCERS: DemoClassicLoadBalancer[] = [
  { name: 'eu-legacy-classic', region: 'eu-west-1', createdDaysAgo: 1400, instances: ['i-0b2f6d8e3c0a40004'], inService: 0, requestsPerDay: 6 },
];

export const DATABASES: DemoDatabase[] = [
  { id: 'orders-db', region: 'us-east-1', instanceClass: 'db.m5.large', engine: 'postgres', multiAz: true, storage: 200, createdDaysAgo: 700, connections: [24, 96] },
  { id: 'analytics-staging', region: 'us-east-1', instanceClass: 'db.t3.medium', engine: 'mysql', multiAz: false, storage: 100, createdDaysAgo: 260, connections: [0, 0] },
  { id: 'eu-orders-db', region: 'eu-west-1', instanceClass: 'db.r5.large', engine: 'mysql', multiAz: false, storage: 300, createdDaysAgo: 500, connections: [12, 55] },
  { id: 'syd-reporting', region: 'ap-southeast-2', instanceClass: 'db.t3.small', engine: 'postgres', multiAz: false, storage: 50, createdDaysAgo: 120, connections: [0, 0] },
];
