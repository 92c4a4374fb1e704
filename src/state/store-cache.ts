import type { Cache } from '../primitives/cache.js';
import type { Documents } from './documents.js';
import { stateKeys } from './keys.js';
import { cacheEntrySchema, SCHEMA_VERSION, type CacheEntry } from '../records/state.js';

/**
 * The {@link Cache} port on `cache/{key}.json` objects. Entries carry their own expiry
 * (from the injected clock); an unreadable entry is quarantined and reads as a miss.
 */
export class StoreCache implements Cache {
  constructor(private readonly docs: Documents) {}

  async get<T>(key: string, signal?: AbortSignal): Promise<T | undefined> {
    const loaded = await this.docs.read(stateKeys.cache(key), cacheEntrySchema, {
      check: (entry) => (entry.key === key ? undefined : `entry is for key ${entry.key}`),
      ...(signal ? { signal } : {}),
    });
    if (!loaded) return undefined;
    const { expiresAt, data } = loaded.value;
    if (expiresAt !== undefined && Date.parse(expiresAt) <= this.docs.clock.now()) return undefined;
    return data as T;
  }

  async put(key: string, data: unknown, ttlMs?: number, signal?: AbortSignal): Promise<void> {
    if (ttlMs !== undefined && !(Number.isFinite(ttlMs) && ttlMs > 0)) {
      throw new RangeError(`Invalid cache ttlMs ${ttlMs}: must be a positive number of ms, or omitted`);
    }
    const now = this.docs.clock.now();
    const entry: CacheEntry = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'cache',
      key,
      writtenAt: new Date(now).toISOString(),
      ...(ttlMs === undefined ? {} : { expiresAt: new Date(now + ttlMs).toISOString() }),
      data,
    };
    // Last writer wins: two runs caching the same closed month store the same answer. Not
    // flushed to disk on the local store: an entry lost in a power cut is only fetched again.
    await this.docs.write(stateKeys.cache(key), cacheEntrySchema, entry, undefined, signal, { durable: false });
  }
}
