import { describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/state/state-store.js';
import { BACKENDS, cli, manifest } from './support/harness.js';
import { task } from './support/seed.js';

const ACCOUNT = '123456789012';
const OTHER = '210987654321';
const DAY = 86_400_000;
const NOW = Date.now();

/** Ours: two old (completed 40 days, failed 35 days, with stored results) and one recent; theirs: one old. */
async function seed(store: StateStore) {
  const old = manifest(ACCOUNT, NOW - 40 * DAY, { status: 'completed', tasks: { a: task('a', 'succeeded'), b: task('b', 'succeeded') } });
  const oldFailed = manifest(ACCOUNT, NOW - 35 * DAY, { status: 'failed' });
  const recent = manifest(ACCOUNT, NOW - DAY, { status: 'completed' });
  const theirs = manifest(OTHER, NOW - 40 * DAY, { status: 'completed' });
  for (const m of [old, oldFailed, recent, theirs]) await store.createExecution(m);
  await store.putResultBatch(old.executionId, 'r0001-000001', new Map([['a', { n: 1 }]]));
  await store.putResultBatch(old.executionId, 'r0001-000002', new Map([['b', { n: 2 }]]));
  return { old, oldFailed, recent, theirs };
}

const ids = async (store: StateStore, account?: string) => (await store.listExecutions(account)).map((m) => m.executionId).sort();

describe.each(BACKENDS)('cleanup on the %s store', (_name, makeBackend) => {
  it('--dry-run lists what would go and deletes nothing', async () => {
    const backend = await makeBackend();
    const store = backend.store();
    const { old, oldFailed } = await seed(store);
    const before = await ids(store);
    const result = await cli(['cleanup', ACCOUNT, '--days', '30', '--dry-run', ...backend.args], { deps: backend.deps });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^Would remove 2 execution\\(s\\) of account ${ACCOUNT} not updated for 30 day\\(s\\) \\(dry run: nothing deleted\\):\\nEXECUTION +STATUS +STARTED +UPDATED\\n${oldFailed.executionId} +failed .*\\n${old.executionId} +completed `,
      ),
    );
    expect(await ids(store)).toEqual(before);
    expect(await store.getResult(old.executionId, 'a')).toEqual({ n: 1 });
  });

  it("removes only that account's old executions with their results, prints them, and never touches another account", async () => {
    const backend = await makeBackend();
    const store = backend.store();
    const { old, oldFailed, recent, theirs } = await seed(store);
    const result = await cli(['cleanup', ACCOUNT, '--days', '30', ...backend.args, '--json'], { deps: backend.deps });
    expect(result.code).toBe(0);
    const out = result.json();
    expect(out).toMatchObject({ dryRun: false, days: 30, account: ACCOUNT, skipped: [] });
    expect(out.removed.map((r: { executionId: string }) => r.executionId)).toEqual([oldFailed.executionId, old.executionId]);
    expect(out.removed[1].objects).toBe(3); // manifest and two result batches
    expect(await ids(store)).toEqual([recent.executionId, theirs.executionId].sort());
    expect(await store.getResult(old.executionId, 'a')).toBeUndefined();

    // Another account's cleanup removes nothing of ours; without ACCOUNT every account is cleaned.
    const nobody = await cli(['cleanup', '999999999999', '--days', '1', ...backend.args], { deps: backend.deps });
    expect(nobody.stdout).toMatch(/^No executions of account 999999999999 older than 1 day\(s\) in /);
    expect(await ids(store)).toEqual([recent.executionId, theirs.executionId].sort());
    const everyone = await cli(['cleanup', '--days', '30', ...backend.args], { deps: backend.deps });
    expect(everyone.stdout).toContain(`Removed 1 execution(s) not updated for 30 day(s) from ${store.location}:`);
    expect(everyone.stdout).toMatch(new RegExp(`${theirs.executionId} +completed .* +1\\n`));
    expect(await ids(store)).toEqual([recent.executionId]);
  });

  it("an account a run holds (live lease) is skipped whole, named, exit 4; a dead run's old execution is removed", async () => {
    const backend = await makeBackend();
    const store = backend.store();
    const { old, oldFailed } = await seed(store);
    const stale = manifest(OTHER, NOW - 50 * DAY, { executionId: `exec_${OTHER}_20200101T000000Z_0000beef` });
    await store.createExecution(stale);
    await store.acquireLease(ACCOUNT, 'nightly-12', 120_000);

    const dry = await cli(['cleanup', '--days', '30', '--dry-run', ...backend.args, '--json'], { deps: backend.deps });
    expect(dry.code).toBe(4);
    expect(
      dry
        .json()
        .skipped.map((s: { executionId: string }) => s.executionId)
        .sort(),
    ).toEqual([old.executionId, oldFailed.executionId].sort());

    const result = await cli(['cleanup', '--days', '30', ...backend.args], { deps: backend.deps });
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/Skipped 2 execution\(s\): account locked by nightly-12 until \S+; a run is working on the account/);
    expect(await ids(store, ACCOUNT)).toEqual(expect.arrayContaining([old.executionId, oldFailed.executionId]));
    // The stale `running` one has no live lease on its account: it goes.
    expect(await ids(store, OTHER)).toEqual([]);
  });

  it('reads every page of the listing', async () => {
    const backend = await makeBackend();
    const store = backend.store();
    for (let i = 0; i < 7; i++) await store.createExecution(manifest(ACCOUNT, NOW - (40 + i) * DAY, { status: 'completed' }));
    const result = await cli(['cleanup', '--days', '30', ...backend.args, '--json'], { deps: { ...backend.deps, s3PageSize: 2 } });
    expect(result.json().removed.length).toBe(7);
    expect(await store.listExecutions()).toEqual([]);
  });

  it('errors: --days missing, zero or not a number (2); a bad ACCOUNT (2)', async () => {
    const backend = await makeBackend();
    const missing = await cli(['cleanup', ...backend.args], { deps: backend.deps });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("required option '--days <n>' not specified")]);
    const zero = await cli(['cleanup', '--days', '0', ...backend.args], { deps: backend.deps });
    expect([zero.code, zero.stderr]).toEqual([2, 'error: --days must be a whole number from 1 to 3650, got "0"\n']);
    expect((await cli(['cleanup', '--days', 'ninety', ...backend.args], { deps: backend.deps })).code).toBe(2);
    expect((await cli(['cleanup', 'acct/../x', '--days', '3', ...backend.args], { deps: backend.deps })).code).toBe(2);
  });
});
