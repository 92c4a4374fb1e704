import { CloudWatchClient, GetMetricDataCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import {
  ComputeOptimizerClient,
  GetEBSVolumeRecommendationsCommand,
  GetEC2InstanceRecommendationsCommand,
  GetIdleRecommendationsCommand,
} from '@aws-sdk/client-compute-optimizer';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultChecksConfig } from '../../../src/analysis/config.js';
import { ANALYSIS_TASK_ID, buildAnalysisGraph } from '../../../src/analysis/graph.js';
import type { AnalysisResult } from '../../../src/records/analysis.js';
import { createAwsAdapters } from '../../../src/aws/adapters.js';
import { executeGraph } from '../../../src/executor/execute.js';
import { memoryCache } from '../../../src/state/cache.js';
import * as fx from '../../fixtures/aws/compute-optimizer.js';
import { serviceError } from '../../fixtures/aws/cost-explorer.js';
import { createMemoryJournal } from '../../support/memory-journal.js';
import { shiftedClock } from '../../support/shifted-clock.js';
import { installCostExplorer } from './support/ce-account.js';

const NOW = new Date('2026-11-25T06:00:00Z');
const INSTANCE = 'i-0c0ffee000000001a';
const mocks = {
  ec2: mockClient(EC2Client),
  cw: mockClient(CloudWatchClient),
  pricing: mockClient(PricingClient),
  ce: mockClient(CostExplorerClient),
  co: mockClient(ComputeOptimizerClient),
};
const regionOf = async (client: unknown) => (client as { config: { region: () => Promise<string> } }).config.region();

/** Peak CPU 11% every day: underutilised (one size smaller would do) but not idle. */
function busyEnoughCloudWatch(input: GetMetricDataCommandInput) {
  const end = input.EndTime!.getTime();
  const stamps = Array.from({ length: 14 }, (_, i) => new Date(end - (14 - i) * 86_400_000));
  return {
    MetricDataResults: input.MetricDataQueries!.map((q) => ({
      Id: q.Id,
      Timestamps: stamps,
      Values: stamps.map(() => (q.MetricStat!.Metric!.MetricName === 'CPUUtilization' ? 11 : 5e9)),
      StatusCode: 'Complete' as const,
    })),
  };
}

/** Compute Optimizer answering per region: `answers[region]` pages, or an error. */
function computeOptimizerIn(answers: Record<string, Error | 'enrolled'>) {
  const reply =
    <T>(pages: T[]) =>
    async (input: { nextToken?: string }, getClient: () => unknown) => {
      const answer = answers[await regionOf(getClient())];
      if (answer instanceof Error) throw answer;
      return pages[input.nextToken ? 1 : 0]!;
    };
  mocks.co.on(GetEC2InstanceRecommendationsCommand).callsFake(reply(fx.ec2Pages));
  mocks.co.on(GetEBSVolumeRecommendationsCommand).callsFake(reply(fx.ebsPages));
  mocks.co.on(GetIdleRecommendationsCommand).callsFake(reply(fx.idlePages));
}

