import { describe, expect, it } from 'vitest';
import { BACKENDS, cli } from './support/harness.js';
import { mixedExecution } from './support/seed.js';

describe.each(BACKENDS)('breakers on the %s store', (_name, makeBackend) => {
  it('shows every breaker; --reset closes one, persisted; --reset-all closes the rest', async () => {
    const backend = await makeBackend();
    const seeded = mixedExecution();
    seeded.breakers['aws:cloudwatch'] = { state: 'half-open', consecutiveFailures: 3 };
    await backend.store().createExecution(seeded);
    const id = seeded.executionId;

    const shown = await cli(['breakers', id, ...backend.args], { deps: backend.deps });
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\n')).toEqual([
      expect.stringMatching(/^BREAKER +STATE +FAILURES +OPENED +LAST ERROR$/),
      expect.stringMatching(/^aws:cloudwatch +half-open +3 +—$/),
      expect.stringMatching(/^aws:ec2 +open +3 +2026-11-25 06:00 UTC +DescribeInstances: bad filter$/),
      'Closed, no failures: cost-daily',
      '',
    ]);

    const one = await cli(['breakers', id, '--reset', 'aws:ec2', ...backend.args, '--json'], { deps: backend.deps });
    expect(one.code).toBe(0);
    expect(one.json()).toMatchObject({
      reset: ['aws:ec2'],
      breakers: { 'aws:ec2': { state: 'closed', consecutiveFailures: 0 }, 'aws:cloudwatch': { state: 'half-open' } },
    });
    const stored = (await backend.store().loadExecution(id))!.manifest;
    expect(stored.breakers['aws:ec2']).toEqual({ state: 'closed', consecutiveFailures: 0 });
    expect(stored.tasks).toEqual(seeded.tasks);

    const all = await cli(['breakers', id, '--reset-all', ...backend.args], { deps: backend.deps });
    expect(all.stdout).toBe('Closed: aws:ec2, cost-daily, aws:cloudwatch\nAll 3 breakers closed, no failures.\n');
    expect(
      Object.values((await backend.store().loadExecution(id))!.manifest.breakers).every(
        (b) => b.state === 'closed' && b.consecutiveFailures === 0,
      ),
    ).toBe(true);
  });

  it('errors: unknown breaker (2, lists the known ones), --reset with --reset-all (2), lease held (4), unknown id (3), malformed id (2)', async () => {
    const backend = await makeBackend();
    const seeded = mixedExecution();
    await backend.store().createExecution(seeded);
    const id = seeded.executionId;

    const unknown = await cli(['breakers', id, '--reset', 'aws:s3', ...backend.args], { deps: backend.deps });
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      `error: --reset: ${id} has no breaker "aws:s3"; its breakers are aws:ec2, cost-daily\n`,
    ]);
    const both = await cli(['breakers', id, '--reset', 'aws:ec2', '--reset-all', ...backend.args], { deps: backend.deps });
    expect([both.code, both.stderr]).toEqual([
      2,
      expect.stringContaining("option '--reset-all' cannot be used with option '--reset <key>'"),
    ]);

    await backend.store().acquireLease('123456789012', 'nightly-3', 120_000);
    const held = await cli(['breakers', id, '--reset', 'aws:ec2', ...backend.args], { deps: backend.deps });
    expect([held.code, held.stderr]).toEqual([4, expect.stringContaining('is locked by nightly-3 until')]);
    expect((await backend.store().loadExecution(id))!.manifest.breakers['aws:ec2']!.state).toBe('open');
    // Showing needs no lease.
    expect((await cli(['breakers', id, ...backend.args], { deps: backend.deps })).code).toBe(0);

    expect((await cli(['breakers', 'exec_123456789012_20261125T060000Z_00000000', ...backend.args], { deps: backend.deps })).code).toBe(3);
    expect((await cli(['breakers', 'not-an-id', ...backend.args], { deps: backend.deps })).code).toBe(2);
  });
});
