import { GraphError } from '../primitives/errors.js';
import type { TaskDefinition } from './types.js';

/**
 * The result of one task, typed by that task. A dependant reads its input through the handle
 * of the task that produced it, so the id it waits for and the type it gets cannot drift apart.
 */
export interface TaskOutput<T> {
  /** Id of the producing task: what a dependant lists in `dependsOn` or `optionalDependsOn`. */
  readonly id: string;
  /** The result, from a dependant's `ctx.inputs`, of a task listed in its `dependsOn`. */
  from(inputs: ReadonlyMap<string, unknown>): T;
  /** The result, or `undefined` when the task did not succeed: for `optionalDependsOn`. */
  optional(inputs: ReadonlyMap<string, unknown>): T | undefined;
}

/** The handle of `task`'s result: its id, and the type its `run` resolves to. */
export function outputOf<T>(task: Pick<TaskDefinition<T>, 'id' | 'run'>): TaskOutput<T> {
  const { id } = task;
  return {
    id,
    from(inputs) {
      // The executor runs a task only once its `dependsOn` succeeded: a missing one is a graph bug.
      if (!inputs.has(id)) throw new GraphError(`The result of task ${id} is not among the inputs: list it in dependsOn`);
      return inputs.get(id) as T;
    },
    optional: (inputs) => inputs.get(id) as T | undefined,
  };
}
