import { validateGraph } from './graph.js';
import { resolveOptions, type ExecuteOptions, type ExecutionOutcome } from './options.js';
import { Scheduler } from './scheduler.js';

export { validateGraph } from './graph.js';
export { finalStatus } from './status.js';
export { DEFAULT_MAX_CONCURRENT_TASKS, DEFAULT_SAFETY_MARGIN_MS, resolveOptions } from './options.js';
export type { ExecuteOptions, ExecutionOutcome, ResolvedOptions } from './options.js';

/**
 * Runs the task graph on the journal's execution: validates the graph (before anything is
 * written), reconciles records with stored results, then schedules tasks with bounded
 * concurrency under the policies (budget → breaker → retry → timeout), checkpointing every
 * status change through the journal, and flushes it at the end.
 * @throws GraphError for a malformed graph; RangeError naming a bad option
 */
export async function executeGraph(options: ExecuteOptions): Promise<ExecutionOutcome> {
  const resolved = resolveOptions(options);
  validateGraph(options.tasks);
  return new Scheduler(resolved).execute();
}