async function analyse(regions: string[]) {
  const checks = defaultChecksConfig();
  for (const [id, c] of Object.entries(checks)) c.enabled = id === 'ec2-underutilised' || id === 'aws-compute-optimizer';
  const adapters = createAwsAdapters({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const journal = createMemoryJournal();
  const tasks = buildAnalysisGraph({ accountId: '123456789012', regions, adapters, cache: memoryCache(), now: NOW, checks });
  const outcome = await executeGraph({ tasks, journal, clock: shiftedClock(NOW.getTime()) });
  const callsIn = async (region: string) => {
    const regions = await Promise.all(mocks.co.calls().map((c) => regionOf(c.thisValue)));
    return regions.filter((r) => r === region).length;
  };
  return { outcome, manifest: journal.manifest, analysis: outcome.results.get(ANALYSIS_TASK_ID) as AnalysisResult, callsIn };
}

describe('compute-optimizer tasks in the analysis', () => {
  beforeEach(() => {
    for (const m of Object.values(mocks)) m.reset();
    installCostExplorer(mocks.ce, {
      lines: [
        { service: 'Amazon Elastic Compute Cloud - Compute', region: 'us-east-1', account: '123456789012', team: 'web', perDay: () => 100 },
      ],
    });
    mocks.ec2.on(DescribeInstancesCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      if ((await regionOf(getClient())) !== 'us-east-1') return { Reservations: [] };
      return {
        Reservations: [
          {
            Instances: [
              {
                InstanceId: INSTANCE,
                InstanceType: 'm5.2xlarge',
                State: { Code: 16, Name: 'running' },
                LaunchTime: new Date('2026-01-01T00:00:00Z'),
              },
            ],
          },
        ],
      };
    });
    mocks.cw.on(GetMetricDataCommand).callsFake(busyEnoughCloudWatch);
    mocks.pricing
      .on(GetProductsCommand)
      .rejects(serviceError('AccessDeniedException', 'User is not authorized to perform: pricing:GetProducts', 400));
  });
  afterEach(() => {
    for (const m of Object.values(mocks)) m.reset();
  });

  it('a region not enrolled is skipped at once: one request, no retry, no breaker failure, a gap in the report', async () => {
    computeOptimizerIn({
      'us-east-1': 'enrolled',
      'eu-west-1': serviceError('OptInRequiredException', 'The account is not opted in to AWS Compute Optimizer.', 403),
    });
    const { outcome, manifest, analysis, callsIn } = await analyse(['us-east-1', 'eu-west-1']);
    expect(outcome.status).toBe('completed');
    expect(manifest.tasks['compute-optimizer:eu-west-1']).toMatchObject({
      status: 'skipped',
      attempts: 1,
      skipReason: 'Compute Optimizer: not enrolled',
    });
    expect(manifest.tasks['compute-optimizer:us-east-1']).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(await callsIn('eu-west-1')).toBe(1);
    // EC2, EBS and idle listings, two pages each.
    expect(await callsIn('us-east-1')).toBe(6);
    expect(manifest.breakers['aws:compute-optimizer'] ?? { state: 'closed', consecutiveFailures: 0 }).toEqual({
      state: 'closed',
      consecutiveFailures: 0,
    });
    expect(analysis.gaps).toEqual([{ taskId: 'compute-optimizer:eu-west-1', reason: 'Compute Optimizer: not enrolled' }]);
  });

  it('access denied ends the task at once with the permission to grant (the rule every AWS call follows)', async () => {
    computeOptimizerIn({
      'us-east-1': serviceError(
        'AccessDeniedException',
        'User is not authorized to perform: compute-optimizer:GetEC2InstanceRecommendations',
        400,
      ),
    });
    const { outcome, manifest, callsIn } = await analyse(['us-east-1']);
    expect(outcome.status).toBe('completed');
    expect(manifest.tasks['compute-optimizer:us-east-1']).toMatchObject({ status: 'skipped', attempts: 1 });
    expect(manifest.tasks['compute-optimizer:us-east-1']!.skipReason).toMatch(
      /^access denied to compute-optimizer:GetEC2InstanceRecommendations in us-east-1: grant compute-optimizer:GetEC2InstanceRecommendations/,
    );
    expect(await callsIn('us-east-1')).toBe(1);
  });

  it('AWS advice and our own check on one instance are both listed, the instance counted once at the larger saving', async () => {
    computeOptimizerIn({ 'us-east-1': 'enrolled' });
    const { analysis } = await analyse(['us-east-1']);
    const mine = analysis.findings.filter((f) => f.resourceId === INSTANCE);
    // Ours: m5.2xlarge → m5.xlarge at bundled list prices, (0.384 − 0.192) × 730 = $140.16; Compute Optimizer's top option m6i.large, $210.24.
    expect(mine.map((f) => [f.check, f.estimatedMonthlySavings])).toEqual([
      ['aws-compute-optimizer', 210.24],
      ['ec2-underutilised', 140.16],
    ]);
    // 210.24 for the instance, then Compute Optimizer's volume ($10), idle instance ($146) and idle database ($49.64).
    expect(analysis.potentialMonthlySavings).toBe(415.88);
    expect(analysis.findings.filter((f) => f.check === 'aws-compute-optimizer').map((f) => f.resourceId)).toEqual([
      INSTANCE,
      'i-0c0ffee00000000d4',
      'analytics-staging',
      'vol-0c0ffee0000000a1',
    ]);
  });
});
