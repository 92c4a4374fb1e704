import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CostExplorerClient, GetCostAndUsageCommand, GetDimensionValuesCommand } from '@aws-sdk/client-cost-explorer';
import { DescribeInstancesCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeInstanceHealthCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_CREDENTIALS, useFakeAwsEndpoint } from './sdk-env.js';
import { tinyAccount } from './tiny-account.js';
import { startFakeAws, type FakeAws } from './index.js';

const config = { region: 'us-east-1', credentials: STATIC_CREDENTIALS, maxAttempts: 1 };
const jwt = (aud: string, id: string) =>
  ['{"alg":"RS256"}', JSON.stringify({ aud, jti: id }), 'sig'].map((p) => Buffer.from(p).toString('base64url')).join('.');
const GOOD_TOKEN = jwt('sts.amazonaws.com', 'good');

async function failure(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to fail');
}

describe('fake AWS errors, in each protocol', () => {
  let fake: FakeAws;
  let restore: () => void;
  beforeAll(async () => {
    fake = await startFakeAws({ data: tinyAccount(), isIssuedIdToken: (t) => t === GOOD_TOKEN || t === jwt('other-audience', 'good') });
    restore = useFakeAwsEndpoint(fake.endpoint);
  });
  afterEach(() => fake.setFaults({}));
  afterAll(async () => {
    restore?.();
    await fake?.stop();
  });

  it('answers an operation it has no handler for with the protocol error, at once', async () => {
    expect(await failure(new EC2Client(config).send(new DescribeVpcsCommand({})))).toMatchObject({ name: 'InvalidAction', status: 400 });
    expect(
      await failure(
        new CostExplorerClient(config).send(
          new GetDimensionValuesCommand({ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Dimension: 'SERVICE' }),
        ),
      ),
    ).toMatchObject({
      name: 'UnknownOperationException',
    });
    expect(await failure(new CloudWatchClient(config).send(new ListMetricsCommand({})))).toMatchObject({
      name: 'UnknownOperationException',
    });
    expect(fake.requests.at(-1)).toMatchObject({
      service: 'cloudwatch',
      operation: 'ListMetrics',
      status: 400,
      error: 'UnknownOperationException',
    });
  });

  // The SDK names modelled errors by their shape (InvalidIdentityToken on the wire → InvalidIdentityTokenException).
  it('validates requests like the service does', async () => {
    const cw = new CloudWatchClient(config);
    const queries = Array.from({ length: 501 }, (_, i) => ({
      Id: `q${i}`,
      MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' }, Period: 86_400, Stat: 'Maximum' },
    }));
    const tooMany = new GetMetricDataCommand({
      MetricDataQueries: queries,
      StartTime: new Date('2026-11-01'),
      EndTime: new Date('2026-11-02'),
    });
    expect(await failure(cw.send(tooMany))).toMatchObject({ name: 'InvalidParameterValueException', status: 400 });
    const ce = new CostExplorerClient(config);
    const forged = new GetCostAndUsageCommand({
      TimePeriod: { Start: '2026-11-01', End: '2026-11-20' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      NextPageToken: 'bm90LW91cnM',
    });
    expect(await failure(ce.send(forged))).toMatchObject({ name: 'InvalidNextTokenException' });
    const elb = new ElasticLoadBalancingV2Client(config);
    expect(
      await failure(
        elb.send(
          new DescribeTargetHealthCommand({ TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/9' }),
        ),
      ),
    ).toMatchObject({ name: 'TargetGroupNotFoundException' });
    // Classic ELB's LoadBalancerNotFound on the wire is the SDK's AccessPointNotFoundException.
    const classic = new ElasticLoadBalancingClient(config);
    expect(await failure(classic.send(new DescribeInstanceHealthCommand({ LoadBalancerName: 'gone' })))).toMatchObject({
      name: 'AccessPointNotFoundException',
      status: 400,
    });
  });

  it('throttles with each service own error, deterministically for a seed', async () => {
    fake.setFaults({ throttleRate: 1 });
    expect(await failure(new EC2Client(config).send(new DescribeInstancesCommand({})))).toMatchObject({
      name: 'RequestLimitExceeded',
      status: 503,
    });
    expect(
      await failure(
        new CostExplorerClient(config).send(
          new GetCostAndUsageCommand({
            TimePeriod: { Start: '2026-11-01', End: '2026-11-02' },
            Granularity: 'DAILY',
            Metrics: ['UnblendedCost'],
          }),
        ),
      ),
    ).toMatchObject({ name: 'LimitExceededException' });
    const cw = new GetMetricDataCommand({
      MetricDataQueries: [
        { Id: 'q0', MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' }, Period: 86_400, Stat: 'Maximum' } },
      ],
      StartTime: new Date('2026-11-01'),
      EndTime: new Date('2026-11-02'),
    });
    expect(await failure(new CloudWatchClient(config).send(cw))).toMatchObject({ name: 'Throttling', status: 400 });
    expect(fake.requests.slice(-3).map((r) => r.fault)).toEqual(['throttled', 'throttled', 'throttled']);

    const draws = async () => {
      fake.setFaults({ throttleRate: 0.5, seed: 42, throttleServices: ['ec2'] });
      const ec2 = new EC2Client(config);
      const outcomes: boolean[] = [];
      for (let i = 0; i < 12; i++)
        outcomes.push(
          await ec2.send(new DescribeInstancesCommand({})).then(
            () => true,
            () => false,
          ),
        );
      return outcomes;
    };
    const first = await draws();
    expect(first).toContain(true);
    expect(first).toContain(false);
    expect(await draws()).toEqual(first);
  });

  it('takes a service down, and adds latency', async () => {
    fake.setFaults({ downServices: ['ce'], latencyMs: { ec2: 150 } });
    const ce = new CostExplorerClient(config);
    expect(
      await failure(
        ce.send(
          new GetCostAndUsageCommand({
            TimePeriod: { Start: '2026-11-01', End: '2026-11-02' },
            Granularity: 'DAILY',
            Metrics: ['UnblendedCost'],
          }),
        ),
      ),
    ).toMatchObject({
      name: 'ServiceUnavailableException',
      status: 503,
    });
    const started = Date.now();
    await new EC2Client(config).send(new DescribeInstancesCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('STS: web identity only with a token the fake GitHub issued for sts.amazonaws.com; the caller is the role', async () => {
    const sts = new STSClient(config);
    const assume = (token: string) =>
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/finops-reader',
        RoleSessionName: 'finops-1-1',
        WebIdentityToken: token,
      });
    expect(await failure(sts.send(assume(jwt('sts.amazonaws.com', 'forged'))))).toMatchObject({
      name: 'InvalidIdentityTokenException',
      status: 400,
    });
    expect(await failure(sts.send(assume(jwt('other-audience', 'good'))))).toMatchObject({ name: 'InvalidIdentityTokenException' });
    const answer = await sts.send(assume(GOOD_TOKEN));
    expect(answer.Credentials?.AccessKeyId).toBe(fake.issued.at(-1)?.accessKeyId);
    expect(answer.Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now());
    expect(fake.issued.at(-1)).toMatchObject({ roleArn: 'arn:aws:iam::123456789012:role/finops-reader', roleSessionName: 'finops-1-1' });

    const { AccessKeyId, SecretAccessKey, SessionToken } = answer.Credentials!;
    const asRole = new STSClient({
      ...config,
      credentials: { accessKeyId: AccessKeyId!, secretAccessKey: SecretAccessKey!, sessionToken: SessionToken! },
    });
    expect(await asRole.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:sts::123456789012:assumed-role/finops-reader/finops-1-1',
    });
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/finops-e2e',
    });
  });
});
