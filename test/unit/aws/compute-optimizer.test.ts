import {
  ComputeOptimizerClient,
  GetEBSVolumeRecommendationsCommand,
  GetEC2InstanceRecommendationsCommand,
  GetIdleRecommendationsCommand,
} from '@aws-sdk/client-compute-optimizer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsAdapters } from '../../../src/aws/adapters.js';
import { computeOptimizerAdapter, resourceIdFromArn } from '../../../src/aws/compute-optimizer-adapter.js';
import { TaskSkippedError } from '../../../src/primitives/errors.js';
import { classifyError } from '../../../src/executor/classify.js';
import * as fx from '../../fixtures/aws/compute-optimizer.js';
import { serviceError } from '../../fixtures/aws/cost-explorer.js';

const co = mockClient(ComputeOptimizerClient);
const port = () =>
  createAwsAdapters({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }).computeOptimizer!('eu-west-1');

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('Compute Optimizer adapter', () => {
  afterEach(() => co.reset());

  it('pages EC2 recommendations by nextToken with the Finding filter, ids from the ARNs, options and both savings kept', async () => {
    co.on(GetEC2InstanceRecommendationsCommand).resolvesOnce(fx.ec2Pages[0]!).resolvesOnce(fx.ec2Pages[1]!);
    const { recommendations, errors } = await port().ec2InstanceRecommendations({ findings: ['Overprovisioned'] });
    const inputs = co.commandCalls(GetEC2InstanceRecommendationsCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      { filters: [{ name: 'Finding', values: ['Overprovisioned'] }] },
      { filters: [{ name: 'Finding', values: ['Overprovisioned'] }], nextToken: 'ec2-page-2' },
    ]);
    expect(recommendations).toHaveLength(2);
    expect(recommendations[0]).toEqual({
      instanceArn: fx.instanceArn('i-0c0ffee000000001a'),
      instanceId: 'i-0c0ffee000000001a',
      instanceName: 'batch-worker',
      currentInstanceType: 'm5.2xlarge',
      finding: 'Overprovisioned',
      findingReasonCodes: ['CPUOverprovisioned', 'MemoryOverprovisioned'],
      lookBackPeriodInDays: 14,
      lastRefreshTimestamp: '2026-11-24T03:12:45.000Z',
      options: [
        {
          instanceType: 'm5.xlarge',
          rank: 2,
          performanceRisk: 1,
          migrationEffort: 'VeryLow',
          listPrice: { currency: 'USD', value: 140.16, percent: 50 },
          afterDiscounts: { currency: 'USD', value: 98.11, percent: 50 },
        },
        {
          instanceType: 'm6i.large',
          rank: 1,
          performanceRisk: 1.5,
          migrationEffort: 'Low',
          listPrice: { currency: 'USD', value: 210.24, percent: 75 },
          afterDiscounts: { currency: 'USD', value: 147.17, percent: 75 },
        },
      ],
    });
    expect(recommendations[1]!.options[0]).toMatchObject({ instanceType: 't4g.micro', migrationEffort: null, afterDiscounts: null });
    expect(errors).toEqual([
      {
        identifier: fx.instanceArn('i-0c0ffee000000003c'),
        code: 'InsufficientData',
        message: 'Not enough CloudWatch data to generate a recommendation.',
      },
    ]);
  });

  it('pages EBS and idle recommendations by nextToken', async () => {
    co.on(GetEBSVolumeRecommendationsCommand).resolvesOnce(fx.ebsPages[0]!).resolvesOnce(fx.ebsPages[1]!);
    co.on(GetIdleRecommendationsCommand).resolvesOnce(fx.idlePages[0]!).resolvesOnce(fx.idlePages[1]!);
    const ebs = await port().ebsVolumeRecommendations({ findings: ['NotOptimized'] });
    const idle = await port().idleRecommendations();
    expect(co.commandCalls(GetEBSVolumeRecommendationsCommand).map((c) => c.args[0].input.nextToken)).toEqual([undefined, 'ebs-page-2']);
    expect(co.commandCalls(GetIdleRecommendationsCommand).map((c) => c.args[0].input)).toEqual([{}, { nextToken: 'idle-page-2' }]);
    expect(ebs.recommendations).toEqual([
      {
        volumeArn: fx.volumeArn('vol-0c0ffee0000000a1'),
        volumeId: 'vol-0c0ffee0000000a1',
        name: 'reporting-data',
        current: { volumeType: 'gp2', sizeGiB: 500, baselineIops: 1500, baselineThroughputMiBps: 250 },
        finding: 'NotOptimized',
        lookBackPeriodInDays: 14,
        lastRefreshTimestamp: '2026-11-24T03:12:45.000Z',
        options: [
          {
            configuration: { volumeType: 'gp3', sizeGiB: 500, baselineIops: 3000, baselineThroughputMiBps: 125 },
            rank: 1,
            performanceRisk: 0,
            listPrice: { currency: 'USD', value: 10, percent: 20 },
            afterDiscounts: { currency: 'USD', value: 10, percent: 20 },
          },
        ],
      },
    ]);
    // The RDS instance is known by its identifier (what rds-idle reports), not Compute Optimizer's DbiResourceId.
    expect(
      idle.recommendations.map((r) => [r.resourceId, r.resourceType, r.name, r.listPrice?.value, r.afterDiscounts?.value ?? null]),
    ).toEqual([
      ['i-0c0ffee00000000d4', 'EC2Instance', 'legacy-reporting', 146, 102.2],
      ['analytics-staging', 'RDSDBInstance', null, 49.64, null],
    ]);
  });

  it('an account that is not opted in is a skip, "Compute Optimizer: not enrolled", after one request', async () => {
    co.on(GetEC2InstanceRecommendationsCommand).rejects(
      serviceError('OptInRequiredException', 'The account is not opted in to AWS Compute Optimizer.', 403),
    );
    const error = await failure(port().ec2InstanceRecommendations({}));
    expect(error).toBeInstanceOf(TaskSkippedError);
    expect(error.message).toBe('Compute Optimizer: not enrolled');
    expect((error.cause as Error).name).toBe('OptInRequiredException');
    expect(classifyError(error)).toBe('skip');
    expect(co.commandCalls(GetEC2InstanceRecommendationsCommand)).toHaveLength(1);
  });

  it('access denied is not retried: it says which permission to grant, as for every AWS call', async () => {
    co.on(GetIdleRecommendationsCommand).rejects(
      serviceError('AccessDeniedException', 'User is not authorized to perform: compute-optimizer:GetIdleRecommendations', 400),
    );
    const error = await failure(port().idleRecommendations());
    expect(classifyError(error)).not.toBe('retryable');
    expect(error.message).toMatch(
      /^access denied to compute-optimizer:GetIdleRecommendations in eu-west-1: grant compute-optimizer:GetIdleRecommendations/,
    );
  });

  it('throttling stays retryable, with what was being done', async () => {
    co.on(GetEBSVolumeRecommendationsCommand).rejects(serviceError('ThrottlingException', 'Rate exceeded', 400));
    const error = await failure(port().ebsVolumeRecommendations({}));
    expect(classifyError(error)).toBe('retryable');
    expect(error.message).toBe('compute-optimizer:GetEBSVolumeRecommendations in eu-west-1: Rate exceeded');
  });

  it('passes the task signal to every call', async () => {
    const options: unknown[] = [];
    const client = { send: async (_c: unknown, o: unknown) => (options.push(o), {}) } as never;
    const signal = new AbortController().signal;
    const adapter = computeOptimizerAdapter(client, 'us-east-1');
    await Promise.all([
      adapter.ec2InstanceRecommendations({}, signal),
      adapter.ebsVolumeRecommendations({}, signal),
      adapter.idleRecommendations(signal),
    ]);
    expect(options).toEqual([{ abortSignal: signal }, { abortSignal: signal }, { abortSignal: signal }]);
  });

  it.each([
    ['arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'i-0abc'],
    ['arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc', 'vol-0abc'],
    ['arn:aws:ec2:eu-west-1:123456789012:natgateway/nat-0abc', 'nat-0abc'],
    ['arn:aws:rds:eu-west-1:123456789012:db:orders-db', 'orders-db'],
    ['arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-0cn', 'i-0cn'],
    ['arn:aws:ecs:us-east-1:123456789012:service/prod/web', null],
  ])('%s names %s', (arn, id) => {
    expect(resourceIdFromArn(arn)).toBe(id);
  });
});
