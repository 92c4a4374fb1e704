import {
  DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { INVENTORY_FAMILIES } from '../../../src/analysis/tasks/inventory.js';
import { createAwsAdapters } from '../../../src/aws/adapters.js';
import * as fx from '../../fixtures/aws/elb-rds.js';

const elb = mockClient(ElasticLoadBalancingV2Client);
const classic = mockClient(ElasticLoadBalancingClient);
const rds = mockClient(RDSClient);
const adapters = createAwsAdapters({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

describe('ELBv2 and RDS adapters', () => {
  afterEach(() => {
    elb.reset();
    classic.reset();
    rds.reset();
  });

  it('pages load balancers and target groups by Marker, and sums target health per load balancer', async () => {
    elb.on(DescribeLoadBalancersCommand).resolvesOnce(fx.loadBalancerPages[0]!).resolvesOnce(fx.loadBalancerPages[1]!);
    elb.on(DescribeTargetGroupsCommand).resolvesOnce(fx.targetGroupPages[0]!).resolvesOnce(fx.targetGroupPages[1]!);
    elb.on(DescribeTargetHealthCommand).callsFake((input: { TargetGroupArn: string }) => fx.targetHealth[input.TargetGroupArn]);
    classic.on(DescribeClassicLoadBalancersCommand).resolves({ LoadBalancerDescriptions: [] });
    const family = INVENTORY_FAMILIES.find((f) => f.type === 'elb-inventory')!;
    const { loadBalancers } = await family.fetch(adapters, 'us-east-1', new AbortController().signal, '123456789012');
    expect(elb.commandCalls(DescribeLoadBalancersCommand).map((c) => c.args[0].input.Marker)).toEqual([undefined, 'lb-marker-2']);
    expect(elb.commandCalls(DescribeTargetGroupsCommand).map((c) => c.args[0].input.Marker)).toEqual([undefined, 'tg-2']);
    // The orphan target group (no load balancer) is not asked about.
    expect(
      elb
        .commandCalls(DescribeTargetHealthCommand)
        .map((c) => c.args[0].input.TargetGroupArn)
        .sort(),
    ).toEqual([fx.TG_TCP, fx.TG_WEB].sort());
    expect(loadBalancers).toEqual([
      {
        arn: fx.ALB_ARN,
        name: 'web',
        type: 'application',
        scheme: 'internet-facing',
        state: 'active',
        createdTime: '2025-02-01T00:00:00.000Z',
        dnsName: 'web-1.us-east-1.elb.amazonaws.com',
        targetGroups: 1,
        targets: 2,
        healthyTargets: 1,
      },
      {
        arn: fx.NLB_ARN,
        name: 'tcp',
        type: 'network',
        scheme: null,
        state: 'active',
        createdTime: null,
        dnsName: null,
        targetGroups: 1,
        targets: 0,
        healthyTargets: 0,
      },
    ]);
  });

  it('pages DB instances by Marker', async () => {
    rds.on(DescribeDBInstancesCommand).resolvesOnce(fx.dbInstancePages[0]!).resolvesOnce(fx.dbInstancePages[1]!);
    const dbs = await adapters.rds('us-east-1').listDbInstances();
    expect(rds.commandCalls(DescribeDBInstancesCommand).map((c) => c.args[0].input.Marker)).toEqual([undefined, 'db-marker-2']);
    expect(dbs[0]).toEqual({
      dbInstanceId: 'orders-db',
      instanceClass: 'db.m5.large',
      engine: 'postgres',
      status: 'available',
      multiAz: false,
      allocatedStorageGiB: 100,
      storageType: 'gp3',
      createTime: '2025-04-01T00:00:00.000Z',
      clusterId: null,
      tags: { team: 'data' },
    });
    expect(dbs[1]).toMatchObject({ dbInstanceId: 'aurora-1', clusterId: 'aurora', multiAz: false, createTime: null });
  });
});
