import type { ExecutionManifest } from '../records/state.js';

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
 * Accounts in the manifest for every stored result batch. A stored result marks its task
 * succeeded on the next run only when the manifest does not record its batch (a run stopped
 * between the two), so this is what makes reopened tasks run again. A batch left by a crash
 * is recorded too: its tasks, still `running` in the manifest, run again.
 */
export function recordBatches(manifest: ExecutionManifest, stored: readonly string[]): void {
  const recorded = manifest.resultBatches ?? [];
  const known = new Set(recorded);
  const missing = stored.filter((name) => !known.has(name));
  if (missing.length > 0) manifest.resultBatches = [...recorded, ...missing];
}
