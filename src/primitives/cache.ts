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
