/** The durable state layer: ports, the two backends, and the shared logic over them. */
export type { ObjectStore, StoredObject, WriteCondition } from './object-store.js';
export type { Cache } from './cache.js';
export { memoryCache } from './cache.js';
export { LocalObjectStore, type LocalObjectStoreOptions } from './local-store.js';
export { S3ObjectStore, type S3ObjectStoreOptions } from './s3-store.js';
export { StateStore, type ManifestHandle, type StateStoreOptions, type LeaseHandle, type AcquireLeaseOptions } from './state-store.js';
export { StoreJournal, type StoreJournalOptions } from './journal-store.js';
export { LeaseKeeper, DEFAULT_LEASE_TTL_MS, type LeaseKeeperOptions } from './lease-keeper.js';
export {
  newExecutionId,
  parseExecutionId,
  isExecutionId,
  isValidAccountId,
  assertAccountId,
  type ParsedExecutionId,
} from './execution-id.js';
export { stateKeys, assertTaskId, assertCacheKey } from './keys.js';
export { SCHEMA_VERSION } from '../records/state.js';
export type { ExecutionManifest, LatestPointer, Lease, ResultBatch, CacheEntry, TaskRecord, BreakerState } from '../records/state.js';
