import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, startE2E, type E2E } from './harness.js';

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

  it('command: progress shows the execution; reset-breakers closes its breakers', async () => {
    const progress = await e.run({ event: dispatch, inputs: { command: 'progress', 'execution-id': executionId } });
    expect(progress.exitCode, explain(progress)).toBe(0);
    expect(progress.summary).toContain('finops-aws progress');
    expect(progress.stdout).toContain(executionId);

    const reset = await e.run({ event: dispatch, inputs: { command: 'reset-breakers', 'execution-id': executionId } });
    expect(reset.exitCode, explain(reset)).toBe(0);
    const manifest = await e.readState<Manifest>(`executions/${executionId}/manifest.json`);
    expect(Object.values(manifest!.breakers).every((b) => b.state === 'closed')).toBe(true);
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
    const keep = await e.run({ event: dispatch, inputs: { command: 'cleanup', 'retention-days': '30' } });
    expect(keep.exitCode, explain(keep)).toBe(0);
    expect(await e.readState(`executions/${executionId}/manifest.json`)).toBeDefined();
    const missingDays = await e.run({ event: dispatch, inputs: { command: 'cleanup' } });
    expect(missingDays.exitCode).toBe(1);
    expect(missingDays.annotations.error.join('\n')).toContain('Input "retention-days" is required with command "cleanup"');
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
