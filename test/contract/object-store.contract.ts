import { expect, it } from 'vitest';
import { InvalidStateKeyError, PreconditionFailedError } from '../../src/primitives/errors.js';
import { collect } from './fixtures.js';
import type { StoreFactory } from './store-contract.js';

const RACE_ROUNDS = 40;

export function objectStoreContract(factory: StoreFactory): void {
  it('creates, reads and updates with etags', async () => {
    const store = await factory.create();
    expect(await store.get('a/b.json')).toBeUndefined();
    const created = await store.put('a/b.json', '{"v":1}', { ifNoneMatch: '*' });
    const read = await store.get('a/b.json');
    expect(read).toEqual({ body: '{"v":1}', etag: created.etag });
    const updated = await store.put('a/b.json', '{"v":2}', { ifMatch: created.etag });
    expect(updated.etag).not.toBe(created.etag);
    expect(await store.get('a/b.json')).toEqual({ body: '{"v":2}', etag: updated.etag });
    const unconditional = await store.put('a/b.json', '{"v":3}');
    expect((await store.get('a/b.json'))?.etag).toBe(unconditional.etag);
  });

  it('keeps non-ASCII bodies intact', async () => {
    const store = await factory.create();
    const body = JSON.stringify({ name: 'café ☕ 東京' });
    const { etag } = await store.put('unicode.json', body);
    expect(await store.get('unicode.json')).toEqual({ body, etag });
  });

  it('refuses If-None-Match on an existing key, keeping the original', async () => {
    const store = await factory.create();
    await store.put('k.json', 'first', { ifNoneMatch: '*' });
    await expect(store.put('k.json', 'second', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await store.get('k.json'))?.body).toBe('first');
  });

  it('refuses If-Match with a stale etag, and on a missing key', async () => {
    const store = await factory.create();
    const v1 = await store.put('k.json', 'one');
    await store.put('k.json', 'two', { ifMatch: v1.etag });
    await expect(store.put('k.json', 'three', { ifMatch: v1.etag })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await store.get('k.json'))?.body).toBe('two');
    await expect(store.put('missing.json', 'x', { ifMatch: v1.etag })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await store.get('missing.json')).toBeUndefined();
  });

  it('lets exactly one of two racing creators win, every time', async () => {
    const store = await factory.create();
    for (let i = 0; i < RACE_ROUNDS; i++) {
      const outcomes = await Promise.allSettled([
        store.put(`race/create-${i}.json`, 'A', { ifNoneMatch: '*' }),
        store.put(`race/create-${i}.json`, 'B', { ifNoneMatch: '*' }),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(PreconditionFailedError);
      const winner = outcomes[0]?.status === 'fulfilled' ? 'A' : 'B';
      expect((await store.get(`race/create-${i}.json`))?.body).toBe(winner);
    }
  });

  it('lets exactly one of two racing updaters on one version win, every time', async () => {
    const store = await factory.create();
    let { etag } = await store.put('race/update.json', 'v0');
    for (let i = 0; i < RACE_ROUNDS; i++) {
      const outcomes = await Promise.allSettled([
        store.put('race/update.json', `A${i}`, { ifMatch: etag }),
        store.put('race/update.json', `B${i}`, { ifMatch: etag }),
      ]);
      const won = outcomes.filter((o): o is PromiseFulfilledResult<{ etag: string }> => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(PreconditionFailedError);
      expect(String((lost[0]?.reason as Error).message)).toMatch(/changed by another writer/);
      etag = won[0]!.value.etag;
      expect((await store.get('race/update.json'))?.etag).toBe(etag);
    }
  });

  it('counts every increment of a compare-and-swap counter under contention (no lost update)', async () => {
    const store = await factory.create();
    await store.put('counter.json', '0');
    const increment = async () => {
      for (;;) {
        const current = (await store.get('counter.json'))!;
        try {
          await store.put('counter.json', String(Number(current.body) + 1), { ifMatch: current.etag });
          return;
        } catch (error) {
          if (!(error instanceof PreconditionFailedError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, increment));
    expect((await store.get('counter.json'))?.body).toBe('12');
  });

  it('deletes, and a missing key is not an error', async () => {
    const store = await factory.create();
    await store.put('x/y/z.json', '1');
    await store.delete('x/y/z.json');
    expect(await store.get('x/y/z.json')).toBeUndefined();
    await store.delete('x/y/z.json');
    await store.delete('never/there.json');
    expect(await collect(store.list(''))).toEqual([]);
  });

  it('lists every key under a prefix, across pages, sorted', async () => {
    const store = await factory.create({ pageSize: 7 });
    const keys = Array.from({ length: 30 }, (_, i) => `list/item-${String(i).padStart(3, '0')}.json`);
    const shuffled = [...keys].sort(() => Math.random() - 0.5);
    for (let i = 0; i < shuffled.length; i += 10) await Promise.all(shuffled.slice(i, i + 10).map((k) => store.put(k, k)));
    await store.put('list/nested/deep/one.json', 'n');
    await store.put('listing-elsewhere.json', 'x');
    await store.put('other/item.json', 'x');
    expect(await collect(store.list('list/'))).toEqual([...keys, 'list/nested/deep/one.json'].sort());
    expect(await collect(store.list('list/item-01'))).toEqual(keys.slice(10, 20));
    expect(await collect(store.list('list'))).toEqual([...keys, 'list/nested/deep/one.json', 'listing-elsewhere.json'].sort());
    expect(await collect(store.list('nothing/'))).toEqual([]);
  });

  it.each(['../escape.json', 'a/../../b.json', '/etc/passwd', 'a\\b.json', 'a//b.json', 'a/b/', '', './a.json', 'a/.hidden', 'C:/x'])(
    'rejects the path trick %j with a clear error',
    async (key) => {
      const store = await factory.create();
      await expect(store.put(key, 'x')).rejects.toBeInstanceOf(InvalidStateKeyError);
      await expect(store.get(key)).rejects.toThrow(/invalid state key/);
      await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidStateKeyError);
    },
  );

  it('rejects a listing prefix that is a path trick', async () => {
    const store = await factory.create();
    await expect(collect(store.list('../'))).rejects.toBeInstanceOf(InvalidStateKeyError);
  });
}
