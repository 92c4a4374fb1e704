import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, explain, seedExecution, startE2E, type E2E } from './harness.js';

interface Manifest {
  status: string;
  cancelRequested: boolean;
  breakers: Record<string, { state: string }>;
  tasks: Record<string, { status: string; attempts: number }>;
}

/** `command:` operations of the action (workflow_dispatch), gates, JSON logs and a fork PR. */
describe('the action beyond `run`', () => {
  let e: E2E;
  let executionId: string;
  const dispatch = { name: 'workflow_dispatch', payload: { inputs: {} } };

  beforeAll(async () => {
    e = await startE2E('operations');
    const first = await e.run({ inputs: { 'log-format': 'json' } });
    expect(first.exitCode, explain(first)).toBe(0);
    executionId = first.outputs['execution-id'] as string;
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('log-format json: one JSON object per line with execution and task context', async () => {
    const run = await e.run({ inputs: { 'log-format': 'json' } });
    const records = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.length).toBeGreaterThan(10);
    expect(records.every((r) => typeof r.time === 'string' && typeof r.level === 'string' && typeof r.message === 'string')).toBe(true);
    expect(records.some((r) => typeof r.taskId === 'string' && typeof r.executionId === 'string')).toBe(true);
  });

  it('command: progress shows the execution', async () => {
    const progress = await e.run({ event: dispatch, inputs: { command: 'progress', 'execution-id': executionId } });
    expect(progress.exitCode, explain(progress)).toBe(0);
    expect(progress.summary).toContain('finops-aws progress');
    expect(progress.stdout).toContain(executionId);
  });

  it('command: reset-breakers closes the open breakers of an execution, and only its own', async () => {
    const openedAt = new Date(Date.now() - 60_000).toISOString();
    const open = { state: 'open' as const, consecutiveFailures: 3, openedAt, lastError: 'ce:GetCostAndUsage: service unavailable' };
    const failed = await seedExecution(e, 0, {
      status: 'failed',
      breakers: { 'aws:ce': open, 'cost-daily': { state: 'closed', consecutiveFailures: 1 } },
    });
    const other = await seedExecution(e, 0, {
      status: 'failed',
      breakers: { 'aws:ce': open },
      executionId: `${failed.slice(0, -8)}0000beef`,
    });
    const reset = await e.run({ event: dispatch, inputs: { command: 'reset-breakers', 'execution-id': failed } });
    expect(reset.exitCode, explain(reset)).toBe(0);
    expect(reset.summary).toContain('aws:ce');
    const manifest = await e.readState<Manifest>(`executions/${failed}/manifest.json`);
    expect(Object.entries(manifest!.breakers).map(([id, b]) => `${id}:${b.state}`)).toEqual(['aws:ce:closed', 'cost-daily:closed']);
    expect((await e.readState<Manifest>(`executions/${other}/manifest.json`))!.breakers['aws:ce']!.state).toBe('open');
  });

  it('command: retry of a completed execution re-runs nothing and keeps it completed', async () => {
    const before = await e.readState<Manifest>(`executions/${executionId}/manifest.json`);
    const requests = e.aws.requests.length;
    const retry = await e.run({ event: dispatch, inputs: { command: 'retry', 'execution-id': executionId } });
    expect(retry.exitCode, explain(retry)).toBe(0);
    const after = await e.readState<Manifest>(`executions/${executionId}/manifest.json`);
    expect(after!.status).toBe('completed');
    expect(Object.fromEntries(Object.entries(after!.tasks).map(([id, t]) => [id, t.attempts]))).toEqual(
      Object.fromEntries(Object.entries(before!.tasks).map(([id, t]) => [id, t.attempts])),
    );
    expect(e.aws.requests.slice(requests).filter((r) => r.service !== 'sts')).toEqual([]);
  });

  it('command: cancel of an unknown execution fails naming it; of a finished one changes nothing', async () => {
    const unknown = await e.run({
      event: dispatch,
      inputs: { command: 'cancel', 'execution-id': 'exec_123456789012_20200101T000000Z_00000000' },
    });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.annotations.error.join('\n')).toMatch(/exec_123456789012_20200101T000000Z_00000000 not found/);
    const finished = await e.run({ event: dispatch, inputs: { command: 'cancel', 'execution-id': executionId } });
    expect(finished.exitCode, explain(finished)).toBe(0);
    expect((await e.readState<Manifest>(`executions/${executionId}/manifest.json`))!.status).toBe('completed');
  });

  it('command: cleanup removes only executions older than retention-days', async () => {
    const old = await seedExecution(e, 40);
    const recent = await seedExecution(e, 20);
    const cleanup = await e.run({ event: dispatch, inputs: { command: 'cleanup', 'retention-days': '30' } });
    expect(cleanup.exitCode, explain(cleanup)).toBe(0);
    const keys = await e.stateKeys();
    expect(keys.filter((k) => k.includes(old))).toEqual([]);
    expect(keys.filter((k) => k.includes(recent))).toHaveLength(2);
    expect(await e.readState(`executions/${executionId}/manifest.json`)).toBeDefined();
    const missingDays = await e.run({ event: dispatch, inputs: { command: 'cleanup' } });
    expect(missingDays.exitCode).toBe(1);
    expect(missingDays.annotations.error.join('\n')).toContain('Input "retention-days" is required with command "cleanup"');
  });

  it('retention-days on a run: after the run, executions not updated for that long are gone; the new one stays', async () => {
    const old = await seedExecution(e, 8);
    const run = await e.run({ inputs: { 'retention-days': '7' } });
    expect(run.exitCode, explain(run)).toBe(0);
    const fresh = run.outputs['execution-id']!;
    const keys = await e.stateKeys();
    expect(keys.filter((k) => k.includes(old))).toEqual([]);
    expect(keys).toContain(`finops/executions/${fresh}/manifest.json`);
    expect(keys).toContain(`finops/executions/${executionId}/manifest.json`);
    expect(await e.readState(`accounts/${ACCOUNT}/latest.json`)).toMatchObject({ executionId: fresh });
  });

  it('fail-on-cost-increase-percent fails the step on purpose, saying why, after publishing', async () => {
    const run = await e.run({ inputs: { 'fail-on-cost-increase-percent': '0' } });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.error.join('\n')).toMatch(
      /Failing on purpose: month-to-date cost rose \d+\.\d% .*above fail-on-cost-increase-percent \(0%\)/,
    );
    expect(run.outputs.status).toBe('completed');
    expect(run.summary).toContain('AWS cost report');
  });

  it('a fork PR without OIDC: a notice in the summary, no failure, nothing called', async () => {
    const fork = {
      name: 'pull_request',
      payload: {
        number: 9,
        pull_request: { number: 9, head: { repo: { full_name: 'someone/fork' } }, base: { repo: { full_name: 'octo-org/octo-repo' } } },
      },
    };
    const requests = e.aws.requests.length;
    const run = await e.run({ event: fork, env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined } });
    expect(run.exitCode, explain(run)).toBe(0);
    expect(run.summary).toMatch(/comes from a fork, which gets no OIDC token/);
    expect(e.aws.requests.length).toBe(requests);
  });
});
