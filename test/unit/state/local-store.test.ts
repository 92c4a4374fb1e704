import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateIoError } from '../../../src/primitives/errors.js';
import { LocalObjectStore } from '../../../src/state/local-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'finops-local-unit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const collect = async (items: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('LocalObjectStore', () => {
  it('maps keys to files under the directory, with the SHA-256 of the body as etag', async () => {
    const store = new LocalObjectStore(dir);
    const { etag } = await store.put('executions/e/results/ec2-inventory:us-east-1.json', '{"a":1}');
    expect(etag).toBe(createHash('sha256').update('{"a":1}').digest('hex'));
    expect((await stat(join(dir, 'executions', 'e', 'results', 'ec2-inventory:us-east-1.json'))).isFile()).toBe(true);
    expect(store.location).toBe(dir);
  });

  it('a non-durable put (cache entries) keeps every semantic but the flush: create-only, readable, atomic', async () => {
    const store = new LocalObjectStore(dir);
    await store.put('executions/e/results/a.json', '{"v":1}', { ifNoneMatch: '*' }, undefined, { durable: false });
    await expect(store.put('executions/e/results/a.json', '{"v":2}', { ifNoneMatch: '*' }, undefined, { durable: false })).rejects.toThrow(
      /If-None-Match/,
    );
    expect((await store.get('executions/e/results/a.json'))?.body).toBe('{"v":1}');
    expect(await readdir(join(dir, 'executions/e/results'))).toEqual(['a.json']);
  });

  it('leaves no temporary or lock files behind, and lists none of them', async () => {
    const store = new LocalObjectStore(dir);
    await store.put('a/b.json', '1');
    await store.put('a/b.json', '2', { ifMatch: (await store.get('a/b.json'))!.etag });
    await store.put('a/b.json', '3', { ifNoneMatch: '*' }).catch(() => undefined);
    expect(await readdir(join(dir, 'a'))).toEqual(['b.json']);
    await writeFile(join(dir, 'a', '.b.json.123.tmp'), 'partial');
    await writeFile(join(dir, 'a', '.b.json.lock'), 'token');
    expect(await collect(store.list(''))).toEqual(['a/b.json']);
  });

  it('removes directories a delete leaves empty, but never the root', async () => {
    const store = new LocalObjectStore(dir);
    await store.put('executions/e1/results/t.json', '1');
    await store.put('executions/e2/manifest.json', '1');
    await store.delete('executions/e1/results/t.json');
    expect(await readdir(join(dir, 'executions'))).toEqual(['e2']);
    await store.delete('executions/e2/manifest.json');
    expect(await readdir(dir)).toEqual([]);
  });

  it('breaks the lock of a crashed writer once it is stale', async () => {
    const store = new LocalObjectStore(dir, { staleLockMs: 10_000 });
    await mkdir(join(dir, 'k'), { recursive: true });
    const lock = join(dir, 'k', '.v.json.lock');
    await writeFile(lock, 'crashed-writer');
    const old = new Date(Date.now() - 20_000);
    await utimes(lock, old, old);
    await store.put('k/v.json', 'fresh', { ifNoneMatch: '*' });
    expect((await store.get('k/v.json'))?.body).toBe('fresh');
    expect(await readdir(join(dir, 'k'))).toEqual(['v.json']);
  });

  it('waits for a live lock, and gives up with a clear error after lockTimeoutMs', async () => {
    const store = new LocalObjectStore(dir, { lockTimeoutMs: 150 });
    await mkdir(join(dir, 'k'), { recursive: true });
    await writeFile(join(dir, 'k', '.v.json.lock'), 'live-writer');
    const error = await store.put('k/v.json', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateIoError);
    expect((error as Error).message).toMatch(/could not lock .*held by another process/);
    expect(await store.get('k/v.json')).toBeUndefined();
    expect((await readdir(join(dir, 'k'))).sort()).toEqual(['.v.json.lock']);
  });

  it('honours an aborted signal before touching the disk', async () => {
    const store = new LocalObjectStore(dir);
    const signal = AbortSignal.abort(new Error('stop'));
    await expect(store.put('a.json', '1', undefined, signal)).rejects.toThrow('stop');
    expect(await readdir(dir)).toEqual([]);
  });
});
