import {
  DescribeInstanceHealthCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import { isoOrNull } from './convert.js';
import { awsCall } from './errors.js';
import { collectPages } from './paginate.js';
import type { ClassicElbPort } from './ports/index.js';

/** Largest page Classic ELB's DescribeLoadBalancers accepts. */
const PAGE_SIZE = 400;

/** What DescribeInstanceHealth answers for a load balancer that does not exist (the SDK's name, the wire code). */
const NOT_FOUND = new Set(['AccessPointNotFoundException', 'LoadBalancerNotFound']);

/** Classic Load Balancers (Elastic Load Balancing 2012-06-01) of one region behind {@link ClassicElbPort}. */
export function classicElbAdapter(client: ElasticLoadBalancingClient, region: string): ClassicElbPort {
  const call = <T>(op: string, fn: () => Promise<T>) => awsCall(`elasticloadbalancing:${op}`, region, fn);
  return {
    async listLoadBalancers(signal) {
      const lbs = await collectPages('elasticloadbalancing:DescribeLoadBalancers', async (marker) => {
        const out = await call('DescribeLoadBalancers', () =>
          client.send(new DescribeLoadBalancersCommand({ PageSize: PAGE_SIZE, Marker: marker }), { abortSignal: signal }),
        );
        return { items: out.LoadBalancerDescriptions, next: out.NextMarker };
      });
      return lbs
        .filter((lb) => lb.LoadBalancerName)
        .map((lb) => ({
          name: lb.LoadBalancerName!,
          scheme: lb.Scheme ?? null,
          createdTime: isoOrNull(lb.CreatedTime),
          dnsName: lb.DNSName ?? null,
          vpcId: lb.VPCId ?? null,
          instanceIds: (lb.Instances ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : [])),
        }));
    },

    async instanceHealth(name, signal) {
      try {
        const out = await call('DescribeInstanceHealth', () =>
          client.send(new DescribeInstanceHealthCommand({ LoadBalancerName: name }), { abortSignal: signal }),
        );
        const states = (out.InstanceStates ?? []).map((s) => s.State);
        return { total: states.length, healthy: states.filter((s) => s === 'InService').length };
      } catch (error) {
        if (NOT_FOUND.has((error as { name?: string } | null)?.name ?? '')) return null;
        throw error;
      }
    },
  };
}
