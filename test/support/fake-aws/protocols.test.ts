import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsAdapters } from '../../../src/aws/adapters.js';
import type { AwsAdapters, CostQuery } from '../../../src/aws/ports/index.js';
import { describeCall, replay, type PortCall } from './recording.js';
import { STATIC_CREDENTIALS, useFakeAwsEndpoint } from './sdk-env.js';
import { tinyComputeOptimizer } from './tiny-advice.js';
import { tinyAccount } from './tiny-account.js';
import { startFakeAws, type FakeAws } from './index.js';

const q = (query: Partial<CostQuery>): CostQuery => ({
  start: '2026-10-20',
  end: '2026-11-25',
  granularity: 'DAILY',
  metric: 'UnblendedCost',
  groupBy: [],
  ...query,
});
const metric = (key: string, metricName: string, stat = 'Maximum') => ({
  key,
  namespace: 'AWS/EC2',
  metricName,
  stat,
  periodSeconds: 86_400,
  dimensions: [{ name: 'InstanceId', value: key }],
});

/** Every port method, with the variants whose wire shapes differ (grouped or not, two keys, tags, empty regions). */
const CALLS: PortCall[] = [
  { path: ['regions', 'listEnabledRegions'], args: [] },
  { path: ['costExplorer', 'getCostAndUsage'], args: [q({})] },
  { path: ['costExplorer', 'getCostAndUsage'], args: [q({ groupBy: [{ type: 'DIMENSION', key: 'SERVICE' }] })] },
  {
    path: ['costExplorer', 'getCostAndUsage'],
    args: [
      q({
        granularity: 'MONTHLY',
        start: '2026-08-01',
        end: '2026-11-01',
        metric: 'AmortizedCost',
        groupBy: [
          { type: 'DIMENSION', key: 'SERVICE' },
          { type: 'DIMENSION', key: 'REGION' },
        ],
      }),
    ],
  },
  {
    path: ['costExplorer', 'getCostAndUsage'],
    args: [q({ granularity: 'MONTHLY', start: '2026-10-01', end: '2026-11-01', groupBy: [{ type: 'TAG', key: 'team' }] })],
  },
  { path: ['costExplorer', 'getCostForecast'], args: [{ start: '2026-11-25', end: '2026-12-01', metric: 'UnblendedCost' }] },
  { path: ['costExplorer', 'getAnomalies'], args: [{ start: '2026-10-26', end: '2026-11-25' }] },
  { path: ['pricing', 'getProducts'], args: [{ serviceCode: 'AmazonEC2', filters: { regionCode: 'us-east-1' } }] },
  { path: ['pricing', 'getProducts'], args: [{ serviceCode: 'AmazonEC2', filters: { regionCode: 'us-east-1', volumeApiName: 'gp3' } }] },
  ...['us-east-1', 'eu-west-1'].flatMap((region) => [
    ...['listInstances', 'listVolumes', 'listSnapshots', 'listImages', 'listAddresses', 'listNatGateways'].map((m) => ({
      path: ['ec2', region, m],
      args: [],
    })),
    { path: ['elb', region, 'listLoadBalancers'], args: [] },
    { path: ['elb', region, 'listTargetGroups'], args: [] },
    { path: ['elbClassic', region, 'listLoadBalancers'], args: [] },
    { path: ['rds', region, 'listDbInstances'], args: [] },
  ]),
  { path: ['elb', 'us-east-1', 'targetHealth'], args: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1'] },
  { path: ['elb', 'us-east-1', 'targetHealth'], args: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/none/2'] },
  ...['legacy-web', 'legacy-empty', 'gone'].map((name) => ({ path: ['elbClassic', 'us-east-1', 'instanceHealth'], args: [name] })),
  { path: ['computeOptimizer', 'us-east-1', 'ec2InstanceRecommendations'], args: [{ findings: ['Overprovisioned'] }] },
  { path: ['computeOptimizer', 'us-east-1', 'ec2InstanceRecommendations'], args: [{}] },
  { path: ['computeOptimizer', 'us-east-1', 'ebsVolumeRecommendations'], args: [{ findings: ['NotOptimized'] }] },
  { path: ['computeOptimizer', 'us-east-1', 'ebsVolumeRecommendations'], args: [{}] },
  { path: ['computeOptimizer', 'us-east-1', 'idleRecommendations'], args: [] },
  {
    path: ['cloudwatch', 'us-east-1', 'getMetricData'],
    args: [
      {
        queries: [metric('i-1', 'CPUUtilization'), metric('i-2', 'NetworkIn', 'Sum'), metric('i-3', 'Missing')],
        start: '2026-11-11T00:00:00.000Z',
        end: '2026-11-25T00:00:00.000Z',
      },
    ],
  },
];

describe('fake AWS speaks each protocol to the real SDK clients', () => {
  let fake: FakeAws;
  let restore: () => void;
  let real: AwsAdapters;
  const source: AwsAdapters = { ...tinyAccount(), computeOptimizer: tinyComputeOptimizer };

  beforeAll(async () => {
    fake = await startFakeAws({
      data: source,
      // The day the calls above are written for (the forecast starts on it).
      now: () => Date.parse('2026-11-25T06:00:00Z'),
      pageSizes: { ec2: 2, elb: 2, elbv2: 2, rds: 2, costGroups: 7, anomalies: 1, pricing: 2, metricPoints: 4, computeOptimizer: 1 },
    });
    restore = useFakeAwsEndpoint(fake.endpoint);
    real = createAwsAdapters({ region: 'us-east-1', credentials: STATIC_CREDENTIALS });
  });
  afterAll(async () => {
    restore?.();
    await fake?.stop();
  });

  it.each(CALLS.map((call) => [describeCall(call), call] as const))('%s', async (_label, call) => {
    const viaWire = await replay(real, call);
    const direct = await replay(source, call);
    expect(viaWire).toEqual(direct);
  });

  it('really paginated: more requests than port calls for every paginated listing', () => {
    // [service, operation, port calls above that reach it]
    for (const [service, operation, calls] of [
      ['ec2', 'DescribeInstances', 2],
      ['ec2', 'DescribeVolumes', 2],
      ['ec2', 'DescribeSnapshots', 2],
      ['elbv2', 'DescribeLoadBalancers', 2],
      ['elb', 'DescribeLoadBalancers', 2],
      ['rds', 'DescribeDBInstances', 2],
      ['ce', 'GetCostAndUsage', 4],
      ['ce', 'GetAnomalies', 1],
      ['pricing', 'GetProducts', 2],
      ['cloudwatch', 'GetMetricData', 1],
      ['compute-optimizer', 'GetEC2InstanceRecommendations', 2],
      ['compute-optimizer', 'GetEBSVolumeRecommendations', 2],
      ['compute-optimizer', 'GetIdleRecommendations', 1],
    ] as const) {
      expect(fake.count(service, operation), `${service}:${operation}`).toBeGreaterThan(calls);
    }
    const regions = new Set(fake.requests.filter((r) => r.service === 'ec2' && r.operation === 'DescribeVolumes').map((r) => r.region));
    expect(regions).toEqual(new Set(['us-east-1', 'eu-west-1']));
    // The one error asked for: DescribeInstanceHealth of a missing Classic LB (the port answers null).
    expect(fake.requests.filter((r) => r.status !== 200).map((r) => `${r.service}:${r.operation}:${r.status}:${r.error}`)).toEqual([
      'elb:DescribeInstanceHealth:400:LoadBalancerNotFound',
    ]);
    expect(new Set(fake.requests.map((r) => r.accessKeyId))).toEqual(new Set([STATIC_CREDENTIALS.accessKeyId]));
  });

  it('Compute Optimizer in a region not opted in: OptInRequiredException (403) on the wire, "not enrolled" skip from the adapter', async () => {
    const before = fake.requests.length;
    await expect(real.computeOptimizer!('eu-west-1').ec2InstanceRecommendations({})).rejects.toMatchObject({
      name: 'TaskSkippedError',
      message: 'Compute Optimizer: not enrolled',
    });
    await expect(source.computeOptimizer!('eu-west-1').ec2InstanceRecommendations({})).rejects.toMatchObject({
      name: 'TaskSkippedError',
      message: 'Compute Optimizer: not enrolled',
    });
    expect(fake.requests.slice(before)).toEqual([
      {
        service: 'compute-optimizer',
        operation: 'GetEC2InstanceRecommendations',
        region: 'eu-west-1',
        accessKeyId: STATIC_CREDENTIALS.accessKeyId,
        status: 403,
        error: 'OptInRequiredException',
      },
    ]);
  });
});
