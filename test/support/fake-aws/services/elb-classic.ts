import type { ClassicLoadBalancer } from '../../../../src/aws/ports/index.js';
import { page, pageSize } from '../paging.js';
import { fromSource, type ServiceDefinition } from '../types.js';
import { el, FakeAwsError, list, nodes, queryReply } from '../wire.js';

const ELB_XMLNS = 'http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/';

const members = <T>(name: string, values: readonly T[], render: (v: T) => string) => list(name, values, render, 'member');

function loadBalancerXml(lb: ClassicLoadBalancer, region: string): string {
  return (
    el('LoadBalancerName', lb.name) +
    el('DNSName', lb.dnsName) +
    el('CanonicalHostedZoneNameID', 'Z35SXDOTRQ7X7K') +
    members(
      'ListenerDescriptions',
      [lb],
      () =>
        el('Listener', nodes(el('Protocol', 'HTTP'), el('LoadBalancerPort', 80), el('InstanceProtocol', 'HTTP'), el('InstancePort', 80))) +
        el('PolicyNames', nodes()),
    ) +
    members('AvailabilityZones', [`${region}a`, `${region}b`], (az) => az) +
    el('VPCId', lb.vpcId) +
    members('Instances', lb.instanceIds, (id) => el('InstanceId', id)) +
    el(
      'HealthCheck',
      nodes(el('Target', 'HTTP:80/health'), el('Interval', 30), el('Timeout', 5), el('UnhealthyThreshold', 2), el('HealthyThreshold', 10)),
    ) +
    el('SourceSecurityGroup', nodes(el('OwnerAlias', 'amazon-elb'), el('GroupName', 'amazon-elb-sg'))) +
    el('CreatedTime', lb.createdTime) +
    el('Scheme', lb.scheme)
  );
}

/** Classic Elastic Load Balancing (awsQuery, 2012-06-01): `PageSize`/`Marker` in, `NextMarker` out. */
export const elbClassic: ServiceDefinition = {
  name: 'elb',
  protocol: 'query',
  namespace: ELB_XMLNS,
  handlers: {
    async DescribeLoadBalancers(params, ctx) {
      const all = await fromSource(() => ctx.data.elbClassic(ctx.region).listLoadBalancers());
      const scope = { operation: 'DescribeLoadBalancers', region: ctx.region };
      const { items, next } = page(all, {
        token: params.Marker,
        size: pageSize(params.PageSize, ctx.pageSizes.elb),
        scope,
        invalidTokenCode: 'InvalidParameterValue',
      });
      return queryReply(
        'DescribeLoadBalancers',
        ELB_XMLNS,
        members('LoadBalancerDescriptions', items, (lb) => loadBalancerXml(lb, ctx.region)) + el('NextMarker', next),
      );
    },
    async DescribeInstanceHealth(params, ctx) {
      const name = params.LoadBalancerName;
      if (!name)
        throw new FakeAwsError(
          'ValidationError',
          "1 validation error detected: Value null at 'loadBalancerName' failed to satisfy constraint: Member must not be null",
        );
      const lbs = await fromSource(() => ctx.data.elbClassic(ctx.region).listLoadBalancers());
      const lb = lbs.find((l) => l.name === name);
      const health = lb && (await fromSource(() => ctx.data.elbClassic(ctx.region).instanceHealth(name)));
      if (!lb || !health) throw new FakeAwsError('LoadBalancerNotFound', `There is no ACTIVE Load Balancer named '${name}'`);
      // The first `healthy` registered instances are InService, the rest OutOfService.
      const states = lb.instanceIds.slice(0, health.total).map((id, i) => ({ id, inService: i < health.healthy }));
      return queryReply(
        'DescribeInstanceHealth',
        ELB_XMLNS,
        members('InstanceStates', states, (s) =>
          s.inService
            ? el('Description', 'N/A') + el('InstanceId', s.id) + el('State', 'InService') + el('ReasonCode', 'N/A')
            : el('Description', 'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.') +
              el('InstanceId', s.id) +
              el('State', 'OutOfService') +
              el('ReasonCode', 'Instance'),
        ),
      );
    },
  },
};
