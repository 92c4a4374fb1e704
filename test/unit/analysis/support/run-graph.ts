import { toStoredResult } from '../../../../src/executor/json.js';
import { TaskSkippedError } from '../../../../src/primitives/errors.js';
import type { TaskContext, TaskDefinition, TaskStatus } from '../../../../src/executor/types.js';

export interface GraphRun {
  status: Map<string, TaskStatus>;
  results: Map<string, unknown>;
  reasons: Map<string, string>;
}

/**
 * A minimal, sequential stand-in for the executor, so analysis tests do not depend on it:
 * dependency order, required vs optional dependencies, skipped on TaskSkippedError, failed on
 * anything else. Results go through the executor's own `toStoredResult`: checked to store as
 * they are, then deep-frozen and handed on as they are, so a task that changes its input fails
 * here as it does in a run.
 */
export async function runGraph(tasks: readonly TaskDefinition[], options: { failFast?: boolean; now?: Date } = {}): Promise<GraphRun> {
  // Tasks may read the clock (the forecast does): a fixed one keeps tests independent of the day they run.
  const nowMs = (options.now ?? new Date('2026-11-25T06:00:00Z')).getTime();
  const run: GraphRun = { status: new Map(), results: new Map(), reasons: new Map() };
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const visiting = new Set<string>();
  const execute = async (task: TaskDefinition): Promise<void> => {
    if (run.status.has(task.id)) return;
    if (visiting.has(task.id)) throw new Error(`cycle at ${task.id}`);
    visiting.add(task.id);
    for (const dep of [...(task.dependsOn ?? []), ...(task.optionalDependsOn ?? [])]) {
      const def = byId.get(dep);
      if (!def) throw new Error(`${task.id} depends on unknown ${dep}`);
      await execute(def);
    }
    const blocked = (task.dependsOn ?? []).find((d) => run.status.get(d) !== 'succeeded');
    if (blocked) {
      run.status.set(task.id, 'skipped');
      run.reasons.set(task.id, `dependency ${blocked} ${run.status.get(blocked)}`);
      return;
    }
    const deps = [...(task.dependsOn ?? []), ...(task.optionalDependsOn ?? [])];
    const ctx: TaskContext = {
      taskId: task.id,
      executionId: 'exec_123456789012_20261125T060000Z_00000000',
      attempt: 1,
      signal: new AbortController().signal,
      inputs: new Map(deps.filter((d) => run.status.get(d) === 'succeeded').map((d) => [d, run.results.get(d)])),
      missing: deps
        .filter((d) => run.status.get(d) !== 'succeeded')
        .map((d) => ({ taskId: d, status: run.status.get(d)!, ...(run.reasons.has(d) ? { reason: run.reasons.get(d)! } : {}) })),
      clock: { now: () => nowMs, sleep: async () => {} },
    };
    try {
      run.results.set(task.id, toStoredResult(task.id, await task.run(ctx)));
      run.status.set(task.id, 'succeeded');
    } catch (error) {
      if (options.failFast && !(error instanceof TaskSkippedError)) throw error;
      run.status.set(task.id, error instanceof TaskSkippedError ? 'skipped' : 'failed');
      run.reasons.set(task.id, error instanceof Error ? error.message : String(error));
    }
  };
  for (const task of tasks) await execute(task);
  return run;
}
