import type { ExecutionManifest } from '../state/schema.js';
import { stateKeys } from '../state/keys.js';
import type { StateStore } from '../state/state-store.js';

/**
 * Succeeded tasks that consumed — or ran without — the output of a reopened task, directly or
 * through other such tasks (regional checks, the `analysis` summary). Left alone, they would keep
 * a result computed without the retried data, and the report would still show the old gap.
 */
export function staleDependants(manifest: Pick<ExecutionManifest, 'tasks'>, reopened: readonly string[]): string[] {
  const records = Object.values(manifest.tasks);
  const stale = new Set<string>();
  const queue = [...reopened];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const r of records) {
      if (r.status !== 'succeeded' || stale.has(r.id)) continue;
      if (r.dependsOn.includes(id) || r.optionalDependsOn.includes(id)) {
        stale.add(r.id);
        queue.push(r.id);
      }
    }
  }
  return [...stale];
}

/**
 * Deletes the stored results of tasks that must be recomputed: a result is written once and a
 * stored one marks its task succeeded on the next run, so it has to go first. Call while
 * holding the account's lease. A crash between this and the manifest write is harmless: the
 * executor runs a succeeded task again when its result is missing.
 */
export async function dropResults(store: StateStore, executionId: string, ids: readonly string[], signal?: AbortSignal): Promise<void> {
  for (const id of ids) await store.objects.delete(stateKeys.result(executionId, id), signal);
}
