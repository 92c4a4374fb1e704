import { emptySeries } from '../../../src/aws/cloudwatch-series.js';
import type { AwsAdapters, CostPeriod, CostQuery, DbInstance, EbsSnapshot, MetricSeries, PriceListProduct } from '../../../src/aws/ports/index.js';

/**
 * A tiny hand-made account for the fake's protocol tests only (end-to-end runs serve the
 * demo account): a few records per listing with every port field set, and nulls where
 * the wire can carry their absence, so a misnamed wire element shows as a difference.
 */
const DAY = 86_400_000;
const SERVICES = ['Amazon Elastic Compute Cloud - Compute', 'Amazon Simple Storage Service', 'AWS Lambda'];

function days(start: string, end: string, monthly: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let at = new Date(`${start}T00:00:00Z`); at.toISOString().slice(0, 10) < end; ) {
    const next = monthly ? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)) : new Date(at.getTime() + DAY);
    const stop = next.toISOString().slice(0, 10) < end ? next.toISOString().slice(0, 10) : end;
    out.push([at.toISOString().slice(0, 10), stop]);
    at = next;
  }
  return out;
}

function costs(query: CostQuery): CostPeriod[] {
  return days(query.start, query.end, query.granularity === 'MONTHLY').map(([start, end], index) => {
    const amounts = SERVICES.map((_, s) => Math.round((12.5 + s * 3.25 + index * 0.75) * 100) / 100);
    const keys = (s: number) => query.groupBy.map((g) => (g.type === 'TAG' ? `${g.key}$team-${s}` : g.key === 'SERVICE' ? SERVICES[s]! : 'us-east-1'));
    const period: CostPeriod = { start, end, estimated: end >= '2026-11-20', groups: query.groupBy.length === 0 ? [] : amounts.map((amount, s) => ({ keys: keys(s), amount })) };
    if (query.groupBy.length === 0) period.total = Math.round(amounts.reduce((a, b) => a + b, 0) * 100) / 100;
    return period;
  });
}

const tags = (name: string | null, extra: Record<string, string> = {}) => (name === null ? extra : { Name: name, ...extra });
const PRODUCTS: PriceListProduct[] = ['gp2', 'gp3', 'io1'].map((type, i) => ({
  sku: `SKU${type.toUpperCase()}000${i}`,
  productFamily: i === 2 ? null : 'Storage',
  attributes: { regionCode: 'us-east-1', volumeApiName: type, servicecode: 'AmazonEC2' },
  onDemand: [{ unit: 'GB-Mo', usd: [0.1, 0.08, 0.125][i]!, beginRange: 0, description: i === 1 ? null : `$${[0.1, 0.08, 0.125][i]} per GB-month of ${type}` }],
}));

function metricSeries(start: string, end: string, period: number, seed: number): MetricSeries {
  const series = emptySeries(start, end, period);
  series.values = series.values.map((_, i) => Math.round(((seed * 7 + (i + 1) * 3) % 23) * 100) / 100 + 0.5);
  return series;
}

