import { PutObjectCommand } from '@aws-sdk/client-s3';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateMatch, ServiceName } from '../support/fake-aws/index.js';
import { ACCOUNT, explain, PREFIX, requestCounts, startE2E, type E2E } from './harness.js';

interface Manifest {
  executionId: string;
  status: string;
  runs: number;
  tasks: Record<string, { status: string; attempts: number }>;
}
type Tasks = Manifest['tasks'];

const REGIONAL: ServiceName[] = ['ec2', 'elb', 'elbv2', 'rds', 'cloudwatch', 'pricing', 'compute-optimizer'];
const INVENTORY: ServiceName[] = ['ec2', 'elb', 'elbv2', 'rds'];
const succeeded = (tasks: Tasks, id: string) => tasks[id]?.status === 'succeeded';
const ids = (tasks: Tasks, pattern: RegExp) => Object.keys(tasks).filter((id) => pattern.test(id));

/**
 * Where the run is stopped: the fake AWS holds these requests until the action is killed, so
 * the action cannot get past the point, and `reached` says from the checkpointed manifest
 * that it got there. Nothing about timing: a slow machine only takes longer to get there.
 */
interface KillPoint {
  name: string;
  regions: string;
  hold: GateMatch[];
  reached(tasks: Tasks): boolean;
}

const points: KillPoint[] = [
  {
    name: 'before any task succeeded (every AWS service but STS held)',
    regions: 'us-east-1',
    hold: (['ce', ...REGIONAL] as ServiceName[]).map((service) => ({ service })),
    reached: () => true,
  },
  {
    name: 'after the cost tasks succeeded (every regional service held)',
    regions: 'us-east-1',
    hold: REGIONAL.map((service) => ({ service })),
    reached: (tasks) => ids(tasks, /^cost-/).length > 1 && ids(tasks, /^cost-/).every((id) => succeeded(tasks, id)),
  },
  {
    name: 'after the inventories of one region of two (the other region, costs, metrics and prices held)',
    regions: 'us-east-1,eu-west-1',
    hold: [
      { service: 'ce' },
      ...INVENTORY.map((service) => ({ service, region: 'eu-west-1' })),
      ...(['cloudwatch', 'pricing', 'compute-optimizer'] as ServiceName[]).map((service) => ({ service })),
    ],
    reached: (tasks) =>
      ids(tasks, /-inventory:us-east-1$/).length > 1 && ids(tasks, /-inventory:us-east-1$/).every((id) => succeeded(tasks, id)),
  },
];

/**
 * SIGKILL to the bundled action on the S3 state bucket (a runner lost mid-run): no handler
 * runs, nothing is checkpointed on the way out. The execution stays `running`; the next run,
 * once the dead run's lease has expired, resumes that execution and runs only what had not
 * succeeded.
 */
describe.each(points)('dist/index.js killed with SIGKILL $name', (point) => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E('killed');
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('leaves the execution running; the next run resumes it and re-runs no succeeded task', async () => {
    const gate = e.aws.hold(...point.hold);
    // Enough slots that tasks waiting at the gate never keep the others from starting.
    const inputs = { regions: point.regions, 'max-concurrent-tasks': '64' };
    const started = e.start({ env: { GITHUB_RUN_ID: '9001' }, inputs });
    const manifestKey = async () => {
      const latest = await e.readState<{ executionId: string }>(`accounts/${ACCOUNT}/latest.json`);
      return latest && `executions/${latest.executionId}/manifest.json`;
    };
    let stuck: Manifest | undefined;
    let exited = false;
    void started.done.then(() => (exited = true));
    while (!stuck && !exited) {
      const key = gate.held > 0 ? await manifestKey() : undefined;
      const manifest = key && (await e.readState<Manifest>(key));
      if (manifest && point.reached(manifest.tasks)) stuck = manifest;
      else await sleep(50);
    }
    expect(stuck, `the run ended before it reached the kill point: ${exited ? explain(await started.done) : ''}`).toBeDefined();
    started.child.kill('SIGKILL');
    const killed = await started.done;
    expect(killed.exitCode, explain(killed)).toBeNull();

    const executionId = stuck!.executionId;
    const left = (await e.readState<Manifest>(`executions/${executionId}/manifest.json`))!;
    // Killed mid-run: never finished, and the state shows exactly the point the run was held at.
    expect(left.status).toBe('running');
    expect(point.reached(left.tasks)).toBe(true);
    const done = Object.entries(left.tasks).filter(([, t]) => t.status === 'succeeded');
    if (point === points[0]) expect(done).toEqual([]);
    else expect(done.length).toBeGreaterThan(0);

    // The dead run's lease would expire after its TTL; expire it now rather than wait.
    const lease = (await e.readState<{ expiresAt: string }>(`accounts/${ACCOUNT}/lease.json`))!;
    const expired = { ...lease, expiresAt: new Date(Date.now() - 1000).toISOString() };
    await e.s3.send(
      new PutObjectCommand({ Bucket: e.bucket, Key: `${PREFIX}accounts/${ACCOUNT}/lease.json`, Body: JSON.stringify(expired) }),
    );
    gate.release();
    const from = e.aws.requests.length;
    const next = await e.run({ env: { GITHUB_RUN_ID: '9002' }, inputs });
    expect(next.exitCode, explain(next)).toBe(0);
    expect(next.outputs).toMatchObject({ 'execution-id': executionId, status: 'completed' });

    const finished = (await e.readState<Manifest>(`executions/${executionId}/manifest.json`))!;
    expect(finished).toMatchObject({ status: 'completed', runs: 2 });
    for (const [id, task] of done) expect(finished.tasks[id], id).toMatchObject({ status: 'succeeded', attempts: task.attempts });
    // The resumed run asked Cost Explorer nothing when the cost tasks had succeeded.
    if (done.some(([id]) => id.startsWith('cost-')))
      expect([...requestCounts(e.aws, from).keys()].filter((k) => k.startsWith('ce:'))).toEqual([]);
    const executions = new Set((await e.stateKeys()).filter((k) => k.startsWith(`${PREFIX}executions/`)).map((k) => k.split('/')[2]));
    expect(executions).toEqual(new Set([executionId]));
  });
});
