import { CloudWatchClient, GetMetricDataCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import {
  ComputeOptimizerClient,
  GetEBSVolumeRecommendationsCommand,
  GetEC2InstanceRecommendationsCommand,
  GetIdleRecommendationsCommand,
} from '@aws-sdk/client-compute-optimizer';
import { CostExplorerClient, GetAnomaliesCommand } from '@aws-sdk/client-cost-explorer';
import {
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultChecksConfig } from '../../../src/analysis/config.js';
import { ANALYSIS_TASK_ID, buildAnalysisGraph } from '../../../src/analysis/graph.js';
import type { MetricsResult } from '../../../src/analysis/metrics/types.js';
import type { AnalysisResult } from '../../../src/records/analysis.js';
import { createAwsAdapters } from '../../../src/aws/adapters.js';
import { memoryCache } from '../../../src/state/cache.js';
import { serviceError } from '../../fixtures/aws/cost-explorer.js';
import { installCostExplorer } from './support/ce-account.js';
import { runGraph } from './support/run-graph.js';
import { byRegion, quietCloudWatch, regionOf, runningInstances } from './support/instances.js';

const NOW = new Date('2026-11-25T06:00:00Z');
const adapters = () => createAwsAdapters({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const mocks = {
  ec2: mockClient(EC2Client),
  cw: mockClient(CloudWatchClient),
  elb: mockClient(ElasticLoadBalancingV2Client),
  elbClassic: mockClient(ElasticLoadBalancingClient),
  rds: mockClient(RDSClient),
  pricing: mockClient(PricingClient),
  ce: mockClient(CostExplorerClient),
  co: mockClient(ComputeOptimizerClient),
};

describe('analysis graph', () => {
  beforeEach(() => {
    for (const m of Object.values(mocks)) m.reset();
    installCostExplorer(mocks.ce, {
      lines: [
        { service: 'Amazon Elastic Compute Cloud - Compute', region: 'us-east-1', account: '123456789012', team: 'web', perDay: () => 100 },
      ],
    });
    mocks.ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    mocks.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
    mocks.ec2.on(DescribeImagesCommand).resolves({ Images: [] });
    mocks.ec2.on(DescribeAddressesCommand).resolves({ Addresses: [] });
    mocks.ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [] });
    mocks.elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [] });
    mocks.elb.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [] });
    mocks.elbClassic.on(DescribeClassicLoadBalancersCommand).resolves({ LoadBalancerDescriptions: [] });
    mocks.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
    mocks.pricing
      .on(GetProductsCommand)
      .rejects(serviceError('AccessDeniedException', 'User is not authorized to perform: pricing:GetProducts', 400));
    mocks.cw.on(GetMetricDataCommand).callsFake(quietCloudWatch);
    mocks.co.on(GetEC2InstanceRecommendationsCommand).resolves({ instanceRecommendations: [] });
    mocks.co.on(GetEBSVolumeRecommendationsCommand).resolves({ volumeRecommendations: [] });
    mocks.co.on(GetIdleRecommendationsCommand).resolves({ idleRecommendations: [] });
  });
  afterEach(() => {
    for (const m of Object.values(mocks)) m.reset();
  });

  it('one task per region and resource family; regions share no task; the analysis waits on everything optionally', () => {
    const tasks = buildAnalysisGraph({
      accountId: '123456789012',
      regions: ['us-east-1', 'eu-west-1'],
      adapters: adapters(),
      cache: memoryCache(),
      now: NOW,
    });
    const ids = tasks.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const region of ['us-east-1', 'eu-west-1']) {
      for (const type of [
        'ec2-inventory',
        'ebs-inventory',
        'snapshot-inventory',
        'eip-inventory',
        'nat-inventory',
        'elb-inventory',
        'rds-inventory',
        'metrics',
        'prices',
        'checks',
        'compute-optimizer',
      ]) {
        expect(ids).toContain(`${type}:${region}`);
      }
    }
    expect(ids).toEqual(
      expect.arrayContaining(['cost-daily', 'cost-months', 'cost-forecast', 'cost-anomalies', 'cost-analysis', 'cost-checks', 'analysis']),
    );
    for (const task of tasks.filter((t) => t.id.endsWith(':us-east-1'))) {
      expect([...(task.dependsOn ?? []), ...(task.optionalDependsOn ?? [])].every((d) => !d.endsWith(':eu-west-1'))).toBe(true);
    }
    const byId = new Map(tasks.map((t) => [t.id, t]));
    expect(byId.get('ec2-inventory:us-east-1')!.breakerKeys).toEqual(['aws:ec2']);
    expect(byId.get('elb-inventory:us-east-1')!.breakerKeys).toEqual(['aws:elbv2']);
    expect(byId.get('metrics:eu-west-1')!.breakerKeys).toEqual(['aws:cloudwatch']);
    expect(byId.get('compute-optimizer:eu-west-1')!.breakerKeys).toEqual(['aws:compute-optimizer']);
    expect(byId.get('metrics:eu-west-1')!.optionalDependsOn).toEqual([
      'ec2-inventory:eu-west-1',
      'nat-inventory:eu-west-1',
      'elb-inventory:eu-west-1',
      'rds-inventory:eu-west-1',
    ]);
    expect(['cost-daily', 'cost-months', 'cost-forecast', 'cost-anomalies'].map((id) => byId.get(id)!.breakerKeys)).toEqual([
      ['aws:ce'],
      ['aws:ce'],
      ['aws:ce'],
      ['aws:ce'],
    ]);
    const analysis = byId.get(ANALYSIS_TASK_ID)!;
    expect(analysis.dependsOn ?? []).toEqual([]);
    expect([...analysis.optionalDependsOn!].sort()).toEqual(ids.filter((id) => id !== ANALYSIS_TASK_ID).sort());
  });

  it('only builds what the enabled checks need', () => {
    const checks = defaultChecksConfig();
    for (const [id, c] of Object.entries(checks)) c.enabled = id === 'ebs-gp2-to-gp3';
    const ids = buildAnalysisGraph({
      accountId: '123456789012',
      regions: ['us-east-1'],
      adapters: adapters(),
      cache: memoryCache(),
      now: NOW,
      checks,
    }).map((t) => t.id);
    expect(ids).toEqual([
      'ebs-inventory:us-east-1',
      'cost-daily',
      'cost-months',
      'cost-forecast',
      'cost-anomalies',
      'cost-analysis',
      'prices:us-east-1',
      'checks:us-east-1',
      'analysis',
    ]);
  });

  it("lists every region's inventories first, load balancers leading, then the later stages region by region", () => {
    const ids = buildAnalysisGraph({
      accountId: '123456789012',
      regions: ['us-east-1', 'eu-west-1'],
      adapters: adapters(),
      cache: memoryCache(),
      now: NOW,
    }).map((t) => t.id);
    expect(ids.slice(0, 2)).toEqual(['elb-inventory:us-east-1', 'elb-inventory:eu-west-1']);
    const lastInventory = Math.max(...ids.map((id, i) => (id.includes('-inventory:') ? i : -1)));
    expect(ids.indexOf('cost-daily')).toBe(lastInventory + 1);
    expect(ids.filter((id) => /^(prices|metrics|checks):/.test(id))).toEqual([
      'prices:us-east-1',
      'prices:eu-west-1',
      'metrics:us-east-1',
      'metrics:eu-west-1',
      'checks:us-east-1',
      'checks:eu-west-1',
    ]);
  });

  it('rejects "all" and malformed regions: resolve them first', () => {
    expect(() =>
      buildAnalysisGraph({ accountId: '123456789012', regions: 'all' as never, adapters: adapters(), cache: memoryCache(), now: NOW }),
    ).toThrow(/resolveRegions/);
    expect(() =>
      buildAnalysisGraph({ accountId: '123456789012', regions: ['us-east'], adapters: adapters(), cache: memoryCache(), now: NOW }),
    ).toThrow('"us-east" is not an AWS region');
  });

  it('CloudWatch requests per region = ⌈metric queries / 500⌉', async () => {
    mocks.ec2
      .on(DescribeInstancesCommand)
      .callsFake(byRegion({ 'us-east-1': runningInstances('us-east-1', 130), 'eu-west-1': runningInstances('eu-west-1', 10) }));
    const run = await runGraph(
      buildAnalysisGraph({
        accountId: '123456789012',
        regions: ['us-east-1', 'eu-west-1'],
        adapters: adapters(),
        cache: memoryCache(),
        now: NOW,
      }),
    );
    const perRegion: Record<string, number> = {};
    for (const call of mocks.cw.commandCalls(GetMetricDataCommand)) {
      const region = await regionOf(call.thisValue);
      perRegion[region] = (perRegion[region] ?? 0) + 1;
    }
    const us = run.results.get('metrics:us-east-1') as MetricsResult;
    const eu = run.results.get('metrics:eu-west-1') as MetricsResult;
    expect([us.queries, eu.queries]).toEqual([520, 40]);
    expect(perRegion).toEqual({ 'us-east-1': Math.ceil(520 / 500), 'eu-west-1': Math.ceil(40 / 500) });
    expect(us.days).toBe(14);
    expect(us.end).toBe('2026-11-25T00:00:00.000Z');
  });

  it('denied and failing parts end as gaps with reasons; the report is still assembled', async () => {
    mocks.ec2.on(DescribeInstancesCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      if ((await regionOf(getClient())) === 'eu-west-1')
        throw serviceError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);
      return { Reservations: [{ Instances: runningInstances('us-east-1', 1, 'm4.xlarge') }] };
    });
    mocks.ce
      .on(GetAnomaliesCommand)
      .rejects(
        serviceError(
          'AccessDeniedException',
          'User: arn:aws:sts::123456789012:assumed-role/finops-reader/gh is not authorized to perform: ce:GetAnomalies',
          400,
        ),
      );
    const run = await runGraph(
      buildAnalysisGraph({
        accountId: '123456789012',
        regions: ['us-east-1', 'eu-west-1'],
        adapters: adapters(),
        cache: memoryCache(),
        now: NOW,
      }),
    );
    expect(run.status.get('ec2-inventory:eu-west-1')).toBe('skipped');
    expect(run.status.get('cost-anomalies')).toBe('skipped');
    expect(run.status.get('checks:eu-west-1')).toBe('succeeded');
    const analysis = run.results.get('analysis') as AnalysisResult;
    expect(analysis.gaps).toEqual([
      { taskId: 'ec2-inventory:eu-west-1', reason: expect.stringMatching(/^access denied to ec2:DescribeInstances in eu-west-1/) },
      { taskId: 'cost-anomalies', reason: expect.stringMatching(/^access denied to ce:GetAnomalies in global: grant ce:GetAnomalies/) },
    ]);
    expect(analysis.checksNotRun.filter((n) => n.region === 'eu-west-1').map((n) => n.check)).toEqual([
      'ec2-idle',
      'ec2-underutilised',
      'ec2-stopped-long',
      'ec2-previous-generation',
    ]);
    expect(analysis.costs?.current.total).toBe(2400);
    expect(analysis.costs?.anomalies).toBeUndefined();
    // The m4.xlarge in us-east-1 is idle ($0.20 × 730 = $146.00), underutilised (→ m4.large, $73.00) and
    // previous generation (→ m6i.xlarge, $5.84): all three listed, the resource counted once at $146.00.
    const mine = analysis.findings.filter((f) => f.resourceId === 'i-useast100000');
    expect(mine.map((f) => [f.check, f.estimatedMonthlySavings])).toEqual([
      ['ec2-idle', 146],
      ['ec2-underutilised', 73],
      ['ec2-previous-generation', 5.84],
    ]);
    expect(analysis.potentialMonthlySavings).toBe(146);
    expect(analysis.usedBundledPrices).toBe(true);
    expect(analysis.priceProblems).toEqual([
      { region: 'us-east-1', reason: expect.stringMatching(/access denied to pricing:GetProducts/) },
    ]);
    expect(mocks.pricing.commandCalls(GetProductsCommand)).toHaveLength(1);
  });
});
