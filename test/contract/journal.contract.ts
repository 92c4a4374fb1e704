import { expect, it } from 'vitest';
import { StoreJournal } from '../../src/state/journal-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { FakeClock } from './fake-clock.js';
import { ACCOUNT, manifest } from './fixtures.js';
import type { StoreFactory } from './store-contract.js';

export function journalContract(factory: StoreFactory): void {
  const open = async () => {
    const clock = new FakeClock();
    const objects = await factory.create();
    const store = new StateStore(objects, { clock, onWarning: () => undefined });
    const handle = await store.createExecution(manifest(ACCOUNT, clock.now()));
    return { clock, store, handle };
  };

  it('coalesces N rapid changes within a second into one write, plus one at flush', async () => {
    const { clock, store, handle } = await open();
    const journal = new StoreJournal(store, handle);
    const task = journal.manifest.tasks['cost-analysis']!;
    for (let i = 0; i < 50; i++) {
      task.attempts = i + 1;
      journal.changed();
      await clock.advance(10); // 50 changes over 0.5 s
    }
    await journal.whenIdle();
    expect(journal.writes).toBe(1);
    await journal.flush();
    expect(journal.writes).toBe(2);
    expect(clock.pending).toBe(0);
    const stored = await store.loadExecution(handle.manifest.executionId);
    expect(stored?.manifest.tasks['cost-analysis']?.attempts).toBe(50);
    await journal.flush();
    expect(journal.writes).toBe(2); // nothing changed: no write
  });

  it('writes at most once per second of run while changes keep coming', async () => {
    const { clock, store, handle } = await open();
    const writeTimes: number[] = [];
    const journal = new StoreJournal(store, handle, { onCheckpoint: () => writeTimes.push(clock.now()) });
    const start = clock.now();
    for (let i = 0; i < 40; i++) {
      journal.manifest.runs = i + 2;
      journal.changed();
      await journal.whenIdle();
      await clock.advance(100); // 4 s of steady changes
      await journal.whenIdle();
    }
    expect(clock.now() - start).toBe(4000);
    await journal.flush();
    expect(journal.writes).toBe(5);
    expect(writeTimes.map((t) => t - start)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect((await store.loadExecution(handle.manifest.executionId))?.manifest.runs).toBe(41);
  });

  it('on a conflict, reloads, adopts cancelRequested and writes again on the new version', async () => {
    const { store, handle } = await open();
    const journal = new StoreJournal(store, handle);
    journal.manifest.tasks['cost-analysis']!.status = 'running';
    journal.changed();
    await journal.flush();
    expect(journal.cancelRequested()).toBe(false);

    // `finops-aws cancel` in another process.
    const other = (await store.loadExecution(handle.manifest.executionId))!;
    await store.saveExecution({ ...other, manifest: { ...other.manifest, cancelRequested: true } });

    journal.manifest.tasks['cost-analysis']!.status = 'succeeded';
    journal.changed();
    await journal.flush();
    expect(journal.conflicts).toBe(1);
    expect(journal.cancelRequested()).toBe(true);
    const stored = (await store.loadExecution(handle.manifest.executionId))!;
    expect(stored.manifest.cancelRequested).toBe(true);
    expect(stored.manifest.tasks['cost-analysis']?.status).toBe('succeeded');
    expect(stored.etag).toBe(journal.handle.etag);
  });

  it('never overwrites a manifest another run has reopened, and stops writing once told to', async () => {
    const { store, handle } = await open();
    const lease = new AbortController();
    const journal = new StoreJournal(store, handle, { signal: lease.signal });
    const other = (await store.loadExecution(handle.manifest.executionId))!;
    await store.saveExecution({ ...other, manifest: { ...other.manifest, runs: other.manifest.runs + 1 } });
    journal.manifest.status = 'failed';
    journal.changed();
    await expect(journal.flush()).rejects.toMatchObject({
      name: 'LeaseLostError',
      message: expect.stringMatching(/reopened by another run/),
    });
    expect((await store.loadExecution(handle.manifest.executionId))?.manifest.status).toBe('running');
    lease.abort(new Error('lease lost'));
    await expect(journal.flush()).rejects.toThrow('lease lost');
    expect(journal.writes).toBe(0);
  });

  it('sees a cancellation by polling, without writing', async () => {
    const { store, handle } = await open();
    const journal = new StoreJournal(store, handle);
    expect(await journal.pollCancel()).toBe(false);
    const other = (await store.loadExecution(handle.manifest.executionId))!;
    await store.saveExecution({ ...other, manifest: { ...other.manifest, cancelRequested: true } });
    expect(await journal.pollCancel()).toBe(true);
    expect(journal.writes).toBe(0);
  });

  it('tells listeners about a cancellation seen by its poll, and stops polling when they leave', async () => {
    const { clock, store, handle } = await open();
    const journal = new StoreJournal(store, handle, { cancelPollMs: 10_000 });
    let told = 0;
    const unsubscribe = journal.onCancelRequested(() => told++);
    await clock.advance(10_000);
    await expect.poll(() => clock.pending).toBe(1); // polled once, found nothing, waits again
    expect(told).toBe(0);
    const other = (await store.loadExecution(handle.manifest.executionId))!;
    await store.saveExecution({ ...other, manifest: { ...other.manifest, cancelRequested: true } });
    await clock.advance(10_000);
    await expect.poll(() => told).toBe(1);
    expect(journal.cancelRequested()).toBe(true);
    unsubscribe();
    expect(clock.pending).toBe(0);
    const late = journal.onCancelRequested(() => told++); // already cancelled: told at once, no poll
    await Promise.resolve();
    expect(told).toBe(2);
    late();
    expect(clock.pending).toBe(0);
  });
}
