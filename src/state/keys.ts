import { InvalidStateKeyError } from '../primitives/errors.js';
import { isValidTaskId } from '../executor/types.js';
import { assertAccountId, compactTimestamp, parseExecutionId } from './execution-id.js';

const CACHE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._:=-]{0,127}$/;

/** @throws InvalidStateKeyError when `taskId` is not the shape `taskId()` produces. */
export function assertTaskId(taskId: string): string {
  if (!isValidTaskId(taskId)) {
    throw new InvalidStateKeyError(`invalid task id ${JSON.stringify(taskId)}: expected type[:param...] as taskId() builds it`);
  }
  return taskId;
}

/** Name of a result batch: the run that wrote it and its sequence within that run, so names sort in writing order. */
const BATCH_NAME = /^r[0-9]{4,}-[0-9]{6,}$/;

/** The name of batch `seq` of run `run` (both from 1). */
export function resultBatchName(run: number, seq: number): string {
  return `r${String(run).padStart(4, '0')}-${String(seq).padStart(6, '0')}`;
}

/** Run and sequence of a batch name, or `undefined` when `name` is not one. */
export function parseResultBatchName(name: string): { run: number; seq: number } | undefined {
  if (!BATCH_NAME.test(name)) return undefined;
  const [run, seq] = name.slice(1).split('-').map(Number) as [number, number];
  return { run, seq };
}

/** @throws InvalidStateKeyError when `batch` is not a name {@link resultBatchName} builds. */
export function assertBatchName(batch: string): string {
  if (typeof batch !== 'string' || !BATCH_NAME.test(batch)) {
    throw new InvalidStateKeyError(`invalid result batch name ${JSON.stringify(batch)}: expected r<run>-<sequence>`);
  }
  return batch;
}

/** @throws InvalidStateKeyError when a cache key has segments other than letters, digits and `._:=-`. */
export function assertCacheKey(key: string): string {
  if (typeof key !== 'string' || !key.split('/').every((segment) => CACHE_SEGMENT.test(segment))) {
    throw new InvalidStateKeyError(`invalid cache key ${JSON.stringify(key)}: use /-separated segments of letters, digits and . _ : = -`);
  }
  return key;
}

/**
 * The key layout under the store's prefix. Every builder validates its inputs, so an id
 * coming from a user (CLI argument, action input) can never become a path trick.
 */
export const stateKeys = {
  latest: (accountId: string) => `accounts/${assertAccountId(accountId)}/latest.json`,
  lease: (accountId: string) => `accounts/${assertAccountId(accountId)}/lease.json`,
  /** Everything stored for one execution (manifest and results), with the trailing slash. */
  execution: (executionId: string) => `executions/${parseExecutionId(executionId).executionId}/`,
  manifest: (executionId: string) => `${stateKeys.execution(executionId)}manifest.json`,
  results: (executionId: string) => `${stateKeys.execution(executionId)}results/`,
  resultBatch: (executionId: string, batch: string) => `${stateKeys.results(executionId)}${assertBatchName(batch)}.json`,
  /** Listing prefix of the executions of one account, or of all when `accountId` is absent. */
  executions: (accountId?: string) => (accountId === undefined ? 'executions/' : `executions/exec_${assertAccountId(accountId)}_`),
  cache: (key: string) => `cache/${assertCacheKey(key)}.json`,
  quarantine: (originalKey: string, atMs: number) => `quarantine/${originalKey}.${compactTimestamp(atMs, true)}`,
};

/** The execution id of a `executions/{id}/manifest.json` key, or `undefined` for other keys. */
export function executionIdOfManifestKey(key: string): string | undefined {
  const match = /^executions\/([^/]+)\/manifest\.json$/.exec(key);
  return match?.[1];
}
