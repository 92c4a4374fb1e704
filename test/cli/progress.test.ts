import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/primitives/clock.js';
import { BACKENDS, cli, manifest } from './support/harness.js';
import { task } from './support/seed.js';

const ACCOUNT = '123456789012';

/** A running execution: 2 of 5 done (1 s each), 1 running, 2 pending. */
function runningExecution(atMs: number) {
  return manifest(ACCOUNT, atMs, {
    tasks: {
      a: task('a', 'succeeded', { durationMs: 1000 }),
      b: task('b', 'succeeded', { durationMs: 1000 }),
      c: task('c', 'running', { startedAt: new Date(atMs).toISOString() }),
      d: task('d', 'pending'),
      e: task('e', 'pending'),
    },
  });
}

describe.each(BACKENDS)('progress on the %s store', (_name, makeBackend) => {
  it('done/total, running, pending and an ETA; --json', async () => {
    const backend = await makeBackend();
    const seeded = runningExecution(Date.now());
    await backend.store().createExecution(seeded);
    const result = await cli(['progress', seeded.executionId, ...backend.args], { deps: backend.deps });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${seeded.executionId} running: 2/5 done (40%), 1 running, 2 pending · ETA 3.0 s\n  running: c\n`);
    const json = (await cli(['progress', seeded.executionId, ...backend.args, '--json'], { deps: backend.deps })).json();
    expect(json).toMatchObject({
      status: 'running',
      percent: 40,
      running: ['c'],
      etaMs: 3000,
      tasks: { total: 5, succeeded: 2, running: 1, pending: 2 },
    });
  });

  it('--watch follows a running execution to its end and exits with its outcome', async () => {
    const backend = await makeBackend();
    const store = backend.store();
    const seeded = runningExecution(Date.now());
    await store.createExecution(seeded);
    await store.acquireLease(ACCOUNT, 'runner-1', 600_000);
    // Each poll's pause moves the execution on: one more task done, then failed at the end.
    const steps = [
      (m: typeof seeded) => ({ ...m, tasks: { ...m.tasks, c: task('c', 'succeeded', { durationMs: 1000 }), d: task('d', 'running') } }),
      (m: typeof seeded) => ({ ...m, status: 'failed' as const, tasks: { ...m.tasks, d: task('d', 'failed'), e: task('e', 'skipped') } }),
    ];
    const clock: Clock = {
      now: () => Date.now(),
      sleep: async (ms) => {
        expect(ms).toBe(5000);
        const handle = (await store.loadExecution(seeded.executionId))!;
        await store.saveExecution({ manifest: steps.shift()!(handle.manifest), etag: handle.etag });
      },
    };
    const result = await cli(['progress', seeded.executionId, '--watch', '--interval-seconds', '5', ...backend.args], {
      deps: { ...backend.deps, clock },
    });
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      `${seeded.executionId} running: 2/5 done (40%), 1 running, 2 pending · ETA 3.0 s`,
      `${seeded.executionId} running: 3/5 done (60%), 1 running, 1 pending · ETA 2.0 s`,
      `${seeded.executionId} failed: 3/5 done (60%), 0 running, 0 pending, 1 failed, 1 skipped`,
    ]);
    expect(result.code).toBe(1);
  });

  it('--watch stops when no run holds the lease any more (a crashed run), and on a finished execution at once', async () => {
    const backend = await makeBackend();
    const seeded = runningExecution(Date.now());
    await backend.store().createExecution(seeded);
    const orphan = await cli(['progress', seeded.executionId, '--watch', ...backend.args], { deps: backend.deps });
    expect(orphan.code).toBe(0);
    expect(orphan.stderr).toContain(
      `No run holds account ${ACCOUNT}'s lease: the run that owned ${seeded.executionId} stopped. \`finops-aws resume ${seeded.executionId}\` continues it.`,
    );

    const finished = manifest(ACCOUNT, Date.now() - 5000, { status: 'completed', tasks: { a: task('a', 'succeeded') } });
    await backend.store().createExecution(finished);
    const done = await cli(['progress', finished.executionId, '--watch', '--json', ...backend.args], { deps: backend.deps });
    expect([done.code, done.stdout.trimEnd().split('\n').length]).toEqual([0, 1]);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'completed', etaMs: null, percent: 100 });
  });

  it('errors: --interval-seconds 0 (2), unknown id (3), malformed id (2)', async () => {
    const backend = await makeBackend();
    const bad = await cli(
      ['progress', 'exec_123456789012_20261125T060000Z_00000000', '--watch', '--interval-seconds', '0', ...backend.args],
      { deps: backend.deps },
    );
    expect([bad.code, bad.stderr]).toEqual([2, 'error: --interval-seconds must be a whole number from 1 to 3600, got "0"\n']);
    expect((await cli(['progress', 'exec_123456789012_20261125T060000Z_00000000', ...backend.args], { deps: backend.deps })).code).toBe(3);
    expect((await cli(['progress', 'exec_1_2_3', ...backend.args], { deps: backend.deps })).code).toBe(2);
  });
});
