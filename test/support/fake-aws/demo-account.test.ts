import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_TASK_ID, buildAnalysisGraph } from '../../../src/analysis/graph.js';
import type { AnalysisResult } from '../../../src/records/analysis.js';
import { createAwsAdapters } from '../../../src/aws/adapters.js';
import type { AwsAdapters } from '../../../src/aws/ports/index.js';
import { createDemoAdapters, DEMO_ACCOUNT_ID, DEMO_NOW, DEMO_REGIONS } from '../../../src/demo/index.js';
import { executeGraph } from '../../../src/executor/execute.js';
import { memoryCache } from '../../../src/state/cache.js';
import { createMemoryJournal } from '../memory-journal.js';
import { shiftedClock } from '../shifted-clock.js';
import { describeCall, recordCalls, replay, type PortCall } from './recording.js';
import { STATIC_CREDENTIALS, useFakeAwsEndpoint } from './sdk-env.js';
import { startFakeAws, type FakeAws } from './index.js';

/** The whole analysis of the demo account, as the action runs it, through the given adapters. */
async function analyse(adapters: AwsAdapters): Promise<AnalysisResult> {
  const tasks = buildAnalysisGraph({
    accountId: DEMO_ACCOUNT_ID,
    regions: [...DEMO_REGIONS],
    adapters,
    cache: memoryCache(),
    now: DEMO_NOW,
  });
  const outcome = await executeGraph({
    tasks,
    journal: createMemoryJournal(),
    maxConcurrentTasks: 4,
    clock: shiftedClock(DEMO_NOW.getTime()),
  });
  expect(outcome.status).toBe('completed');
  return outcome.results.get(ANALYSIS_TASK_ID) as AnalysisResult;
}

/**
 * The fake serves the demo account: every port call the analysis makes, sent through the
 * real SDK clients and the wire, returns exactly what the demo adapters return directly, and
 * the analysis built on either is the same.
 */
describe('fake AWS serving the demo account', () => {
  const demo = createDemoAdapters({ now: DEMO_NOW });
  let fake: FakeAws;
  let restore: () => void;
  let calls: PortCall[];
  let viaWire: AnalysisResult;

  beforeAll(async () => {
    // The analysis runs on the demo's day: so does the fake's Cost Explorer.
    fake = await startFakeAws({ data: demo, now: shiftedClock(DEMO_NOW.getTime()).now });
    restore = useFakeAwsEndpoint(fake.endpoint);
    const recorded = recordCalls(createAwsAdapters({ region: 'us-east-1', credentials: STATIC_CREDENTIALS }));
    viaWire = await analyse(recorded.adapters);
    calls = recorded.calls;
  });
  afterAll(async () => {
    restore?.();
    await fake?.stop();
  });

  it('every port method the analysis uses was called, in every demo region', () => {
    const methods = new Set(calls.map((c) => `${c.path[0]}.${c.path.at(-1)}`));
    for (const method of [
      'costExplorer.getCostAndUsage',
      'costExplorer.getCostForecast',
      'costExplorer.getAnomalies',
      'pricing.getProducts',
      'ec2.listInstances',
      'ec2.listVolumes',
      'ec2.listSnapshots',
      'ec2.listImages',
      'ec2.listAddresses',
      'ec2.listNatGateways',
      'elb.listLoadBalancers',
      'elb.listTargetGroups',
      'elb.targetHealth',
      'rds.listDbInstances',
      'cloudwatch.getMetricData',
      'computeOptimizer.ec2InstanceRecommendations',
      'computeOptimizer.ebsVolumeRecommendations',
      'computeOptimizer.idleRecommendations',
    ]) {
      expect(methods, method).toContain(method);
    }
    expect(new Set(calls.filter((c) => c.path[0] === 'ec2').map((c) => c.path[1]))).toEqual(new Set(DEMO_REGIONS));
    // The one refusal: eu-west-1 is not enrolled in Compute Optimizer, which its first request learns.
    expect(fake.requests.filter((r) => r.status !== 200)).toEqual([
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

  it('each call returns through the wire what the demo returns directly', async () => {
    for (const call of calls) {
      if (call.error) await expect(replay(demo, call), describeCall(call)).rejects.toMatchObject(call.error);
      else expect(call.result, describeCall(call)).toEqual(await replay(demo, call));
    }
  });

  it('the analysis (costs, findings, savings) is the same as on the demo adapters', async () => {
    const direct = await analyse(demo);
    expect(viaWire.findings.length).toBeGreaterThan(5);
    expect(viaWire).toEqual(direct);
  });
});
