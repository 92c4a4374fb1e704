import { expect, it } from 'vitest';
import { InvalidStateKeyError, PreconditionFailedError } from '../../src/primitives/errors.js';
import { StateStore } from '../../src/state/state-store.js';
import { FakeClock } from './fake-clock.js';
import { ACCOUNT, OTHER_ACCOUNT, collect, executionId, manifest } from './fixtures.js';
import type { StoreFactory } from './store-contract.js';

const HOUR = 3_600_000;

export function executionContract(factory: StoreFactory): void {
  const open = async (pageSize?: number) => {
    const clock = new FakeClock();
    const warnings: string[] = [];
    const objects = await factory.create(pageSize ? { pageSize } : {});
    return { clock, warnings, objects, store: new StateStore(objects, { clock, onWarning: (m) => warnings.push(m) }) };
  };

  it('creates, loads and saves a manifest with etags; a stale save conflicts', async () => {
    const { store, clock } = await open();
    const m = manifest(ACCOUNT, clock.now());
    const created = await store.createExecution(m);
    expect(await store.createExecution(m)).toEqual(created); // a retried create that had landed
    await expect(store.createExecution({ ...m, runs: 2 })).rejects.toBeInstanceOf(PreconditionFailedError);
    const loaded = await store.loadExecution(m.executionId);
    expect(loaded).toEqual(created);
    clock.time += 5000;
    const saved = await store.saveExecution({ ...created, manifest: { ...created.manifest, status: 'partial' } });
    expect(saved.manifest.updatedAt).toBe(new Date(clock.now()).toISOString());
    expect((await store.loadExecution(m.executionId))?.manifest.status).toBe('partial');
    await expect(store.saveExecution(created)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(store.location).toBe(store.objects.location);
  });

  it('answers undefined for an execution that does not exist, and refuses malformed ids', async () => {
    const { store } = await open();
    expect(await store.loadExecution(executionId(ACCOUNT, Date.now()))).toBeUndefined();
    for (const bad of ['../../etc', 'exec_123456789012_20261325T000000Z_0000abcd', 'exec_12/3_20261125T060000Z_0000abcd', 'x']) {
      await expect(store.loadExecution(bad)).rejects.toBeInstanceOf(InvalidStateKeyError);
    }
  });

  it("lists only the given account's executions, newest first, across pages", async () => {
    const { store, clock } = await open(3);
    const t0 = clock.now();
    const mine = [0, 5, 2, 9, 1].map((h) => manifest(ACCOUNT, t0 + h * HOUR));
    const theirs = [3, 4].map((h) => manifest(OTHER_ACCOUNT, t0 + h * HOUR));
    for (const m of [...mine, ...theirs]) await store.createExecution(m);
    await store.putResultBatch(mine[0]!.executionId, 'r0001-000001', new Map([['cost-analysis', { total: 1 }]]));
    const listed = await store.listExecutions(ACCOUNT);
    expect(listed.map((m) => m.executionId)).toEqual([9, 5, 2, 1, 0].map((h) => executionId(ACCOUNT, t0 + h * HOUR)));
    const all = await store.listExecutions();
    expect(all.map((m) => m.createdAt)).toEqual([9, 5, 4, 3, 2, 1, 0].map((h) => new Date(t0 + h * HOUR).toISOString()));
  });

  it('deletes one execution (manifest and results) and nothing else', async () => {
    const { store, objects, clock } = await open(2);
    const doomed = manifest(ACCOUNT, clock.now());
    const kept = manifest(ACCOUNT, clock.now() + HOUR);
    for (const m of [doomed, kept]) {
      await store.createExecution(m);
      await store.putResultBatch(m.executionId, 'r0001-000001', new Map([['cost-analysis', { m: m.executionId }]]));
      await store.putResultBatch(m.executionId, 'r0001-000002', new Map([['ec2-inventory:us-east-1', []]]));
    }
    await store.setLatest(ACCOUNT, kept.executionId);
    const removed = await store.deleteExecution(doomed.executionId);
    expect(removed).toEqual([
      `executions/${doomed.executionId}/results/r0001-000001.json`,
      `executions/${doomed.executionId}/results/r0001-000002.json`,
      `executions/${doomed.executionId}/manifest.json`,
    ]);
    expect(await store.loadExecution(doomed.executionId)).toBeUndefined();
    expect(await collect(objects.list(`executions/${doomed.executionId}/`))).toEqual([]);
    expect(await store.getResult(kept.executionId, 'cost-analysis')).toEqual({ m: kept.executionId });
    expect((await store.getLatest(ACCOUNT))?.executionId).toBe(kept.executionId);
    expect(await store.deleteExecution(doomed.executionId)).toEqual([]);
  });

  it('keeps a latest pointer per account', async () => {
    const { store, clock } = await open();
    expect(await store.getLatest(ACCOUNT)).toBeUndefined();
    const m = manifest(ACCOUNT, clock.now());
    await store.createExecution(m);
    await store.setLatest(ACCOUNT, m.executionId);
    expect(await store.getLatest(ACCOUNT)).toEqual(m);
    expect(await store.getLatest(OTHER_ACCOUNT)).toBeUndefined();
    await expect(store.setLatest(OTHER_ACCOUNT, m.executionId)).rejects.toBeInstanceOf(InvalidStateKeyError);
  });

  it('writes a result batch once: a second write under the name answers exists and the original stays', async () => {
    const { store, clock } = await open();
    const m = manifest(ACCOUNT, clock.now());
    await store.createExecution(m);
    const first = new Map([['ec2-inventory:us-east-1', { instances: ['i-1'] }]]);
    expect(await store.putResultBatch(m.executionId, 'r0001-000001', first)).toBe('written');
    // The same bytes again (a retried PUT whose first try landed) count as written.
    expect(await store.putResultBatch(m.executionId, 'r0001-000001', first)).toBe('written');
    clock.advance(1000);
    expect(await store.putResultBatch(m.executionId, 'r0001-000001', new Map([['ec2-inventory:us-east-1', { instances: ['i-2'] }]]))).toBe(
      'exists',
    );
    expect(await store.getResult(m.executionId, 'ec2-inventory:us-east-1')).toEqual({ instances: ['i-1'] });
    const racing = await Promise.all(
      [1, 2, 3].map((n) => store.putResultBatch(m.executionId, 'r0001-000002', new Map([['cost-analysis', { n }]]))),
    );
    expect(racing.filter((r) => r === 'written')).toHaveLength(1);
    expect(await store.resultBatchNames(m.executionId)).toEqual(['r0001-000001', 'r0001-000002']);
    expect(await store.getResult(m.executionId, 'ebs-unattached')).toBeUndefined();
    await expect(store.putResultBatch(m.executionId, 'r0001-000003', new Map([['../x', {}]]))).rejects.toBeInstanceOf(InvalidStateKeyError);
    await expect(store.putResultBatch(m.executionId, '../x', new Map())).rejects.toBeInstanceOf(InvalidStateKeyError);
  });

  it('splits stored results by whether the manifest records their batch, the latest batch winning', async () => {
    const { store, clock } = await open();
    const m = manifest(ACCOUNT, clock.now());
    await store.createExecution(m);
    await store.putResultBatch(
      m.executionId,
      'r0001-000001',
      new Map<string, unknown>([
        ['a', 1],
        ['b', 1],
      ]),
    );
    await store.putResultBatch(m.executionId, 'r0002-000001', new Map<string, unknown>([['b', 2]]));
    await store.putResultBatch(m.executionId, 'r0002-000002', new Map<string, unknown>([['c', 2]]));
    const stored = await store.loadResults({ executionId: m.executionId, resultBatches: ['r0001-000001', 'r0002-000001'] });
    expect(stored.recorded).toEqual(
      new Map<string, unknown>([
        ['a', 1],
        ['b', 2],
      ]),
    );
    expect(stored.unrecorded).toEqual(new Map<string, unknown>([['c', 2]]));
    expect(stored.unrecordedBatches).toEqual(['r0002-000002']);
  });

  it('caches values with a TTL on the injected clock', async () => {
    const { store, clock } = await open();
    const cache = store.cache();
    expect(store.cache()).toBe(cache);
    await cache.put('ce/2026-10/UnblendedCost', { total: 12.34 });
    await cache.put('pricing/ec2/us-east-1', { m5: 0.096 }, 60_000);
    expect(await cache.get('ce/2026-10/UnblendedCost')).toEqual({ total: 12.34 });
    expect(await cache.get('pricing/ec2/us-east-1')).toEqual({ m5: 0.096 });
    clock.time += 60_000;
    expect(await cache.get('pricing/ec2/us-east-1')).toBeUndefined();
    expect(await cache.get('ce/2026-10/UnblendedCost')).toEqual({ total: 12.34 });
    expect(await cache.get('absent')).toBeUndefined();
    await expect(cache.put('../up', 1)).rejects.toBeInstanceOf(InvalidStateKeyError);
  });
}
