import { describe, expect, it } from 'vitest';
import { BACKENDS, cli, manifest, tempDir } from './support/harness.js';
import { failedRun, interruptedRun } from './support/scenarios.js';

const ACCOUNT = '123456789012';
const OTHER = '210987654321';
const HOUR = 3_600_000;

describe.each(BACKENDS)('latest on the %s store', (_name, makeBackend) => {
  it("one account: show, progress, breakers and cancel take latest as the account's latest execution", async () => {
    const backend = await makeBackend();
    const store = backend.store();
    const older = manifest(ACCOUNT, Date.now() - 2 * HOUR, { status: 'completed' });
    const newer = manifest(ACCOUNT, Date.now() - HOUR, { status: 'partial' });
    for (const m of [older, newer]) {
      await store.setLatest(ACCOUNT, m.executionId);
      await store.createExecution(m);
    }
    const run = (args: string[]) => cli([...args, ...backend.args, '--json'], { deps: backend.deps });

    expect((await run(['show', 'latest'])).json().executionId).toBe(newer.executionId);
    expect((await run(['progress', 'latest'])).json().executionId).toBe(newer.executionId);
    expect((await run(['breakers', `latest:${ACCOUNT}`])).json().executionId).toBe(newer.executionId);
    const cancel = await run(['cancel', 'latest']);
    expect([cancel.code, cancel.json().executionId, cancel.json().action]).toEqual([0, newer.executionId, 'cancelled']);
    expect((await store.loadExecution(older.executionId))!.manifest.status).toBe('completed');
  });

  it("resume latest and retry latest continue the account's latest execution", async () => {
    const backend = await makeBackend();
    const partial = await interruptedRun(backend);
    const resumed = await cli(['resume', 'latest', '--demo', ...backend.args, '--report-dir', await tempDir('r'), '--json'], {
      deps: backend.deps,
    });
    expect([resumed.code, resumed.json().executionId, resumed.json().status]).toEqual([0, partial.executionId, 'completed']);

    const failed = await failedRun(backend, (call) => call === 'ec2[ap-southeast-2].listInstances');
    const retried = await cli(['retry', 'latest', '--demo', '--no-run', ...backend.args, '--json'], { deps: backend.deps });
    expect([retried.code, retried.json().executionId]).toEqual([0, failed.executionId]);
    expect(retried.json().reopened).toContain('ec2-inventory:ap-southeast-2');
  });

  it('several accounts: latest is a usage error listing them (exit 2); latest:ACCOUNT picks one', async () => {
    const backend = await makeBackend();
    const store = backend.store();
    const ours = manifest(ACCOUNT, Date.now() - HOUR);
    const theirs = manifest(OTHER, Date.now() - 2 * HOUR);
    for (const m of [ours, theirs]) {
      await store.setLatest(m.accountId, m.executionId);
      await store.createExecution(m);
    }
    const ambiguous = await cli(['show', 'latest', ...backend.args], { deps: backend.deps });
    expect(ambiguous).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `error: latest: ${store.location} holds executions of 2 accounts (${ACCOUNT}, ${OTHER}); name one, e.g. latest:${ACCOUNT}\n`,
    });
    const picked = await cli(['show', `latest:${OTHER}`, ...backend.args, '--json'], { deps: backend.deps });
    expect([picked.code, picked.json().executionId]).toEqual([0, theirs.executionId]);
  });

  it('no latest execution: not found (exit 3); a pointer to an execution that is gone does not count', async () => {
    const backend = await makeBackend();
    const store = backend.store();
    const empty = await cli(['show', 'latest', ...backend.args], { deps: backend.deps });
    expect([empty.code, empty.stderr]).toEqual([3, `error: latest: no execution in ${store.location}\n`]);
    const none = await cli(['progress', `latest:${OTHER}`, ...backend.args], { deps: backend.deps });
    expect([none.code, none.stderr]).toEqual([3, `error: latest:${OTHER}: account ${OTHER} has no execution in ${store.location}\n`]);

    // OTHER's pointer names an execution never created (a run that crashed between the two writes).
    await store.setLatest(OTHER, manifest(OTHER, Date.now() - HOUR).executionId);
    const ours = manifest(ACCOUNT, Date.now() - HOUR);
    await store.setLatest(ACCOUNT, ours.executionId);
    await store.createExecution(ours);
    const found = await cli(['show', 'latest', ...backend.args, '--json'], { deps: backend.deps });
    expect([found.code, found.json().executionId]).toEqual([0, ours.executionId]);
  });
});

describe('latest:ACCOUNT', () => {
  it('must name an account id: usage error (exit 2) before the store is read', async () => {
    const result = await cli(['show', 'latest:not_an_account', '--state-dir', await tempDir('s')]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'error: EXEC_ID "latest:not_an_account": expected latest:ACCOUNT with a 12-digit AWS account id, such as latest:123456789012\n',
    ]);
  });
});
