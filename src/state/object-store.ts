/**
 * The narrow port both backends implement: keyed text objects with conditional writes.
 * Everything above it (executions, leases, quarantine) is shared logic in `state-store.ts`.
 */
export interface StoredObject {
  body: string;
  /** Opaque version tag; pass it back as `ifMatch` to update only this version. */
  etag: string;
}

export type WriteCondition =
  /** Create only: fails when the key exists. */
  | { ifNoneMatch: '*' }
  /** Update only this version: fails when the key changed or is gone. */
  | { ifMatch: string };

export interface PutOptions {
  /**
   * False when losing the write in a power cut is acceptable (cache entries: a lost or torn one
   * is quarantined on read and fetched again), so a store may skip flushing it to disk.
   * @default true
   */
  durable?: boolean;
}

export interface ObjectStore {
  /** Human description for logs, e.g. `s3://bucket/prefix/` or a directory. */
  readonly location: string;
  get(key: string, signal?: AbortSignal): Promise<StoredObject | undefined>;
  /** @throws PreconditionFailedError when `condition` does not hold. */
  put(key: string, body: string, condition?: WriteCondition, signal?: AbortSignal, options?: PutOptions): Promise<{ etag: string }>;
  /** Removes the key; a missing key is not an error. */
  delete(key: string, signal?: AbortSignal): Promise<void>;
  /** Every key under `prefix`, all pages, in lexicographic order. */
  list(prefix: string, signal?: AbortSignal): AsyncIterable<string>;
}
