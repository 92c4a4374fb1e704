import { describe, expect, it } from 'vitest';
import { BACKENDS, cli, manifest } from './support/harness.js';

const ACCOUNT = '123456789012';
const OTHER = '210987654321';
const DAY = 86_400_000;
const NOW = Date.now();

describe.each(BACKENDS)('list on the %s store', (_name, makeBackend) => {
  it('newest first with status, start, duration and tasks done/total; ACCOUNT narrows to that account', async () => {
    const backend = await makeBackend();
    const store = backend.store();
    const done = (id: string, status: 'succeeded' | 'failed' | 'pending') => ({
      id,
      type: id.split(':')[0]!,
      status,
      attempts: status === 'pending' ? 0 : 1,
      dependsOn: [],
      optionalDependsOn: [],
    });
    const older = manifest(ACCOUNT, NOW - 3 * DAY, {
      status: 'failed',
      finishedAt: new Date(NOW - 3 * DAY + 95_000).toISOString(),
      tasks: { a: done('a', 'succeeded'), 'b:us-east-1': done('b:us-east-1', 'failed') },
    });
    const newer = manifest(ACCOUNT, NOW - DAY, {
      status: 'partial',
      updatedAt: new Date(NOW - DAY + 4_000).toISOString(),
      tasks: { a: done('a', 'succeeded'), c: done('c', 'pending') },
    });
    const theirs = manifest(OTHER, NOW - 2 * DAY, { status: 'completed' });
    for (const m of [older, newer, theirs]) await store.createExecution(m);

    const all = await cli(['list', ...backend.args], { deps: backend.deps });
    expect(all.code).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^EXECUTION +STATUS +STARTED +DURATION +TASKS DONE$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual([newer.executionId, theirs.executionId, older.executionId]);
    expect(lines[3]).toMatch(/failed +\d{4}-\d\d-\d\d \d\d:\d\d UTC +1m 35s +1\/2 \(1 failed\)$/);
    expect(lines[1]).toMatch(/partial +.* 4\.0 s +1\/2$/);

    const ours = await cli(['list', ACCOUNT, ...backend.args, '--json'], { deps: backend.deps });
    expect(ours.json().map((e: { executionId: string }) => e.executionId)).toEqual([newer.executionId, older.executionId]);
    expect(ours.json()[1]).toMatchObject({
      accountId: ACCOUNT,
      status: 'failed',
      durationMs: 95_000,
      tasks: { total: 2, succeeded: 1, failed: 1 },
    });

    // Another account's listing shows nothing of ours.
    const theirList = await cli(['list', OTHER, ...backend.args, '--json'], { deps: backend.deps });
    expect(theirList.json().map((e: { executionId: string }) => e.executionId)).toEqual([theirs.executionId]);
    const nobody = await cli(['list', '999999999999', ...backend.args], { deps: backend.deps });
    expect(nobody.stdout).toMatch(/^No executions of account 999999999999 in /);
  });

  it('an empty store, a bad ACCOUNT (2), and an unknown flag (2)', async () => {
    const backend = await makeBackend();
    const empty = await cli(['list', ...backend.args, '--json'], { deps: backend.deps });
    expect([empty.code, empty.json()]).toEqual([0, []]);
    const bad = await cli(['list', '12345_bad', ...backend.args], { deps: backend.deps });
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'error: ACCOUNT "12345_bad" is not an account id: expected a 12-digit AWS account id such as 123456789012\n',
    ]);
    const flag = await cli(['list', '--limit', '3', ...backend.args], { deps: backend.deps });
    expect(flag.code).toBe(2);
  });

  it('Ctrl-C while reading: exit 130', async () => {
    const backend = await makeBackend();
    await backend.store().createExecution(manifest(ACCOUNT, NOW));
    const result = await cli(['list', ...backend.args], { deps: { ...backend.deps, signal: AbortSignal.abort(new Error('SIGINT')) } });
    expect([result.code, result.stderr]).toEqual([130, 'error: interrupted\n']);
  });

  it('reads past the first page of the listing', async () => {
    const backend = await makeBackend();
    const store = backend.store();
    for (let i = 0; i < 7; i++) await store.createExecution(manifest(ACCOUNT, NOW - i * 60_000));
    const result = await cli(['list', ...backend.args, '--json'], { deps: { ...backend.deps, s3PageSize: 2 } });
    expect(result.json().length).toBe(7);
  });
});