export function tinyAccount(): AwsAdapters {
  const inRegion = <T>(region: string, items: T[]) => (region === 'us-east-1' ? items : []);
  return {
    regions: { listEnabledRegions: async () => ['eu-west-1', 'us-east-1', 'us-west-2'] },
    costExplorer: {
      getCostAndUsage: async (query) => costs(query),
      getCostForecast: async () => ({ mean: 1234.56, lower: 1100.1, upper: 1390.25 }),
      getAnomalies: async () => [
        { id: 'anom-1', start: '2026-11-10', end: '2026-11-12', dimensionValue: 'AWS Lambda', rootCauses: [{ service: 'AWS Lambda', region: 'us-east-1', linkedAccount: '123456789012', usageType: 'Request' }], totalImpact: 42.5, maxImpact: 30.25, monitorArn: 'arn:aws:ce::123456789012:anomalymonitor/abc' },
        { id: 'anom-2', start: '2026-11-15', end: null, dimensionValue: null, rootCauses: [{ service: 'Amazon Simple Storage Service' }], totalImpact: 12, maxImpact: 12, monitorArn: null },
      ],
    },
    pricing: {
      getProducts: async ({ filters }) => PRODUCTS.filter((p) => Object.entries(filters).every(([k, v]) => p.attributes[k] === v)),
    },
    ec2: (region) => ({
      listInstances: async () =>
        inRegion(region, [
          { instanceId: 'i-0aa0000000000001a', instanceType: 'm5.large', state: 'running', launchTime: '2026-03-02T09:15:00.000Z', stateTransitionReason: null, platformDetails: 'Linux/UNIX', lifecycle: null, tenancy: 'default', name: 'web-1', tags: tags('web-1', { team: 'web' }), volumeIds: ['vol-0aa0000000000001a', 'vol-0aa0000000000001b'] },
          { instanceId: 'i-0aa0000000000002b', instanceType: 't2.medium', state: 'stopped', launchTime: '2025-01-10T12:00:00.000Z', stateTransitionReason: 'User initiated (2026-08-01 10:20:30 GMT)', platformDetails: 'Windows', lifecycle: null, tenancy: 'default', name: null, tags: {}, volumeIds: [] },
          { instanceId: 'i-0aa0000000000003c', instanceType: 'c5.xlarge', state: 'running', launchTime: '2026-11-01T00:00:00.000Z', stateTransitionReason: null, platformDetails: null, lifecycle: 'spot', tenancy: 'dedicated', name: 'batch <&> "x"', tags: tags('batch <&> "x"'), volumeIds: [] },
        ]),
      listVolumes: async () =>
        inRegion(region, [
          { volumeId: 'vol-0aa0000000000001a', volumeType: 'gp2', sizeGiB: 100, iops: 300, throughputMiBps: null, state: 'in-use', createTime: '2026-03-02T09:15:01.000Z', attachments: [{ instanceId: 'i-0aa0000000000001a', state: 'attached', device: '/dev/xvda' }], name: 'root', tags: tags('root') },
          { volumeId: 'vol-0aa0000000000009z', volumeType: 'gp3', sizeGiB: 500, iops: 3000, throughputMiBps: 125, state: 'available', createTime: '2026-06-01T00:00:00.000Z', attachments: [], name: null, tags: { owner: 'data' } },
          { volumeId: 'vol-0aa0000000000008y', volumeType: 'io1', sizeGiB: 50, iops: 1000, throughputMiBps: null, state: 'available', createTime: null, attachments: [], name: 'scratch', tags: tags('scratch') },
        ]),
      listSnapshots: async () =>
        inRegion<EbsSnapshot>(region, [
          { snapshotId: 'snap-01', volumeId: 'vol-0aa0000000000001a', volumeSizeGiB: 100, startTime: '2025-05-05T05:05:05.000Z', state: 'completed', description: 'nightly', storageTier: 'standard', name: 'nightly', tags: tags('nightly') },
          { snapshotId: 'snap-02', volumeId: null, volumeSizeGiB: 8, startTime: '2026-10-01T00:00:00.000Z', state: 'completed', description: null, storageTier: 'archive', name: null, tags: {} },
          { snapshotId: 'snap-03', volumeId: 'vol-0aa0000000000009z', volumeSizeGiB: 500, startTime: '2026-11-20T00:00:00.000Z', state: 'pending', description: 'before resize', storageTier: 'standard', name: null, tags: { ticket: 'OPS-1' } },
        ]),
      listImages: async () => inRegion(region, [{ imageId: 'ami-01', name: 'golden', state: 'available', creationDate: '2025-05-05T06:00:00.000Z', snapshotIds: ['snap-01'] }]),
      listAddresses: async () =>
        inRegion(region, [
          { allocationId: 'eipalloc-01', publicIp: '203.0.113.10', associationId: null, instanceId: null, networkInterfaceId: null, domain: 'vpc', name: 'spare', tags: tags('spare') },
          { allocationId: 'eipalloc-02', publicIp: '203.0.113.11', associationId: 'eipassoc-02', instanceId: 'i-0aa0000000000001a', networkInterfaceId: 'eni-02', domain: 'vpc', name: null, tags: {} },
        ]),
      listNatGateways: async () =>
        inRegion(region, [{ natGatewayId: 'nat-01', state: 'available', createTime: '2026-01-01T00:00:00.000Z', connectivityType: 'public', vpcId: 'vpc-01', subnetId: 'subnet-01', name: 'egress', tags: tags('egress') }]),
    }),
    elb: (region) => ({
      listLoadBalancers: async () =>
        inRegion(region, [
          { arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1', name: 'web', type: 'application', scheme: 'internet-facing', state: 'active', createdTime: '2026-02-02T02:02:02.000Z', dnsName: 'web-1.us-east-1.elb.amazonaws.com' },
          { arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/old/2', name: 'old', type: 'network', scheme: 'internal', state: 'active', createdTime: '2024-02-02T02:02:02.000Z', dnsName: 'old-2.elb.us-east-1.amazonaws.com' },
          { arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/new/3', name: 'new', type: 'application', scheme: 'internal', state: 'provisioning', createdTime: '2026-11-24T02:02:02.000Z', dnsName: 'new-3.elb.us-east-1.amazonaws.com' },
        ]),
      listTargetGroups: async () =>
        inRegion(region, [
          { arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1', name: 'web', loadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1'], targetType: 'instance' },
          { arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/none/2', name: 'none', loadBalancerArns: [], targetType: 'ip' },
        ]),
      targetHealth: async (arn) => (arn.endsWith('/web/1') ? { total: 3, healthy: 2 } : { total: 0, healthy: 0 }),
    }),
    elbClassic: (region) => ({
      listLoadBalancers: async () =>
        inRegion(region, [
          { name: 'legacy-web', scheme: 'internet-facing', createdTime: '2019-03-03T03:03:03.000Z', dnsName: 'legacy-web-1.us-east-1.elb.amazonaws.com', vpcId: 'vpc-01', instanceIds: ['i-0aa0000000000001a', 'i-0aa0000000000002b'] },
          { name: 'legacy-empty', scheme: 'internal', createdTime: null, dnsName: null, vpcId: null, instanceIds: [] },
          { name: 'legacy-api', scheme: 'internet-facing', createdTime: '2020-04-04T04:04:04.000Z', dnsName: 'legacy-api-2.us-east-1.elb.amazonaws.com', vpcId: 'vpc-01', instanceIds: ['i-0aa0000000000001a'] },
        ]),
      instanceHealth: async (name) => ({ 'legacy-web': { total: 2, healthy: 1 }, 'legacy-empty': { total: 0, healthy: 0 }, 'legacy-api': { total: 1, healthy: 1 } })[name] ?? null,
    }),
    rds: (region) => ({
      listDbInstances: async () =>
        inRegion<DbInstance>(region, [
          { dbInstanceId: 'orders', instanceClass: 'db.m5.large', engine: 'postgres', status: 'available', multiAz: true, allocatedStorageGiB: 200, storageType: 'gp3', createTime: '2025-07-07T07:07:07.000Z', clusterId: null, tags: { team: 'orders' } },
          { dbInstanceId: 'analytics-1', instanceClass: 'db.r6g.large', engine: 'aurora-postgresql', status: 'stopped', multiAz: false, allocatedStorageGiB: null, storageType: 'aurora', createTime: null, clusterId: 'analytics', tags: {} },
          { dbInstanceId: 'legacy', instanceClass: 'db.t2.small', engine: 'mysql', status: 'available', multiAz: false, allocatedStorageGiB: 20, storageType: null, createTime: '2020-01-01T00:00:00.000Z', clusterId: null, tags: {} },
        ]),
    }),
    cloudwatch: () => ({
      getMetricData: async ({ queries, start, end }) =>
        Object.fromEntries(queries.map((q, i) => [q.key, q.metricName === 'Missing' ? emptySeries(start, end, q.periodSeconds) : metricSeries(start, end, q.periodSeconds, i)])),
    }),
  };
}
