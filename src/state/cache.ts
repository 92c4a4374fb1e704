import { assertCacheKey } from './keys.js';

/**
 * Reusable API results kept in the state store (closed Cost Explorer months, prices), so a
 * paid or slow query is made once.
 */
export interface Cache {
  /** The cached value, or `undefined` when absent, expired or unreadable. */
  get<T>(key: string, signal?: AbortSignal): Promise<T | undefined>;
  /** Stores `data` under `key`; without `ttlMs` the entry never expires. */
  put(key: string, data: unknown, ttlMs?: number, signal?: AbortSignal): Promise<void>;
}

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
