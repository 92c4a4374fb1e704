import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NonRetryableError } from '../../src/primitives/errors.js';
import type { ExecutionManifest } from '../../src/records/state.js';
import { BACKENDS, cli, clockAhead, emptyCache, tempDir } from './support/harness.js';
import { instrumentedDemo } from './support/instrumented.js';
import { interruptedRun } from './support/scenarios.js';
import { killedRun } from './support/killed-run.js';

const THREE_MINUTES = 180_000;

/** Tasks that had finished successfully, with what a re-run would change. */
function succeededTasks(manifest: ExecutionManifest) {
  return Object.values(manifest.tasks)
    .filter((t) => t.status === 'succeeded')
    .map((t) => ({ id: t.id, attempts: t.attempts, startedAt: t.startedAt }));
}

describe.each(BACKENDS)('resume on the %s store', (_name, makeBackend) => {
  it('completes an execution a killed run left behind, without re-running what succeeded (exit 4 while its lease lives)', async () => {
    const backend = await makeBackend();
    const killed = await killedRun(backend);
    expect(killed.status).toBe('running');
    const done = succeededTasks(killed);
    expect(done.length).toBeGreaterThan(5);
    expect(done.map((t) => t.id)).toEqual(expect.arrayContaining(['cost-daily', 'cost-months', 'cost-forecast', 'cost-anomalies']));

    const held = await cli(['resume', killed.executionId, '--demo', ...backend.args, '--report-dir', await tempDir('r')], {
      deps: backend.deps,
    });
    expect(held.code).toBe(4);
    expect(held.stderr).toMatch(/error: account 123456789012 is locked by finops-aws run \(pid \d+/);

    // Two minutes later the dead run's lease has lapsed.
    const aws = instrumentedDemo();
    const reportDir = await tempDir('r');
    const result = await cli(['resume', killed.executionId, '--demo', ...backend.args, '--report-dir', reportDir, '--json'], {
      deps: { ...backend.deps, adaptersFor: aws.adaptersFor, clock: clockAhead(THREE_MINUTES) },
    });
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ executionId: killed.executionId, status: 'completed', resumed: true, pending: [], failed: [] });
    expect(result.json().reusedTasks).toBeGreaterThanOrEqual(done.length);

    const after = (await backend.store().loadExecution(killed.executionId))!.manifest;
    // All succeeded but the demo's deliberate skip: Compute Optimizer is not enrolled in eu-west-1.
    expect(
      Object.values(after.tasks)
        .filter((t) => t.status !== 'succeeded')
        .map((t) => [t.id, t.status]),
    ).toEqual([['compute-optimizer:eu-west-1', 'skipped']]);
    for (const task of done)
      expect({ id: task.id, attempts: after.tasks[task.id]!.attempts, startedAt: after.tasks[task.id]!.startedAt }).toEqual(task);
    // The interrupted attempt counts; the task ran once more.
    expect(after.tasks['metrics:us-east-1']!.attempts).toBe(2);
    expect(aws.count('costExplorer.')).toBe(0);
    expect(aws.count('cloudwatch[us-east-1].getMetricData')).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'))).toMatchObject({
      executionId: killed.executionId,
      status: 'completed',
      pending: [],
    });
  });

  it('completes a partial (interrupted) execution; only its pending tasks call AWS', async () => {
    const backend = await makeBackend();
    const partial = await interruptedRun(backend);
    const done = succeededTasks(partial);
    // With the cache empty, every Cost Explorer task that runs asks once: one that ran again after
    // it succeeded cannot hide behind the answer it cached (closed months, anomalies).
    await emptyCache(backend);
    const aws = instrumentedDemo();
    const result = await cli(['resume', partial.executionId, '--demo', ...backend.args, '--report-dir', await tempDir('r')], {
      deps: { ...backend.deps, adaptersFor: aws.adaptersFor },
    });
    expect(result.code).toBe(0);
    // A task whose result was stored as the run stopped is reused too, so at least the succeeded ones are.
    const resumed = new RegExp(
      `^Execution ${partial.executionId} completed \\(resumed: (\\d+) succeeded tasks reused; 39/40 tasks succeeded`,
    ).exec(result.stdout);
    expect(resumed, result.stdout).not.toBeNull();
    expect(Number(resumed![1])).toBeGreaterThanOrEqual(done.length);
    const after = (await backend.store().loadExecution(partial.executionId))!.manifest;
    expect(after.status).toBe('completed');
    for (const task of done) expect(after.tasks[task.id]!.attempts).toBe(task.attempts);
    // Each Cost Explorer task makes one request on a cold cache: only those not done make one now.
    const costTasks = ['cost-daily', 'cost-months', 'cost-forecast', 'cost-anomalies'];
    expect(aws.count('costExplorer.')).toBe(costTasks.filter((id) => !done.some((t) => t.id === id)).length);
    expect(aws.count('ec2[eu-west-1]')).toBe(0);
    expect(after.runs).toBe(partial.runs + 1);
  });

  it('continues with the checks, cost metric and tag key the execution was started with, whatever the flags say now', async () => {
    const backend = await makeBackend();
    const partial = await interruptedRun(backend, undefined, ['--checks', 'ec2-idle,ebs-unattached', '--tag-key', 'team']);
    expect(partial.analysis).toMatchObject({
      costMetric: 'UnblendedCost',
      tagKey: 'team',
      checks: { 'ec2-idle': { enabled: true }, 'nat-idle': { enabled: false } },
    });
    const total = Object.keys(partial.tasks).length;
    const reportDir = await tempDir('r');
    const result = await cli(
      ['resume', partial.executionId, '--demo', ...backend.args, '--report-dir', reportDir, '--cost-metric', 'AmortizedCost', '--json'],
      { deps: backend.deps },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`continuing ${partial.executionId} with the checks, cost metric and tag key it was started with`);
    const after = (await backend.store().loadExecution(partial.executionId))!.manifest;
    expect(after.status).toBe('completed');
    // The same tasks were rebuilt: none added for the checks the flags would enable now.
    expect(Object.keys(after.tasks)).toHaveLength(total);
    expect(after.analysis).toEqual(partial.analysis);
    const report = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8')) as { findings: Array<{ check: string }> };
    expect(new Set(report.findings.map((f) => f.check))).toEqual(new Set(['ec2-idle', 'ebs-unattached']));
  });

  it('errors: unknown id (3), malformed id (2), another account (2), cancelled (2), failed (1), completed (0, nothing run), lease held (4)', async () => {
    const backend = await makeBackend();
    const aws = instrumentedDemo();
    const deps = { ...backend.deps, adaptersFor: aws.adaptersFor };
    const resume = (id: string, ...extra: string[]) =>
      cli(['resume', id, '--demo', ...backend.args, '--report-dir', 'unused', ...extra], { deps });

    const missing = await resume('exec_123456789012_20261125T060000Z_0badc0de');
    expect([missing.code, missing.stderr]).toEqual([
      3,
      expect.stringContaining('execution exec_123456789012_20261125T060000Z_0badc0de not found in '),
    ]);
    const malformed = await resume('exec_../../etc');
    expect([malformed.code, malformed.stderr]).toEqual([2, expect.stringContaining('EXEC_ID: invalid execution id "exec_../../etc"')]);
    const badFlag = await resume('exec_123456789012_20261125T060000Z_0badc0de', '--time-budget-minutes', '0');
    expect([badFlag.code, badFlag.stderr]).toEqual([
      2,
      expect.stringContaining('--time-budget-minutes must be a whole number from 1 to 360'),
    ]);

    // An execution of another account cannot be continued with the demo account's adapters.
    const other = await interruptedRun(backend, '210987654321');
    const wrong = await resume(other.executionId);
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      expect.stringContaining('belongs to account 210987654321, but the demo account is 123456789012'),
    ]);

    const failedAws = instrumentedDemo({
      intercept: (call) => (call === 'ec2[eu-west-1].listInstances' ? Promise.reject(new NonRetryableError('bad request')) : undefined),
    });
    const failed = await cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('r'), '--json'], {
      deps: { ...backend.deps, adaptersFor: failedAws.adaptersFor },
    });
    expect(failed.code).toBe(1);
    const resumeFailed = await resume(failed.json().executionId);
    expect([resumeFailed.code, resumeFailed.stderr]).toEqual([
      1,
      expect.stringContaining('failed and has nothing pending; `finops-aws retry'),
    ]);

    const completed = await cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('r'), '--json'], { deps: backend.deps });
    const completedId = completed.json().executionId;
    const before = aws.targets;
    const resumeCompleted = await resume(completedId);
    expect([resumeCompleted.code, resumeCompleted.stdout]).toEqual([0, `Nothing to resume: ${completedId} is completed.\n`]);
    expect(aws.targets).toBe(before);

    const cancelled = await interruptedRun(backend);
    expect((await cli(['cancel', cancelled.executionId, ...backend.args], { deps })).code).toBe(0);
    const resumeCancelled = await resume(cancelled.executionId);
    expect([resumeCancelled.code, resumeCancelled.stderr]).toEqual([
      2,
      expect.stringContaining('was cancelled, so it is not resumed; `finops-aws retry'),
    ]);

    const partial = await interruptedRun(backend);
    await backend.store().acquireLease('123456789012', 'scheduled-run-7', 120_000);
    const held = await resume(partial.executionId);
    expect([held.code, held.stderr]).toEqual([4, expect.stringContaining('is locked by scheduled-run-7 until')]);
    expect((await backend.store().loadExecution(partial.executionId))!.manifest.status).toBe('partial');
  });
});
