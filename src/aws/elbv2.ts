import {
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { isoOrNull } from './convert.js';
import { awsCall } from './errors.js';
import { collectPages } from './paginate.js';
import type { ElbPort } from './ports/index.js';

/** Largest page ELBv2 accepts. */
const PAGE_SIZE = 400;

/** Elastic Load Balancing v2 (ALB, NLB, GWLB) of one region behind {@link ElbPort}. */
export function elbAdapter(client: ElasticLoadBalancingV2Client, region: string): ElbPort {
  const call = <T>(op: string, fn: () => Promise<T>) => awsCall(`elasticloadbalancing:${op}`, region, fn);
  return {
    async listLoadBalancers(signal) {
      const lbs = await collectPages('elasticloadbalancing:DescribeLoadBalancers', async (marker) => {
        const out = await call('DescribeLoadBalancers', () =>
          client.send(new DescribeLoadBalancersCommand({ PageSize: PAGE_SIZE, Marker: marker }), { abortSignal: signal }),
        );
        return { items: out.LoadBalancers, next: out.NextMarker };
      });
      return lbs
        .filter((lb) => lb.LoadBalancerArn)
        .map((lb) => ({
          arn: lb.LoadBalancerArn!,
          name: lb.LoadBalancerName ?? lb.LoadBalancerArn!,
          type: lb.Type ?? 'application',
          scheme: lb.Scheme ?? null,
          state: lb.State?.Code ?? null,
          createdTime: isoOrNull(lb.CreatedTime),
          dnsName: lb.DNSName ?? null,
        }));
    },

    async listTargetGroups(signal) {
      const groups = await collectPages('elasticloadbalancing:DescribeTargetGroups', async (marker) => {
        const out = await call('DescribeTargetGroups', () =>
          client.send(new DescribeTargetGroupsCommand({ PageSize: PAGE_SIZE, Marker: marker }), { abortSignal: signal }),
        );
        return { items: out.TargetGroups, next: out.NextMarker };
      });
      return groups
        .filter((g) => g.TargetGroupArn)
        .map((g) => ({
          arn: g.TargetGroupArn!,
          name: g.TargetGroupName ?? g.TargetGroupArn!,
          loadBalancerArns: g.LoadBalancerArns ?? [],
          targetType: g.TargetType ?? null,
        }));
    },

    async targetHealth(targetGroupArn, signal) {
      const out = await call('DescribeTargetHealth', () =>
        client.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }), { abortSignal: signal }),
      );
      const states = (out.TargetHealthDescriptions ?? []).map((d) => d.TargetHealth?.State);
      return { total: states.length, healthy: states.filter((s) => s === 'healthy').length };
    },
  };
}
