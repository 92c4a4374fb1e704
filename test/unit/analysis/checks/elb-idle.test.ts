import { describe, expect, it } from 'vitest';
import { elbIdle } from '../../../../src/analysis/checks/elb-idle.js';
import { daysAgo, input, loadBalancer, metrics, params, repeat } from '../support/builders.js';

const ALB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188';
const NLB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/tcp/7e1b1d9b8a2c4f11';

describe('elb-idle', () => {
  const requests = (arn: string, metric: string, perDay: number[]) => metrics([{ resourceId: arn, metric, stat: 'Sum', values: perDay }], 7);
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
    expect(run(loadBalancer({ arn: ALB }), requests(ALB, 'RequestCount', [...repeat(50, 6), 100]), params('elb-idle', { maxRequestsPerDay: 101 }))).toHaveLength(1);
  });
});
