import { InvalidStateKeyError, PreconditionFailedError } from '../primitives/errors.js';
import { systemClock, type Clock } from '../primitives/clock.js';
import type { Cache } from './cache.js';
import { Documents } from './documents.js';
import { assertAccountId, isExecutionId, parseExecutionId } from './execution-id.js';
import { executionIdOfManifestKey, stateKeys } from './keys.js';
import * as leases from './lease.js';
import type { AcquireLeaseOptions, LeaseHandle } from './lease.js';
import type { ObjectStore } from './object-store.js';
import { executionManifestSchema, latestPointerSchema, SCHEMA_VERSION, type ExecutionManifest } from '../records/state.js';
import { ResultBatches, resultOf, type StoredResults } from './result-batches.js';
import { StoreCache } from './store-cache.js';

export type { AcquireLeaseOptions, LeaseHandle } from './lease.js';
export type { StoredResults } from './result-batches.js';

/** A manifest and the version it was read or written at; pass it back to save. */
export interface ManifestHandle {
  manifest: ExecutionManifest;
  etag: string;
}

export interface StateStoreOptions {
  /** @default systemClock */
  clock?: Clock;
  /** Told about every quarantined object (key and reason). @default process.emitWarning */
  onWarning?: (message: string) => void;
}

// Manifests are small; a handful of concurrent GETs keeps `list` fast without a burst.
const LIST_READ_CONCURRENCY = 8;

/**
 * The state of executions, leases, results and cache over any {@link ObjectStore}: the
 * one implementation the action, the CLI and the executor share. Creates are
 * `ifNoneMatch`, updates `ifMatch`; every read is validated and what fails is quarantined.
 */
export class StateStore {
  readonly clock: Clock;
  private readonly docs: Documents;
  private readonly batches: ResultBatches;
  private cacheInstance: Cache | undefined;

  constructor(
    readonly objects: ObjectStore,
    options: StateStoreOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    const warn = options.onWarning ?? ((message: string) => process.emitWarning(message, 'FinopsStateWarning'));
    this.docs = new Documents(objects, this.clock, warn);
    this.batches = new ResultBatches(this.docs);
  }

  /** Where the state lives, for logs (`s3://bucket/prefix/` or a directory). */
  get location(): string {
    return this.objects.location;
  }

  /** Stores a new execution. @throws PreconditionFailedError when the id is taken. */
  async createExecution(manifest: ExecutionManifest, signal?: AbortSignal): Promise<ManifestHandle> {
    const key = this.manifestKey(manifest);
    try {
      const etag = await this.docs.write(key, executionManifestSchema, manifest, { ifNoneMatch: '*' }, signal);
      return { manifest, etag };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      // An SDK retry of a create whose first try landed finds our own manifest: that is success.
      const existing = await this.loadExecution(manifest.executionId, signal);
      if (existing && JSON.stringify(existing.manifest) === JSON.stringify(executionManifestSchema.parse(manifest))) return existing;
      throw error;
    }
  }

  /** The execution, or `undefined` when absent or quarantined as unreadable. */
  async loadExecution(executionId: string, signal?: AbortSignal): Promise<ManifestHandle | undefined> {
    const loaded = await this.docs.read(stateKeys.manifest(executionId), executionManifestSchema, {
      check: (m) => (m.executionId === executionId ? undefined : `manifest names execution ${m.executionId}`),
      ...(signal ? { signal } : {}),
    });
    return loaded && { manifest: loaded.value, etag: loaded.etag };
  }

  /**
   * Writes the manifest over the version in `handle`, stamping `updatedAt`. The input is not
   * mutated; the returned handle carries what was written.
   * @throws PreconditionFailedError when somebody else changed it since.
   */
  async saveExecution(handle: ManifestHandle, signal?: AbortSignal): Promise<ManifestHandle> {
    const manifest = { ...handle.manifest, updatedAt: new Date(this.clock.now()).toISOString() };
    const etag = await this.docs.write(this.manifestKey(manifest), executionManifestSchema, manifest, { ifMatch: handle.etag }, signal);
    return { manifest, etag };
  }

