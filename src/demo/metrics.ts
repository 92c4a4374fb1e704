import { emptySeries, periodStartMs } from '../aws/cloudwatch-series.js';
import type { CloudWatchPort, MetricQuery, MetricSeries } from '../aws/ports/index.js';
import { CLASSIC_LOAD_BALANCERS, DATABASES, INSTANCES, LOAD_BALANCERS, NAT_GATEWAYS } from './catalogue.js';
import { demoLoadBalancerArn } from './inventory.js';
import { between, unit } from './random.js';

const DAY_MS = 86_400_000;

/** Daily value of one metric of one demo resource, or undefined when CloudWatch would have no datapoint. */
type DailyValue = (day: string) => number | undefined;

function dimension(query: MetricQuery, name: string): string | undefined {
  return query.dimensions.find((d) => d.name === name)?.value;
}

function valueFor(query: MetricQuery, now: Date): DailyValue | undefined {
  const seed = `${query.dimensions.map((d) => d.value).join('/')}|${query.metricName}|${query.stat}`;
  const existsSince = (daysAgo: number) => (day: string) => Date.parse(day) >= now.getTime() - daysAgo * DAY_MS;
  const instanceId = dimension(query, 'InstanceId');
  if (instanceId) {
    const instance = INSTANCES.find((i) => i.id === instanceId);
    if (!instance || instance.state !== 'running') return undefined;
    const alive = existsSince(instance.launchedDaysAgo);
    const cpuMax = (day: string) => between(`${instance.id}|cpu|${day}`, instance.cpu);
    const net = (day: string) => between(`${instance.id}|net|${day}`, instance.netMb) * 1_000_000;
    switch (query.metricName) {
      case 'CPUUtilization':
        return (day) =>
          alive(day) ? (query.stat === 'Maximum' ? cpuMax(day) : cpuMax(day) * (0.35 + 0.2 * unit(`${seed}|${day}`))) : undefined;
      case 'NetworkIn':
        return (day) => (alive(day) ? net(day) * 0.6 : undefined);
      case 'NetworkOut':
        return (day) => (alive(day) ? net(day) * 0.4 : undefined);
      default:
        return undefined;
    }
  }
  const natId = dimension(query, 'NatGatewayId');
  if (natId) {
    const nat = NAT_GATEWAYS.find((n) => n.id === natId);
    if (!nat) return undefined;
    const share = query.metricName === 'BytesInFromSource' ? 0.3 : 0.7;
    return (day) => nat.gbPerDay * share * between(`${seed}|${day}`, [0.8, 1.2]) * 1_000_000_000;
  }
  const lbDimension = dimension(query, 'LoadBalancer');
  const classicName = dimension(query, 'LoadBalancerName');
  if (lbDimension || classicName) {
    const lb = lbDimension
      ? LOAD_BALANCERS.find((l) => demoLoadBalancerArn(l).endsWith(`/${lbDimension}`))
      : CLASSIC_LOAD_BALANCERS.find((l) => l.name === classicName);
    if (!lb) return undefined;
    // Load balancers publish no datapoint on days without requests.
    return (day) => {
      const value = Math.round(lb.requestsPerDay * between(`${seed}|${day}`, [0.7, 1.3]));
      return value > 0 ? value : undefined;
    };
  }
  const dbId = dimension(query, 'DBInstanceIdentifier');
  if (dbId) {
    const db = DATABASES.find((d) => d.id === dbId);
    if (!db) return undefined;
    return (day) => Math.round(between(`${seed}|${day}`, db.connections));
  }
  return undefined;
}

/** CloudWatch for the demo account: daily datapoints generated from each resource's profile. */
export function demoCloudWatch(now: Date): CloudWatchPort {
  return {
    async getMetricData({ queries, start, end }) {
      const series: Record<string, MetricSeries> = {};
      const startMs = Date.parse(start);
      for (const query of queries) {
        const entry = emptySeries(start, end, query.periodSeconds);
        const value = valueFor(query, now);
        for (let i = 0; i < entry.values.length; i++) {
          entry.values[i] = value?.(new Date(periodStartMs(entry, startMs, i)).toISOString()) ?? null;
        }
        series[query.key] = entry;
      }
      return series;
    },
  };
}
