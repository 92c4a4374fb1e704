import { PreconditionFailedError } from '../primitives/errors.js';
import type { Documents } from './documents.js';
import { encode } from './codec.js';
import { assertTaskId, parseResultBatchName, stateKeys } from './keys.js';
import { resultBatchSchema, SCHEMA_VERSION, type ExecutionManifest, type ResultBatch } from '../records/state.js';

/** Stored results of one execution, split by whether the manifest accounts for their batch. */
export interface StoredResults {
  /** From batches the manifest records, the latest batch winning. */
  recorded: Map<string, unknown>;
  /**
   * From batches the manifest does not record: written by a run that stopped between the
   * batch and its checkpoint. Their tasks did succeed.
   */
  unrecorded: Map<string, unknown>;
  /** Names of the unrecorded batches, in writing order. */
  unrecordedBatches: string[];
}

/**
 * The result that stands for `taskId`: an unrecorded batch is newer than every recorded one.
 * `null` is a result (a task with nothing to return); `undefined` means none is stored.
 */
export function resultOf(stored: StoredResults, taskId: string): unknown {
  return stored.unrecorded.has(taskId) ? stored.unrecorded.get(taskId) : stored.recorded.get(taskId);
}

// Batches are few (one per checkpoint); a handful of concurrent GETs loads a resume quickly.
const READ_CONCURRENCY = 8;

/** Result batches (`executions/{id}/results/{batch}.json`) over validated documents. */
export class ResultBatches {
  constructor(private readonly docs: Documents) {}

  /**
   * Stores a batch once. `'exists'` when the name is taken by other content; a retried PUT
   * whose first try landed finds its own bytes and counts as written.
   */
  async put(
    executionId: string,
    batch: string,
    results: ReadonlyMap<string, unknown>,
    writtenAt: string,
    signal?: AbortSignal,
  ): Promise<'written' | 'exists'> {
    const document: ResultBatch = { schemaVersion: SCHEMA_VERSION, kind: 'results', executionId, batch, writtenAt, results: {} };
    for (const [taskId, data] of results) document.results[assertTaskId(taskId)] = data;
    const key = stateKeys.resultBatch(executionId, batch);
    try {
      await this.docs.write(key, resultBatchSchema, document, { ifNoneMatch: '*' }, signal);
      return 'written';
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      const stored = await this.docs.objects.get(key, signal);
      return stored?.body === encode(document) ? 'written' : 'exists';
    }
  }

  /** Names of the stored batches, in writing order, from one (paginated) listing. */
  async names(executionId: string, signal?: AbortSignal): Promise<string[]> {
    const prefix = stateKeys.results(executionId);
    const names: string[] = [];
    for await (const key of this.docs.objects.list(prefix, signal)) {
      const name = key.slice(prefix.length, -'.json'.length);
      if (key.endsWith('.json') && parseResultBatchName(name)) names.push(name);
    }
    return names.sort();
  }

  /**
   * Every stored result of the execution. Unreadable batches are quarantined and read as
   * absent: the tasks whose results they held run again.
   */
  async load(manifest: Pick<ExecutionManifest, 'executionId' | 'resultBatches'>, signal?: AbortSignal): Promise<StoredResults> {
    const { executionId } = manifest;
    const stored = new Set(await this.names(executionId, signal));
    const recordedNames = (manifest.resultBatches ?? []).filter((name) => stored.has(name));
    const recordedSet = new Set(manifest.resultBatches ?? []);
    const unrecordedBatches = [...stored].filter((name) => !recordedSet.has(name));
    const contents = await this.read(executionId, [...recordedNames, ...unrecordedBatches], signal);
    const gather = (names: string[]) => {
      const results = new Map<string, unknown>();
      for (const name of names) for (const [taskId, data] of Object.entries(contents.get(name) ?? {})) results.set(taskId, data);
      return results;
    };
    return { recorded: gather(recordedNames), unrecorded: gather(unrecordedBatches), unrecordedBatches };
  }

  private async read(executionId: string, names: string[], signal?: AbortSignal): Promise<Map<string, Record<string, unknown>>> {
    const contents = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < names.length; i += READ_CONCURRENCY) {
      const slice = names.slice(i, i + READ_CONCURRENCY);
      const loaded = await Promise.all(
        slice.map((name) =>
          this.docs.read(stateKeys.resultBatch(executionId, name), resultBatchSchema, {
            check: (b) => (b.executionId === executionId && b.batch === name ? undefined : `batch names ${b.executionId}/${b.batch}`),
            ...(signal ? { signal } : {}),
          }),
        ),
      );
      slice.forEach((name, j) => {
        const batch = loaded[j];
        if (batch) contents.set(name, batch.value.results);
      });
    }
    return contents;
  }
}