  /** Executions, newest first; only `accountId`'s when given. Reads every page; skips unreadable ones. */
  async listExecutions(accountId?: string, signal?: AbortSignal): Promise<ExecutionManifest[]> {
    const ids: string[] = [];
    for await (const key of this.objects.list(stateKeys.executions(accountId), signal)) {
      const id = executionIdOfManifestKey(key);
      if (id !== undefined && isExecutionId(id)) ids.push(id);
    }
    const manifests: ExecutionManifest[] = [];
    for (let i = 0; i < ids.length; i += LIST_READ_CONCURRENCY) {
      const batch = await Promise.all(ids.slice(i, i + LIST_READ_CONCURRENCY).map((id) => this.loadExecution(id, signal)));
      for (const handle of batch) if (handle) manifests.push(handle.manifest);
    }
    return manifests.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.executionId < b.executionId ? 1 : -1));
  }

  /** Removes an execution's results, then its manifest (so a half-done cleanup stays visible). Returns the keys removed. */
  async deleteExecution(executionId: string, signal?: AbortSignal): Promise<string[]> {
    const manifestKey = stateKeys.manifest(executionId);
    const keys: string[] = [];
    for await (const key of this.objects.list(stateKeys.execution(executionId), signal)) keys.push(key);
    const ordered = [...keys.filter((k) => k !== manifestKey), ...keys.filter((k) => k === manifestKey)];
    for (const key of ordered) await this.objects.delete(key, signal);
    return ordered;
  }

  /** The account's latest execution, or `undefined` when none, or when the pointer or manifest is unreadable. */
  async getLatest(accountId: string, signal?: AbortSignal): Promise<ExecutionManifest | undefined> {
    const pointer = await this.docs.read(stateKeys.latest(accountId), latestPointerSchema, {
      check: (p) =>
        p.accountId !== accountId
          ? `pointer names account ${p.accountId}`
          : !isExecutionId(p.executionId) || parseExecutionId(p.executionId).accountId !== accountId
            ? `pointer names execution ${JSON.stringify(p.executionId)} of another account or malformed`
            : undefined,
      ...(signal ? { signal } : {}),
    });
    if (!pointer) return undefined;
    return (await this.loadExecution(pointer.value.executionId, signal))?.manifest;
  }

  /** Points the account's `latest.json` at `executionId`. Unconditional: the lease serialises runs. */
  async setLatest(accountId: string, executionId: string, signal?: AbortSignal): Promise<void> {
    if (parseExecutionId(executionId).accountId !== assertAccountId(accountId)) {
      throw new InvalidStateKeyError(`execution ${executionId} does not belong to account ${accountId}`);
    }
    const pointer = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'latest' as const,
      accountId,
      executionId,
      updatedAt: new Date(this.clock.now()).toISOString(),
    };
    await this.docs.write(stateKeys.latest(accountId), latestPointerSchema, pointer, undefined, signal);
  }

  /** Stores a batch of task results once (see {@link ResultBatches.put}). */
  putResultBatch(
    executionId: string,
    batch: string,
    results: ReadonlyMap<string, unknown>,
    signal?: AbortSignal,
  ): Promise<'written' | 'exists'> {
    return this.batches.put(executionId, batch, results, new Date(this.clock.now()).toISOString(), signal);
  }

  /** Every stored result of the execution, split by whether its manifest records the batch. */
  loadResults(manifest: Pick<ExecutionManifest, 'executionId' | 'resultBatches'>, signal?: AbortSignal): Promise<StoredResults> {
    return this.batches.load(manifest, signal);
  }

  /** Names of the execution's stored result batches, in writing order. */
  resultBatchNames(executionId: string, signal?: AbortSignal): Promise<string[]> {
    return this.batches.names(executionId, signal);
  }

  /**
   * The result a resumed run would use for `taskId` (for operators and tests), or `undefined`
   * when none is stored or the execution is unreadable.
   */
  async getResult(executionId: string, taskId: string, signal?: AbortSignal): Promise<unknown | undefined> {
    const handle = await this.loadExecution(executionId, signal);
    if (!handle) return undefined;
    return resultOf(await this.loadResults(handle.manifest, signal), taskId);
  }

  /**
   * Takes the account's lease (creating it, or taking over an expired one), waiting up to
   * `options.waitMs` for a held one.
   * @throws LeaseHeldError naming holder and expiry.
   */
  acquireLease(accountId: string, holder: string, ttlMs: number, options?: AcquireLeaseOptions): Promise<LeaseHandle> {
    return leases.acquireLease(this.docs, accountId, holder, ttlMs, options);
  }

  /** Extends the lease. @throws LeaseLostError when it is no longer ours. */
  renewLease(handle: LeaseHandle, ttlMs?: number, signal?: AbortSignal): Promise<LeaseHandle> {
    return leases.renewLease(this.docs, handle, ttlMs, signal);
  }

  /** Gives the lease up. @throws LeaseLostError when it was no longer ours. */
  releaseLease(handle: LeaseHandle, signal?: AbortSignal): Promise<void> {
    return leases.releaseLease(this.docs, handle, signal);
  }

  /** The {@link Cache} port on `cache/` keys, with TTL. */
  cache(): Cache {
    this.cacheInstance ??= new StoreCache(this.docs);
    return this.cacheInstance;
  }

  private manifestKey(manifest: ExecutionManifest): string {
    const { accountId } = parseExecutionId(manifest.executionId);
    if (accountId !== manifest.accountId) {
      throw new InvalidStateKeyError(`execution ${manifest.executionId} does not belong to account ${manifest.accountId}`);
    }
    return stateKeys.manifest(manifest.executionId);
  }
}
