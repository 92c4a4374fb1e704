import {
  AccessPointNotFoundException,
  DescribeInstanceHealthCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeLoadBalancersCommand as DescribeV2LoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { classicLoadBalancerArn, INVENTORY_FAMILIES } from '../../../src/analysis/tasks/inventory.js';
import { createAwsAdapters } from '../../../src/aws/adapters.js';
import * as fx from '../../fixtures/aws/elb-classic.js';

const classic = mockClient(ElasticLoadBalancingClient);
const v2 = mockClient(ElasticLoadBalancingV2Client);
const adapters = createAwsAdapters({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const notFound = (name: string) =>
  new AccessPointNotFoundException({ message: `There is no ACTIVE Load Balancer named '${name}'`, $metadata: {} });

describe('Classic ELB adapter', () => {
  afterEach(() => {
    classic.reset();
    v2.reset();
  });

  it('pages DescribeLoadBalancers by Marker/NextMarker at 400 a page, passing the abort signal', async () => {
    classic.on(DescribeLoadBalancersCommand).resolvesOnce(fx.classicPages[0]!).resolvesOnce(fx.classicPages[1]!);
    const signal = new AbortController().signal;
    const lbs = await adapters.elbClassic('us-east-1').listLoadBalancers(signal);
    const calls = classic.commandCalls(DescribeLoadBalancersCommand);
    expect(calls.map((c) => c.args[0].input)).toEqual([{ PageSize: 400 }, { PageSize: 400, Marker: 'bGVnYWN5LXdlYg==' }]);
    expect(calls.every((c) => ((c.args as unknown[])[1] as { abortSignal?: AbortSignal } | undefined)?.abortSignal === signal)).toBe(true);
    expect(lbs).toEqual([
      {
        name: 'legacy-web',
        scheme: 'internet-facing',
        createdTime: '2019-03-03T03:03:03.280Z',
        dnsName: 'legacy-web-1234567890.us-east-1.elb.amazonaws.com',
        vpcId: 'vpc-0a1b2c3d',
        instanceIds: ['i-0aa0000000000001a', 'i-0aa0000000000002b'],
      },
      { name: 'legacy-empty', scheme: 'internal', createdTime: '2020-04-04T04:04:04.000Z', dnsName: null, vpcId: null, instanceIds: [] },
      { name: 'legacy-gone', scheme: null, createdTime: null, dnsName: null, vpcId: null, instanceIds: ['i-0aa0000000000003c'] },
    ]);
  });

  it('counts InService instances as healthy; a load balancer deleted meanwhile is null', async () => {
    classic.on(DescribeInstanceHealthCommand, { LoadBalancerName: 'legacy-web' }).resolves(fx.instanceHealth['legacy-web']!);
    classic.on(DescribeInstanceHealthCommand, { LoadBalancerName: 'legacy-gone' }).rejects(notFound('legacy-gone'));
    const port = adapters.elbClassic('us-east-1');
    expect(await port.instanceHealth('legacy-web')).toEqual({ total: 2, healthy: 1 });
    expect(await port.instanceHealth('legacy-gone')).toBeNull();
  });

  it('maps access denied to a skip naming the permission', async () => {
    classic
      .on(DescribeLoadBalancersCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    await expect(adapters.elbClassic('eu-west-1').listLoadBalancers()).rejects.toMatchObject({
      name: 'TaskSkippedError',
      message: expect.stringContaining('elasticloadbalancing:DescribeLoadBalancers in eu-west-1'),
    });
  });

  it('the load-balancer inventory lists Classic ones beside ELBv2 as type classic, asking health only of those with instances', async () => {
    v2.on(DescribeV2LoadBalancersCommand).resolves({ LoadBalancers: [] });
    classic.on(DescribeLoadBalancersCommand).resolvesOnce(fx.classicPages[0]!).resolvesOnce(fx.classicPages[1]!);
    classic.on(DescribeInstanceHealthCommand, { LoadBalancerName: 'legacy-web' }).resolves(fx.instanceHealth['legacy-web']!);
    classic.on(DescribeInstanceHealthCommand, { LoadBalancerName: 'legacy-gone' }).rejects(notFound('legacy-gone'));
    const family = INVENTORY_FAMILIES.find((f) => f.type === 'elb-inventory')!;
    const { loadBalancers } = await family.fetch(adapters, 'us-east-1', new AbortController().signal, '123456789012');
    expect(
      classic
        .commandCalls(DescribeInstanceHealthCommand)
        .map((c) => c.args[0].input.LoadBalancerName)
        .sort(),
    ).toEqual(['legacy-gone', 'legacy-web']);
    expect(loadBalancers).toEqual([
      {
        arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/legacy-web',
        name: 'legacy-web',
        type: 'classic',
        scheme: 'internet-facing',
        state: null,
        createdTime: '2019-03-03T03:03:03.280Z',
        dnsName: 'legacy-web-1234567890.us-east-1.elb.amazonaws.com',
        targetGroups: 0,
        targets: 2,
        healthyTargets: 1,
      },
      {
        arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/legacy-empty',
        name: 'legacy-empty',
        type: 'classic',
        scheme: 'internal',
        state: null,
        createdTime: '2020-04-04T04:04:04.000Z',
        dnsName: null,
        targetGroups: 0,
        targets: 0,
        healthyTargets: 0,
      },
    ]);
  });

  it('a role without DescribeInstanceHealth still gets its inventory: instances then count as healthy', async () => {
    v2.on(DescribeV2LoadBalancersCommand).resolves({ LoadBalancers: [] });
    classic.on(DescribeLoadBalancersCommand).resolvesOnce(fx.classicPages[0]!).resolvesOnce(fx.classicPages[1]!);
    classic.on(DescribeInstanceHealthCommand).rejects(
      Object.assign(new Error('not authorized to perform: elasticloadbalancing:DescribeInstanceHealth'), {
        name: 'AccessDenied',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const family = INVENTORY_FAMILIES.find((f) => f.type === 'elb-inventory')!;
    const { loadBalancers } = await family.fetch(adapters, 'us-east-1', new AbortController().signal, '123456789012');
    expect(loadBalancers!.map((lb) => [lb.name, lb.targets, lb.healthyTargets])).toEqual([
      ['legacy-web', 2, 2],
      ['legacy-empty', 0, 0],
      ['legacy-gone', 1, 1],
    ]);
  });

  it('names Classic load balancers by their documented ARN, in every partition', () => {
    expect(classicLoadBalancerArn('cn-north-1', '123456789012', 'web')).toBe(
      'arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:loadbalancer/web',
    );
    expect(classicLoadBalancerArn('us-gov-west-1', '123456789012', 'web')).toBe(
      'arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:123456789012:loadbalancer/web',
    );
  });
});
