import { describe, expect, it } from 'vitest';
import { BACKENDS, cli, manifest, tempDir, warpClock } from './support/harness.js';
import { hangUntilAborted, instrumentedDemo } from './support/instrumented.js';
import { completedRun, interruptedRun } from './support/scenarios.js';

const ACCOUNT = '123456789012';

describe.each(BACKENDS)('cancel on the %s store', (_name, makeBackend) => {
  it('a partial execution ends cancelled at once: unfinished tasks cancelled, never resumed by the next run', async () => {
    const backend = await makeBackend();
    const partial = await interruptedRun(backend);
    const result = await cli(['cancel', partial.executionId, ...backend.args], { deps: backend.deps });
    expect([result.code, result.stdout]).toEqual([
      0,
      `Cancelled ${partial.executionId} (was partial); its unfinished tasks will not run.\n`,
    ]);
    const after = (await backend.store().loadExecution(partial.executionId))!.manifest;
    expect([after.status, after.cancelRequested, typeof after.finishedAt]).toEqual(['cancelled', true, 'string']);
    expect(Object.values(after.tasks).some((t) => t.status === 'pending' || t.status === 'running')).toBe(false);
    expect(after.tasks['metrics:us-east-1']!.status).toBe('cancelled');
    for (const [id, t] of Object.entries(partial.tasks)) if (t.status === 'succeeded') expect(after.tasks[id]!.status).toBe('succeeded');

    // The next run starts a new execution instead of resuming the cancelled one.
    const next = await completedRun(backend);
    expect(next.executionId).not.toBe(partial.executionId);
  });

  it('a running execution whose run is gone (no live lease) is cancelled under the lease', async () => {
    const backend = await makeBackend();
    const orphan = manifest(ACCOUNT, Date.now() - 60_000);
    await backend.store().createExecution(orphan);
    const result = await cli(['cancel', orphan.executionId, ...backend.args, '--json'], { deps: backend.deps });
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({
      executionId: orphan.executionId,
      action: 'cancelled',
      previousStatus: 'running',
      status: 'cancelled',
      cancelRequested: true,
      lease: null,
    });
    expect((await backend.store().loadExecution(orphan.executionId))!.manifest.status).toBe('cancelled');
  });

  it('a live run is asked to stop: cancelRequested now, and the run ends the execution cancelled (exit 1)', async () => {
    const backend = await makeBackend();
    let hung!: () => void;
    const stuck = new Promise<void>((resolve) => (hung = resolve));
    const aws = instrumentedDemo({
      intercept: (call, signal) => {
        if (call !== 'cloudwatch[us-east-1].getMetricData') return undefined;
        hung();
        return hangUntilAborted(signal);
      },
    });
    // The run's clock runs 100× faster, so its 30-second cancel poll comes within a test.
    const running = cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('r'), '--json'], {
      deps: { ...backend.deps, adaptersFor: aws.adaptersFor, clock: warpClock(100) },
    });
    await stuck;
    const [execution] = await backend.store().listExecutions(ACCOUNT);
    const cancel = await cli(['cancel', execution!.executionId, ...backend.args], { deps: backend.deps });
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toMatch(
      new RegExp(
        `^Cancel requested for ${execution!.executionId}: the run holding account ${ACCOUNT} \\(locked by finops-aws run \\(pid \\d+ .* until .*\\) stops at its next checkpoint`,
      ),
    );

    const run = await running;
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ executionId: execution!.executionId, status: 'cancelled' });
    const after = (await backend.store().loadExecution(execution!.executionId))!.manifest;
    expect([after.status, after.cancelRequested]).toEqual(['cancelled', true]);
  });

  it('finished executions are left alone (exit 0); unknown id (3); malformed id (2)', async () => {
    const backend = await makeBackend();
    const done = await completedRun(backend);
    const again = await cli(['cancel', done.executionId, ...backend.args], { deps: backend.deps });
    expect([again.code, again.stdout]).toEqual([0, `Nothing to cancel: ${done.executionId} is already completed.\n`]);
    expect((await backend.store().loadExecution(done.executionId))!.manifest).toEqual(done);
    expect((await cli(['cancel', 'exec_123456789012_20261125T060000Z_00000000', ...backend.args], { deps: backend.deps })).code).toBe(3);
    expect((await cli(['cancel', 'exec_123456789012_20261125T060000Z_XYZ', ...backend.args], { deps: backend.deps })).code).toBe(2);
  });
});
