import type { DbInstance, LoadBalancer, TargetGroup } from '../../../../src/aws/ports/index.js';
import { page, pageSize } from '../paging.js';
import { fromSource, type HandlerContext, type QueryHandler, type ServiceDefinition } from '../types.js';
import { el, FakeAwsError, list, nodes, queryReply, tagItems } from '../wire.js';

const ELB_XMLNS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';
const RDS_XMLNS = 'http://rds.amazonaws.com/doc/2014-10-31/';

const members = <T>(name: string, values: readonly T[], render: (v: T) => string) => list(name, values, render, 'member');

/** A Marker-paginated query listing (ELBv2's `PageSize`/`NextMarker`, RDS's `MaxRecords`/`Marker`). */
function markerPaged<T>(options: {
  operation: string;
  xmlns: string;
  sizeParam: string;
  nextElement: string;
  cap: (ctx: HandlerContext) => number;
  listAll: (ctx: HandlerContext) => Promise<T[]>;
  render: (all: T[]) => string;
}): QueryHandler {
  return async (params, ctx) => {
    const all = await fromSource(() => options.listAll(ctx));
    const scope = { operation: options.operation, region: ctx.region };
    const { items, next } = page(all, {
      token: params.Marker,
      size: pageSize(params[options.sizeParam], options.cap(ctx)),
      scope,
      invalidTokenCode: 'InvalidParameterValue',
    });
    return queryReply(options.operation, options.xmlns, options.render(items) + el(options.nextElement, next));
  };
}

function loadBalancerXml(lb: LoadBalancer): string {
  return (
    el('LoadBalancerArn', lb.arn) +
    el('DNSName', lb.dnsName) +
    el('CanonicalHostedZoneId', 'Z35SXDOTRQ7X7K') +
    el('CreatedTime', lb.createdTime) +
    el('LoadBalancerName', lb.name) +
    el('Scheme', lb.scheme) +
    el('VpcId', 'vpc-0fake0000000000001') +
    el('State', lb.state === null ? null : nodes(el('Code', lb.state))) +
    el('Type', lb.type) +
    el('IpAddressType', 'ipv4')
  );
}

function targetGroupXml(group: TargetGroup): string {
  return (
    el('TargetGroupArn', group.arn) +
    el('TargetGroupName', group.name) +
    el('Protocol', 'HTTP') +
    el('Port', 80) +
    members('LoadBalancerArns', group.loadBalancerArns, (arn) => arn) +
    el('TargetType', group.targetType)
  );
}

function dbInstanceXml(db: DbInstance): string {
  return (
    el('DBInstanceIdentifier', db.dbInstanceId) +
    el('DBInstanceClass', db.instanceClass) +
    el('Engine', db.engine) +
    el('DBInstanceStatus', db.status) +
    el('AllocatedStorage', db.allocatedStorageGiB) +
    el('InstanceCreateTime', db.createTime) +
    el('MultiAZ', db.multiAz) +
    el('StorageType', db.storageType) +
    el('DBClusterIdentifier', db.clusterId) +
    list('TagList', tagItems(db.tags), (x) => x, 'Tag')
  );
}

/** Elastic Load Balancing v2 (awsQuery, 2015-12-01). */
export const elbv2: ServiceDefinition = {
  name: 'elbv2',
  protocol: 'query',
  namespace: ELB_XMLNS,
  handlers: {
    DescribeLoadBalancers: markerPaged({
      operation: 'DescribeLoadBalancers',
      xmlns: ELB_XMLNS,
      sizeParam: 'PageSize',
      nextElement: 'NextMarker',
      cap: (ctx) => ctx.pageSizes.elbv2,
      listAll: (ctx) => ctx.data.elb(ctx.region).listLoadBalancers(),
      render: (lbs) => members('LoadBalancers', lbs, loadBalancerXml),
    }),
    DescribeTargetGroups: markerPaged({
      operation: 'DescribeTargetGroups',
      xmlns: ELB_XMLNS,
      sizeParam: 'PageSize',
      nextElement: 'NextMarker',
      cap: (ctx) => ctx.pageSizes.elbv2,
      listAll: (ctx) => ctx.data.elb(ctx.region).listTargetGroups(),
      render: (groups) => members('TargetGroups', groups, targetGroupXml),
    }),
    async DescribeTargetHealth(params, ctx) {
      const arn = params.TargetGroupArn;
      if (!arn)
        throw new FakeAwsError(
          'ValidationError',
          "1 validation error detected: Value null at 'targetGroupArn' failed to satisfy constraint: Member must not be null",
        );
      const groups = await fromSource(() => ctx.data.elb(ctx.region).listTargetGroups());
      if (!groups.some((g) => g.arn === arn)) throw new FakeAwsError('TargetGroupNotFound', `Target groups '${arn}' not found`);
      const health = await fromSource(() => ctx.data.elb(ctx.region).targetHealth(arn));
      const targets = Array.from({ length: health.total }, (_, i) => ({
        id: `i-0fa4e${String(i).padStart(12, '0')}`,
        healthy: i < health.healthy,
      }));
      return queryReply(
        'DescribeTargetHealth',
        ELB_XMLNS,
        members(
          'TargetHealthDescriptions',
          targets,
          (t) =>
            el('Target', nodes(el('Id', t.id), el('Port', 80))) +
            el('HealthCheckPort', '80') +
            el(
              'TargetHealth',
              nodes(
                el('State', t.healthy ? 'healthy' : 'unhealthy'),
                t.healthy ? '' : el('Reason', 'Target.FailedHealthChecks') + el('Description', 'Health checks failed'),
              ),
            ),
        ),
      );
    },
  },
};

/** RDS (awsQuery, 2014-10-31); its lists name their members (`DBInstance`, `Tag`). */
export const rds: ServiceDefinition = {
  name: 'rds',
  protocol: 'query',
  namespace: RDS_XMLNS,
  handlers: {
    DescribeDBInstances: markerPaged({
      operation: 'DescribeDBInstances',
      xmlns: RDS_XMLNS,
      sizeParam: 'MaxRecords',
      nextElement: 'Marker',
      cap: (ctx) => ctx.pageSizes.rds,
      listAll: (ctx) => ctx.data.rds(ctx.region).listDbInstances(),
      render: (dbs) => list('DBInstances', dbs, dbInstanceXml, 'DBInstance'),
    }),
  },
};
