import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceName } from '../support/fake-aws/index.js';
import { ACCOUNT, explain, startE2E, type E2E } from './harness.js';

interface Manifest {
  executionId: string;
  status: string;
  runs: number;
  tasks: Record<string, { status: string; attempts: number }>;
}
interface Lease {
  expiresAt: string;
}

/**
 * A cancelled job: the runner sends SIGINT (then SIGTERM) to the action mid-run. The action
 * stops scheduling, puts in-flight tasks back to pending, checkpoints the execution `partial`,
 * publishes what it has and releases the lease; the next run resumes that execution and runs
 * only what was left.
 */
describe.each(['SIGINT', 'SIGTERM'] as const)('%s to dist/index.js mid-run', (signal) => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E(`cancelled-${signal.toLowerCase()}`);
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('checkpoints a partial execution that the next run resumes without redoing finished tasks', async () => {
    // Every regional request is held: once the cost tasks have succeeded the run is stuck mid-way
    // until the signal, however fast or slow the machine. Enough slots that the held tasks never
    // keep the cost tasks from starting.
    const regional: ServiceName[] = ['ec2', 'elb', 'elbv2', 'rds', 'cloudwatch', 'pricing', 'compute-optimizer'];
    const gate = e.aws.hold(...regional.map((service) => ({ service })));
    const started = e.start({ env: { GITHUB_RUN_ID: '8001' }, inputs: { 'max-concurrent-tasks': '64' } });
    let exited = false;
    void started.done.then(() => (exited = true));
    let executionId: string | undefined;
    while (!executionId && !exited) {
      const latest = await e.readState<{ executionId: string }>(`accounts/${ACCOUNT}/latest.json`);
      const manifest = latest && (await e.readState<Manifest>(`executions/${latest.executionId}/manifest.json`));
      const costs = Object.entries(manifest ? manifest.tasks : {}).filter(([id]) => id.startsWith('cost-'));
      if (gate.held > 0 && costs.length > 1 && costs.every(([, t]) => t.status === 'succeeded')) executionId = manifest!.executionId;
      else await sleep(50);
    }
    expect(executionId, 'the run ended before its cost tasks were checkpointed').toBeDefined();
    started.child.kill(signal);
    const stopped = await started.done;
    gate.release();

    expect(stopped.exitCode, explain(stopped)).toBe(0);
    expect(stopped.outputs).toMatchObject({ 'execution-id': executionId, status: 'partial' });
    expect(Number(stopped.outputs['pending-tasks'])).toBeGreaterThan(0);
    expect(stopped.annotations.warning.join('\n')).toMatch(/is partial: \d+ task\(s\) pending .*the next run resumes them/);
    const partial = (await e.readState<Manifest>(`executions/${executionId}/manifest.json`))!;
    expect(partial.status).toBe('partial');
    expect(Object.values(partial.tasks).filter((t) => t.status === 'running')).toEqual([]);
    const lease = await e.readState<Lease>(`accounts/${ACCOUNT}/lease.json`);
    expect(Date.parse(lease!.expiresAt)).toBeLessThanOrEqual(Date.now());

    const next = await e.run({ env: { GITHUB_RUN_ID: '8002' } });
    expect(next.exitCode, explain(next)).toBe(0);
    expect(next.outputs).toMatchObject({ 'execution-id': executionId, status: 'completed' });
    const done = (await e.readState<Manifest>(`executions/${executionId}/manifest.json`))!;
    expect(done.runs).toBe(2);
    for (const [id, task] of Object.entries(partial.tasks)) {
      if (task.status === 'succeeded') expect(done.tasks[id], id).toMatchObject({ status: 'succeeded', attempts: task.attempts });
    }
  });
});
