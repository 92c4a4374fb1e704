import { describe, expect, it } from 'vitest';
import { BACKENDS, cli, manifest } from './support/harness.js';
import { mixedExecution } from './support/seed.js';

const ACCOUNT = '123456789012';

describe.each(BACKENDS)('show on the %s store', (_name, makeBackend) => {
  it('prints the header, the task table, the breakers that matter and what is pending', async () => {
    const backend = await makeBackend();
    const seeded = mixedExecution();
    await backend.store().createExecution(seeded);
    const result = await cli(['show', seeded.executionId, ...backend.args], { deps: backend.deps });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain(`Execution  ${seeded.executionId}\nAccount    ${ACCOUNT}\n`);
    expect(out).toContain(`Status     failed — 1 task(s) failed; \`finops-aws retry ${seeded.executionId}\` runs them again`);
    expect(out).toContain('Duration   1m 01s');
    expect(out).toContain('Runs       2\nTrigger    schedule');
    expect(out).toMatch(/TASK +TYPE +STATUS +ATTEMPTS +DURATION +ERROR/);
    expect(out).toMatch(/ec2-inventory:us-east-1 +ec2-inventory +failed +3 +12\.3 s +DescribeInstances: \[31mbad \[0m filter/);
    expect(out).toMatch(/ebs-inventory:us-east-1 +ebs-inventory +skipped +0 +— +circuit breaker aws:ec2 is open until/);
    // Terminal escapes from AWS text never reach the terminal.
    expect(out).not.toContain('\u001b');
    expect(out).toMatch(
      /Breakers:\nBREAKER +STATE +FAILURES +OPENED +LAST ERROR\naws:ec2 +open +3 +2026-11-25 06:00 UTC +DescribeInstances: bad filter\n/,
    );
    expect(out).not.toMatch(/^cost-daily +closed/m);
    expect(out).toContain('Pending (1): metrics:us-east-1');

    const json = (await cli(['show', seeded.executionId, ...backend.args, '--json'], { deps: backend.deps })).json();
    expect(json).toMatchObject({
      executionId: seeded.executionId,
      status: 'failed',
      pending: ['metrics:us-east-1'],
      lease: null,
      summary: { tasks: { total: 4, failed: 1, skipped: 1, pending: 1 } },
    });
    expect(json.tasks['ec2-inventory:us-east-1'].error.message).toContain('\u001b[31m');
  });

  it('a running execution: who holds the lease, or that its run is gone', async () => {
    const backend = await makeBackend();
    const running = manifest(ACCOUNT, Date.now() - 60_000);
    await backend.store().createExecution(running);
    const orphan = await cli(['show', running.executionId, ...backend.args], { deps: backend.deps });
    expect(orphan.stdout).toContain(
      `no run holds the account's lease: the run that owned this execution stopped; \`finops-aws resume ${running.executionId}\` continues it`,
    );
    await backend.store().acquireLease(ACCOUNT, 'runner-17', 120_000);
    const live = await cli(['show', running.executionId, ...backend.args, '--json'], { deps: backend.deps });
    expect(live.json().lease).toMatchObject({ holder: 'runner-17', accountId: ACCOUNT });
    expect(live.json().hint).toMatch(/^a run holds the account \(runner-17 until /);
  });

  it('errors: unknown id (3), malformed id (2), missing id (2)', async () => {
    const backend = await makeBackend();
    const unknown = await cli(['show', 'exec_123456789012_20261125T060000Z_00000000', ...backend.args], { deps: backend.deps });
    expect([unknown.code, unknown.stderr]).toEqual([
      3,
      expect.stringMatching(/^error: execution exec_123456789012_20261125T060000Z_00000000 not found in /),
    ]);
    const malformed = await cli(['show', 'exec_123456789012_20261325T060000Z_00000000', ...backend.args], { deps: backend.deps });
    expect([malformed.code, malformed.stderr]).toEqual([2, expect.stringContaining('EXEC_ID: invalid execution id')]);
    const missing = await cli(['show', ...backend.args], { deps: backend.deps });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("missing required argument 'exec-id'")]);
  });
});
