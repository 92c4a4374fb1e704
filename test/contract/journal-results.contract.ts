import { expect, it } from 'vitest';
import { StoreJournal } from '../../src/state/journal-store.js';
import type { ObjectStore } from '../../src/state/object-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { FakeClock } from './fake-clock.js';
import { ACCOUNT, manifest } from './fixtures.js';
import type { StoreFactory } from './store-contract.js';

/** Counts listings and can fail the next result-batch PUTs, over a real backend. */
function instrumented(objects: ObjectStore) {
  const counts = { lists: 0, batchPuts: 0 };
  let failBatchPuts = 0;
  const store: ObjectStore = {
    location: objects.location,
    get: (key, signal) => objects.get(key, signal),
    delete: (key, signal) => objects.delete(key, signal),
    list(prefix, signal) {
      counts.lists++;
      return objects.list(prefix, signal);
    },
    async put(key, body, condition, signal, options) {
      if (key.includes('/results/')) {
        counts.batchPuts++;
        if (failBatchPuts > 0) {
          failBatchPuts--;
          throw new Error('503 SlowDown');
        }
      }
      return objects.put(key, body, condition, signal, options);
    },
  };
  return { store, counts, failNextBatchPuts: (n: number) => (failBatchPuts = n) };
}

export function journalResultsContract(factory: StoreFactory): void {
  const open = async () => {
    const clock = new FakeClock();
    const objects = instrumented(await factory.create());
    const store = new StateStore(objects.store, { clock, onWarning: () => undefined });
    const handle = await store.createExecution(manifest(ACCOUNT, clock.now()));
    return { clock, store, handle, objects, id: handle.manifest.executionId };
  };

  it('stores a result with the checkpoint that records its task succeeded, never before', async () => {
    const { store, handle, objects, id } = await open();
    const journal = new StoreJournal(store, handle, { created: true });
    expect(await journal.storedResultIds()).toEqual(new Set());
    expect(objects.counts.lists).toBe(0); // a new execution has nothing stored: no listing
    const saved = journal.saveResult('cost-analysis', { total: 1 });
    let isStored = false;
    void saved.stored?.then(() => (isStored = true));
    expect(saved.result).toEqual({ total: 1 });
    // An abandoned attempt finishing after its retry: no overwrite, no error, the first stands.
    expect(journal.saveResult('cost-analysis', { total: 2 }).result).toEqual({ total: 1 });
    expect(await journal.loadResult('cost-analysis')).toEqual({ total: 1 });

    journal.manifest.tasks['cost-analysis']!.status = 'running';
    journal.changed();
    await journal.flush();
    expect(await store.resultBatchNames(id)).toEqual([]);
    expect(isStored).toBe(false);

    journal.manifest.tasks['cost-analysis']!.status = 'succeeded';
    journal.changed();
    await journal.flush();
    expect(await store.resultBatchNames(id)).toEqual(['r0001-000001']);
    const stored = (await store.loadExecution(id))!.manifest;
    expect(stored.resultBatches).toEqual(['r0001-000001']);
    expect(await store.getResult(id, 'cost-analysis')).toEqual({ total: 1 });
    expect(isStored).toBe(true);

    // Nothing new succeeded: the next checkpoint writes no batch.
    journal.manifest.tasks['ec2-inventory:us-east-1']!.status = 'running';
    journal.changed();
    await journal.flush();
    expect(objects.counts.batchPuts).toBe(1);
  });

  it('puts every result that succeeded between two checkpoints into one batch', async () => {
    const { store, handle, objects, id } = await open();
    const journal = new StoreJournal(store, handle, { created: true });
    for (const taskId of ['cost-analysis', 'ec2-inventory:us-east-1']) {
      journal.saveResult(taskId, { taskId });
      journal.manifest.tasks[taskId]!.status = 'succeeded';
    }
    journal.changed();
    await journal.flush();
    expect(objects.counts.batchPuts).toBe(1);
    expect((await store.loadResults((await store.loadExecution(id))!.manifest)).recorded).toEqual(
      new Map([
        ['cost-analysis', { taskId: 'cost-analysis' }],
        ['ec2-inventory:us-east-1', { taskId: 'ec2-inventory:us-east-1' }],
      ]),
    );
  });

  it('a failed batch write leaves the manifest as it was, and the next checkpoint stores both', async () => {
    const { store, handle, objects, id } = await open();
    const journal = new StoreJournal(store, handle, { created: true, onError: () => undefined });
    journal.saveResult('cost-analysis', { total: 1 });
    journal.manifest.tasks['cost-analysis']!.status = 'succeeded';
    objects.failNextBatchPuts(2); // the background write and the one flush() tries itself
    journal.changed();
    await expect(journal.flush()).rejects.toThrow('503 SlowDown');
    // The stored manifest does not claim a success whose result is not stored.
    expect((await store.loadExecution(id))!.manifest.tasks['cost-analysis']!.status).toBe('pending');
    journal.changed();
    await journal.flush();
    const stored = (await store.loadExecution(id))!.manifest;
    expect(stored.tasks['cost-analysis']!.status).toBe('succeeded');
    expect(await store.getResult(id, 'cost-analysis')).toEqual({ total: 1 });
    expect(stored.resultBatches).toHaveLength(1);
  });

  it('a task with nothing to return (null) has a stored result on resume, not a missing one', async () => {
    const { store, handle, id } = await open();
    const journal = new StoreJournal(store, handle, { created: true });
    journal.saveResult('cost-analysis', null);
    journal.manifest.tasks['cost-analysis']!.status = 'succeeded';
    journal.changed();
    await journal.flush();
    const resumed = new StoreJournal(store, (await store.loadExecution(id))!);
    expect(await resumed.loadResult('cost-analysis')).toBeNull();
    expect(await resumed.loadResult('ec2-inventory:us-east-1')).toBeUndefined();
    expect(await store.getResult(id, 'cost-analysis')).toBeNull();
    // Also from a batch its run stored before it could checkpoint.
    await store.putResultBatch(id, 'r0002-000001', new Map([['ec2-inventory:us-east-1', null]]));
    const adopting = new StoreJournal(store, (await store.loadExecution(id))!);
    expect(await adopting.storedResultIds()).toEqual(new Set(['ec2-inventory:us-east-1']));
    expect(await adopting.loadResult('ec2-inventory:us-east-1')).toBeNull();
  });

  it('on resume, adopts a batch its run stored before it could checkpoint, and records it', async () => {
    const { store, handle, id } = await open();
    // The run stored the batch, then was killed before the manifest write.
    await store.putResultBatch(id, 'r0001-000001', new Map([['cost-analysis', { total: 7 }]]));
    const resumed = new StoreJournal(store, (await store.loadExecution(id))!);
    expect(handle.manifest.tasks['cost-analysis']!.status).toBe('pending');
    expect(await resumed.storedResultIds()).toEqual(new Set(['cost-analysis']));
    expect(await resumed.loadResult('cost-analysis')).toEqual({ total: 7 });
    resumed.changed();
    await resumed.flush();
    expect((await store.loadExecution(id))!.manifest.resultBatches).toEqual(['r0001-000001']);
  });

  it("does not adopt a recorded result of a task reopened since, and stores the task's new result in a later batch that wins", async () => {
    const { store, id } = await open();
    const first = new StoreJournal(store, (await store.loadExecution(id))!, { created: true });
    first.saveResult('cost-analysis', { total: 1 });
    first.manifest.tasks['cost-analysis']!.status = 'succeeded';
    first.changed();
    await first.flush();

    // `retry` reopened it; the next run bumps `runs`.
    const reopened = (await store.loadExecution(id))!;
    const next = {
      ...reopened.manifest,
      runs: 2,
      tasks: { ...reopened.manifest.tasks, 'cost-analysis': { ...reopened.manifest.tasks['cost-analysis']!, status: 'pending' as const } },
    };
    const second = new StoreJournal(store, await store.saveExecution({ manifest: next, etag: reopened.etag }));
    expect(await second.storedResultIds()).toEqual(new Set());
    expect(second.saveResult('cost-analysis', { total: 2 }).result).toEqual({ total: 2 });
    second.manifest.tasks['cost-analysis']!.status = 'succeeded';
    second.changed();
    await second.flush();
    expect(await store.resultBatchNames(id)).toEqual(['r0001-000001', 'r0002-000001']);
    expect(await store.getResult(id, 'cost-analysis')).toEqual({ total: 2 });
  });
}
