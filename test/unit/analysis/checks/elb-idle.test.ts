import { describe, expect, it } from 'vitest';
import { elbIdle } from '../../../../src/analysis/checks/elb-idle.js';
import { buildMetricQueries } from '../../../../src/analysis/metrics/queries.js';
import { seriesKey } from '../../../../src/analysis/metrics/types.js';
import { daysAgo, input, loadBalancer, metrics, params, repeat } from '../support/builders.js';

const ALB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188';
const NLB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/tcp/7e1b1d9b8a2c4f11';
const CLB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/legacy-web';
/** A Classic LB as the inventory lists it: no state, no target groups, registered instances as targets. */
const classic = (p: Partial<ReturnType<typeof loadBalancer>> = {}) =>
  loadBalancer({ arn: CLB, name: 'legacy-web', type: 'classic', state: null, targetGroups: 0, targets: 2, healthyTargets: 2, ...p });

describe('elb-idle', () => {
  const requests = (arn: string, metric: string, perDay: number[]) =>
    metrics([{ resourceId: arn, metric, stat: 'Sum', values: perDay }], 7);
  const run = (lb: ReturnType<typeof loadBalancer>, m: ReturnType<typeof metrics> | undefined, p = params('elb-idle')) =>
    elbIdle.run(input({ loadBalancers: [lb] }, { metrics: m }), p as never);

  it('flags an ALB with no healthy targets; saving = $0.0225/h × 730 = $16.43', () => {
    const [finding] = run(loadBalancer({ arn: ALB, healthyTargets: 0, targets: 2 }), requests(ALB, 'RequestCount', repeat(5000, 7)));
    expect(finding).toMatchObject({ check: 'elb-idle', resourceId: ALB, resourceType: 'load-balancer', estimatedMonthlySavings: 16.43 });
    expect(finding!.evidence).toMatchObject({ healthyTargets: 0, busiestDayRequests: 5000 });
  });

  it('flags an ALB whose busiest day had fewer than 100 requests (days without datapoints had none)', () => {
    const [finding] = run(loadBalancer({ arn: ALB }), requests(ALB, 'RequestCount', [3, 0, 12]));
    expect(finding!.evidence).toMatchObject({ busiestDayRequests: 12, averageRequestsPerDay: 2.14 });
  });

  it('uses new flows for NLBs', () => {
    expect(run(loadBalancer({ arn: NLB, type: 'network' }), requests(NLB, 'NewFlowCount', repeat(10, 7)))).toHaveLength(1);
    expect(run(loadBalancer({ arn: NLB, type: 'network' }), requests(NLB, 'NewFlowCount', repeat(1000, 7)))).toEqual([]);
  });

  it('without request metrics only target health decides', () => {
    expect(run(loadBalancer({ arn: ALB }), metrics([], 7))).toEqual([]);
    expect(run(loadBalancer({ arn: ALB, healthyTargets: 0 }), undefined)).toHaveLength(1);
  });

  it('ignores busy or young load balancers', () => {
    expect(run(loadBalancer({ arn: ALB }), requests(ALB, 'RequestCount', repeat(1000, 7)))).toEqual([]);
    expect(run(loadBalancer({ arn: ALB, createdTime: daysAgo(2), healthyTargets: 0 }), requests(ALB, 'RequestCount', []))).toEqual([]);
  });

  it('boundary: a busiest day of 99 requests is idle, 100 is not', () => {
    expect(run(loadBalancer({ arn: ALB }), requests(ALB, 'RequestCount', [...repeat(50, 6), 99]))).toHaveLength(1);
    expect(run(loadBalancer({ arn: ALB }), requests(ALB, 'RequestCount', [...repeat(50, 6), 100]))).toEqual([]);
    expect(
      run(
        loadBalancer({ arn: ALB }),
        requests(ALB, 'RequestCount', [...repeat(50, 6), 100]),
        params('elb-idle', { maxRequestsPerDay: 101 }),
      ),
    ).toHaveLength(1);
  });

  it('flags a Classic LB with no InService instance; saving = $0.025/h × 730 = $18.25, evidence in its own terms', () => {
    const [finding] = run(classic({ healthyTargets: 0 }), requests(CLB, 'RequestCount', repeat(5000, 7)));
    expect(finding).toMatchObject({
      check: 'elb-idle',
      resourceId: CLB,
      resourceType: 'load-balancer',
      estimatedMonthlySavings: 18.25,
      title: 'Idle classic load balancer legacy-web: no healthy instances',
    });
    expect(finding!.evidence).toEqual({
      type: 'classic',
      registeredInstances: 2,
      inServiceInstances: 0,
      busiestDayRequests: 5000,
      averageRequestsPerDay: 5000,
      requestMetric: 'RequestCount',
      lookbackDays: 7,
      hourlyUsd: 0.025,
    });
  });

  it('flags a Classic LB with no registered instance at all', () => {
    expect(run(classic({ targets: 0, healthyTargets: 0 }), undefined)).toHaveLength(1);
  });

  it('Classic: RequestCount (AWS/ELB) decides with healthy instances; 99 a day is idle, 100 is not', () => {
    expect(run(classic(), requests(CLB, 'RequestCount', [...repeat(0, 6), 99]))[0]).toMatchObject({
      title: 'Idle classic load balancer legacy-web: at most 99 requests a day',
    });
    expect(run(classic(), requests(CLB, 'RequestCount', [...repeat(0, 6), 100]))).toEqual([]);
    expect(run(classic(), metrics([], 7))).toEqual([]);
    expect(run(classic({ createdTime: daysAgo(3), healthyTargets: 0 }), undefined)).toEqual([]);
  });

  it('plans Classic request counts in AWS/ELB by LoadBalancerName, keyed by the ARN like ALBs', () => {
    expect(buildMetricQueries({ loadBalancers: [classic()] }, new Set(['elb']))).toEqual([
      {
        key: seriesKey(CLB, 'RequestCount', 'Sum'),
        namespace: 'AWS/ELB',
        metricName: 'RequestCount',
        stat: 'Sum',
        dimensions: [{ name: 'LoadBalancerName', value: 'legacy-web' }],
        periodSeconds: 86_400,
      },
    ]);
  });
});
