import { expect, it } from 'vitest';
import { StateStore } from '../../src/state/state-store.js';
import { FakeClock } from './fake-clock.js';
import { ACCOUNT, collect, manifest } from './fixtures.js';
import type { StoreFactory } from './store-contract.js';

const CORRUPTIONS: Array<[string, (valid: string) => string, RegExp]> = [
  ['truncated JSON', (valid) => valid.slice(0, Math.floor(valid.length / 2)), /not valid JSON/],
  ['an unknown schemaVersion', (valid) => valid.replace('"schemaVersion":1', '"schemaVersion":2'), /unknown schemaVersion 2/],
  ['an unexpected shape', (valid) => valid.replace('"status":"running"', '"status":42'), /unexpected shape \(status:/],
  ['a JSON array', () => '[1,2,3]', /not a JSON object/],
];

export function quarantineContract(factory: StoreFactory): void {
  const open = async () => {
    const clock = new FakeClock();
    const warnings: string[] = [];
    const objects = await factory.create();
    return { clock, warnings, objects, store: new StateStore(objects, { clock, onWarning: (m) => warnings.push(m) }) };
  };

  it.each(CORRUPTIONS)('quarantines a manifest with %s, reports it, and reads it as absent', async (_label, corrupt, reason) => {
    const { store, objects, warnings, clock } = await open();
    const m = manifest(ACCOUNT, clock.now());
    await store.createExecution(m);
    const key = `executions/${m.executionId}/manifest.json`;
    const bad = corrupt((await objects.get(key))!.body);
    await objects.put(key, bad);

    expect(await store.loadExecution(m.executionId)).toBeUndefined();
    expect(await objects.get(key)).toBeUndefined();
    const aside = await collect(objects.list('quarantine/'));
    expect(aside).toEqual([`quarantine/${key}.20261125T060000000Z`]);
    expect((await objects.get(aside[0]!))?.body).toBe(bad);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(key);
    expect(warnings[0]).toMatch(reason);
    // The run carries on: the id can be used again for a fresh execution.
    await store.createExecution(m);
    expect((await store.loadExecution(m.executionId))?.manifest).toEqual(m);
  });

  it('lists the sound executions when one manifest is corrupt', async () => {
    const { store, objects, warnings, clock } = await open();
    const good = manifest(ACCOUNT, clock.now());
    const bad = manifest(ACCOUNT, clock.now() + 1000);
    await store.createExecution(good);
    await objects.put(`executions/${bad.executionId}/manifest.json`, '{"schemaVersion":1,"kind":"exec');
    expect((await store.listExecutions(ACCOUNT)).map((m) => m.executionId)).toEqual([good.executionId]);
    expect(warnings.join('\n')).toContain(bad.executionId);
  });

  it('quarantines a manifest stored under the wrong execution id', async () => {
    const { store, objects, warnings, clock } = await open();
    const m = manifest(ACCOUNT, clock.now());
    const other = manifest(ACCOUNT, clock.now() + 1000);
    await objects.put(`executions/${other.executionId}/manifest.json`, JSON.stringify(m));
    expect(await store.loadExecution(other.executionId)).toBeUndefined();
    expect(warnings[0]).toMatch(/manifest names execution/);
  });

  it('quarantines a corrupt result batch so its tasks can run again', async () => {
    const { store, objects, warnings, clock } = await open();
    const m = manifest(ACCOUNT, clock.now());
    await store.createExecution(m);
    const key = `executions/${m.executionId}/results/r0001-000001.json`;
    await objects.put(key, '{"schemaVersion":1,"kind":"results","executionId":');
    expect(await store.getResult(m.executionId, 'cost-analysis')).toBeUndefined();
    expect(warnings[0]).toContain(key);
    expect(await store.resultBatchNames(m.executionId)).toEqual([]);
    expect(await store.putResultBatch(m.executionId, 'r0001-000001', new Map([['cost-analysis', { total: 3 }]]))).toBe('written');
    expect(await store.getResult(m.executionId, 'cost-analysis')).toEqual({ total: 3 });
  });

  it('quarantines a corrupt latest pointer and cache entry', async () => {
    const { store, objects, warnings } = await open();
    await objects.put(
      `accounts/${ACCOUNT}/latest.json`,
      '{"schemaVersion":1,"kind":"latest","accountId":"123456789012","executionId":"../../x","updatedAt":"2026-11-25T06:00:00.000Z"}',
    );
    expect(await store.getLatest(ACCOUNT)).toBeUndefined();
    await objects.put('cache/prices.json', 'garbage');
    expect(await store.cache().get('prices')).toBeUndefined();
    expect(warnings).toHaveLength(2);
    expect(await collect(objects.list('quarantine/'))).toHaveLength(2);
  });

  it('takes over a corrupt lease with a conditional write, keeping a copy', async () => {
    const { store, objects, warnings } = await open();
    await objects.put(`accounts/${ACCOUNT}/lease.json`, '{"schemaVersion":1,"kind":"lease","holder":');
    const handle = await store.acquireLease(ACCOUNT, 'run-A', 120_000);
    expect(handle.lease.holder).toBe('run-A');
    expect(warnings[0]).toContain(`accounts/${ACCOUNT}/lease.json`);
    expect(await collect(objects.list('quarantine/accounts/'))).toHaveLength(1);
  });
}
