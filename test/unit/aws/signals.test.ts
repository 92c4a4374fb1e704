import { describe, expect, it } from 'vitest';
import { cloudWatchAdapter } from '../../../src/aws/cloudwatch.js';
import { costExplorerAdapter } from '../../../src/aws/cost-explorer.js';
import { ec2Adapter, regionsAdapter } from '../../../src/aws/ec2.js';
import { elbAdapter } from '../../../src/aws/elbv2.js';
import { pricingAdapter } from '../../../src/aws/pricing.js';
import { rdsAdapter } from '../../../src/aws/rds.js';

/** A client whose send records its options and answers an empty page. */
function recorder() {
  const options: unknown[] = [];
  const client = { send: async (_command: unknown, opts: unknown) => (options.push(opts), { ForecastResultsByTime: [] }) };
  return { client: client as never, options };
}

describe('abort signals', () => {
  it('every SDK call of every adapter carries the task signal', async () => {
    const signal = new AbortController().signal;
    const { client, options } = recorder();
    const ec2 = ec2Adapter(client, 'us-east-1');
    const elb = elbAdapter(client, 'us-east-1');
    const ce = costExplorerAdapter(client);
    await Promise.all([
      ec2.listInstances(signal),
      ec2.listVolumes(signal),
      ec2.listSnapshots(signal),
      ec2.listImages(signal),
      ec2.listAddresses(signal),
      ec2.listNatGateways(signal),
      regionsAdapter(client, 'us-east-1').listEnabledRegions(signal),
      elb.listLoadBalancers(signal),
      elb.listTargetGroups(signal),
      elb.targetHealth('arn:tg', signal),
      rdsAdapter(client, 'us-east-1').listDbInstances(signal),
      cloudWatchAdapter(client, 'us-east-1').getMetricData(
        {
          queries: [
            { key: 'k', namespace: 'AWS/EC2', metricName: 'CPUUtilization', stat: 'Maximum', periodSeconds: 86400, dimensions: [] },
          ],
          start: '2026-11-01T00:00:00Z',
          end: '2026-11-02T00:00:00Z',
        },
        signal,
      ),
      pricingAdapter(client, 'us-east-1').getProducts({ serviceCode: 'AmazonEC2', filters: {} }, signal),
      ce.getCostAndUsage({ start: '2026-11-01', end: '2026-11-02', granularity: 'DAILY', metric: 'UnblendedCost', groupBy: [] }, signal),
      ce.getCostForecast({ start: '2026-11-25', end: '2026-12-01', metric: 'UnblendedCost' }, signal),
      ce.getAnomalies({ start: '2026-11-01', end: '2026-11-25' }, signal),
    ]);
    expect(options).toHaveLength(16);
    expect(options.every((o) => (o as { abortSignal?: unknown }).abortSignal === signal)).toBe(true);
  });
});
