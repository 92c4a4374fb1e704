import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, explain, requestCounts, startE2E, type E2E } from './harness.js';

interface Manifest {
  executionId: string;
  status: string;
  runs: number;
  tasks: Record<string, { type: string; status: string; attempts: number }>;
}

/** The AWS operations only one task type makes, so a request proves that type ran. */
const OPERATIONS_OF: Record<string, string[]> = {
  'cost-forecast': ['ce:GetCostForecast'],
  'cost-anomalies': ['ce:GetAnomalies'],
  'ec2-inventory': ['ec2:DescribeInstances'],
  'ebs-inventory': ['ec2:DescribeVolumes'],
  'snapshot-inventory': ['ec2:DescribeSnapshots', 'ec2:DescribeImages'],
  'eip-inventory': ['ec2:DescribeAddresses'],
  'nat-inventory': ['ec2:DescribeNatGateways'],
  'elb-inventory': ['elbv2:DescribeLoadBalancers', 'elbv2:DescribeTargetGroups', 'elbv2:DescribeTargetHealth'],
  'rds-inventory': ['rds:DescribeDBInstances'],
  metrics: ['cloudwatch:GetMetricData'],
  prices: ['pricing:GetProducts'],
};

/**
 * The time budget, for real: `time-budget-minutes: 1` leaves 30 s after the executor's safety
 * margin, and `task-timeout-seconds: 25` means a task type never seen before may only start in
 * the first 5 s. Slow EC2/ELB/RDS answers (2.5 s each) keep the inventory busy past that, so
 * the run stops `partial` with work pending; the next run resumes the same execution and
 * finishes it without asking AWS again for what already succeeded.
 */
describe('time budget, then resume', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E('budget');
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('(c) the budget runs out → partial; the next run resumes and completes without redoing succeeded tasks', async () => {
    e.aws.setFaults({ latencyMs: { ec2: 2_500, elbv2: 2_500, rds: 2_500 } });
    const first = await e.run({ inputs: { 'time-budget-minutes': '1', 'task-timeout-seconds': '25' } });
    expect(first.exitCode, explain(first)).toBe(0);
    expect(first.outputs.status).toBe('partial');
    const pendingCount = Number(first.outputs['pending-tasks']);
    expect(pendingCount).toBeGreaterThan(0);
    expect(first.annotations.warning.join('\n')).toMatch(/partial: \d+ task\(s\) pending \(.+\); the next run resumes them/);
    expect(first.summary).toContain('AWS cost report');
    expect(first.summary).toMatch(
      new RegExp(`\\*\\*Partial run\\*\\*: the time budget ran out with ${pendingCount} tasks? pending .*The next run resumes them`),
    );
    expect(first.durationMs).toBeLessThan(45_000);

    const id = first.outputs['execution-id']!;
    const afterFirst = (await e.readState<Manifest>(`executions/${id}/manifest.json`))!;
    expect(afterFirst.status).toBe('partial');
    const succeeded = Object.entries(afterFirst.tasks).filter(([, t]) => t.status === 'succeeded');
    const pending = Object.entries(afterFirst.tasks).filter(([, t]) => t.status === 'pending');
    expect(succeeded.length).toBeGreaterThan(0);
    expect(pending.length).toBe(pendingCount);
    expect(await e.readState(`accounts/${ACCOUNT}/baseline.json`)).toBeUndefined();

    e.aws.setFaults({});
    const mark = e.aws.requests.length;
    const second = await e.run();
    expect(second.exitCode, explain(second)).toBe(0);
    expect(second.outputs).toMatchObject({ 'execution-id': id, status: 'completed', 'pending-tasks': '0' });

    const afterSecond = (await e.readState<Manifest>(`executions/${id}/manifest.json`))!;
    expect(afterSecond).toMatchObject({ status: 'completed', runs: 2 });
    for (const [taskId, task] of succeeded)
      expect(afterSecond.tasks[taskId], taskId).toMatchObject({ status: 'succeeded', attempts: task.attempts });
    // The demo account is not enrolled in Compute Optimizer in eu-west-1: that task ends skipped whenever it runs.
    for (const [taskId] of pending)
      expect(afterSecond.tasks[taskId]!.status, taskId).toBe(taskId === 'compute-optimizer:eu-west-1' ? 'skipped' : 'succeeded');

    const again = requestCounts(e.aws, mark);
    const succeededTypes = new Set(succeeded.map(([, t]) => t.type));
    const pendingTypes = new Set(pending.map(([, t]) => t.type));
    for (const [type, operations] of Object.entries(OPERATIONS_OF)) {
      for (const operation of operations) {
        if (succeededTypes.has(type)) expect(again.get(operation) ?? 0, `${operation} of succeeded ${type}`).toBe(0);
        // DescribeTargetHealth needs target groups; the demo has some in us-east-1.
        if (pendingTypes.has(type)) expect(again.get(operation) ?? 0, `${operation} of pending ${type}`).toBeGreaterThan(0);
      }
    }
    expect(await e.readState(`accounts/${ACCOUNT}/baseline.json`)).toMatchObject({ executionId: id });
  });
});
