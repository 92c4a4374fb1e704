import type { MetricQuery } from '../../aws/ports/index.js';
import type { RegionInventory } from '../inventory/types.js';
import { seriesKey, type MetricFamily } from './types.js';

const DAY_SECONDS = 86_400;

function query(
  resourceId: string,
  namespace: string,
  metricName: string,
  stat: string,
  dimensions: MetricQuery['dimensions'],
): MetricQuery {
  return { key: seriesKey(resourceId, metricName, stat), namespace, metricName, stat, dimensions, periodSeconds: DAY_SECONDS };
}

/**
 * CloudWatch's `LoadBalancer` dimension: the ARN part after `loadbalancer/`, e.g.
 * `app/web/50dc6c495c0c9188`.
 */
export function loadBalancerDimension(arn: string): string {
  const index = arn.indexOf(':loadbalancer/');
  return index === -1 ? arn : arn.slice(index + ':loadbalancer/'.length);
}

/**
 * The daily metric queries the enabled checks need for a region's inventory: only resources
 * that can be findings (running instances, available gateways and databases).
 */
export function buildMetricQueries(inventory: RegionInventory, families: ReadonlySet<MetricFamily>): MetricQuery[] {
  const queries: MetricQuery[] = [];
  if (families.has('ec2')) {
    for (const instance of inventory.instances ?? []) {
      if (instance.state !== 'running') continue;
      const dims = [{ name: 'InstanceId', value: instance.instanceId }];
      queries.push(
        query(instance.instanceId, 'AWS/EC2', 'CPUUtilization', 'Maximum', dims),
        query(instance.instanceId, 'AWS/EC2', 'CPUUtilization', 'Average', dims),
        query(instance.instanceId, 'AWS/EC2', 'NetworkIn', 'Sum', dims),
        query(instance.instanceId, 'AWS/EC2', 'NetworkOut', 'Sum', dims),
      );
    }
  }
  if (families.has('nat')) {
    for (const gateway of inventory.natGateways ?? []) {
      if (gateway.state !== 'available') continue;
      const dims = [{ name: 'NatGatewayId', value: gateway.natGatewayId }];
      // Data processed = what enters the gateway from either side.
      queries.push(
        query(gateway.natGatewayId, 'AWS/NATGateway', 'BytesInFromSource', 'Sum', dims),
        query(gateway.natGatewayId, 'AWS/NATGateway', 'BytesInFromDestination', 'Sum', dims),
      );
    }
  }
  if (families.has('elb')) {
    for (const lb of inventory.loadBalancers ?? []) {
      const dims = [{ name: 'LoadBalancer', value: loadBalancerDimension(lb.arn) }];
      // NLBs have no requests; new flows are their equivalent. Gateway LBs rely on target health only.
      // Classic LBs publish under AWS/ELB by name (RequestCount counts TCP connections too).
      if (lb.type === 'application') queries.push(query(lb.arn, 'AWS/ApplicationELB', 'RequestCount', 'Sum', dims));
      else if (lb.type === 'network') queries.push(query(lb.arn, 'AWS/NetworkELB', 'NewFlowCount', 'Sum', dims));
      else if (lb.type === 'classic')
        queries.push(query(lb.arn, 'AWS/ELB', 'RequestCount', 'Sum', [{ name: 'LoadBalancerName', value: lb.name }]));
    }
  }
  if (families.has('rds')) {
    for (const db of inventory.dbInstances ?? []) {
      if (db.status !== 'available') continue;
      queries.push(
        query(db.dbInstanceId, 'AWS/RDS', 'DatabaseConnections', 'Maximum', [{ name: 'DBInstanceIdentifier', value: db.dbInstanceId }]),
      );
    }
  }
  return queries;
}
