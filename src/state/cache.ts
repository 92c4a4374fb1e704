import type { Cache } from '../primitives/cache.js';
import { assertCacheKey } from './keys.js';

export type { Cache } from '../primitives/cache.js';

/**
 * A cache that remembers in memory only, for tests and one-off runs. Keys are validated as
 * the store validates them, so what works here works on S3 and a directory too.
 */
export function memoryCache(
  now: () => number = Date.now,
): Cache & { readonly entries: Map<string, { data: unknown; expiresAt?: number }> } {
  const entries = new Map<string, { data: unknown; expiresAt?: number }>();
  return {
    entries,
    async get<T>(key: string) {
      assertCacheKey(key);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt !== undefined && entry.expiresAt <= now()) return undefined;
      return structuredClone(entry.data) as T;
    },
    async put(key, data, ttlMs) {
      assertCacheKey(key);
      entries.set(key, { data: structuredClone(data), ...(ttlMs === undefined ? {} : { expiresAt: now() + ttlMs }) });
    },
  };
}
