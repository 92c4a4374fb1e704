import { GraphError } from '../primitives/errors.js';
import { isValidTaskId, type TaskDefinition } from './types.js';

type GraphTask = Pick<TaskDefinition, 'id' | 'dependsOn' | 'optionalDependsOn'>;

/** Every dependency of a task, required first, without duplicates. */
export function allDependencies(task: GraphTask): string[] {
  return [...new Set([...(task.dependsOn ?? []), ...(task.optionalDependsOn ?? [])])];
}

/**
 * Rejects a malformed graph before anything runs or is written: invalid or duplicate ids,
 * unknown dependencies (required or optional), self-dependencies and cycles.
 * @throws GraphError whose message names the offending ids.
 */
export function validateGraph(tasks: readonly GraphTask[]): void {
  const ids = new Set<string>();
  for (const task of tasks) {
    if (typeof task.id !== 'string' || !isValidTaskId(task.id)) {
      throw new GraphError(`invalid task id ${JSON.stringify(task.id)}: build ids with taskId(type, ...params)`);
    }
    if (ids.has(task.id)) throw new GraphError(`duplicate task id ${task.id}`);
    ids.add(task.id);
  }
  for (const task of tasks) {
    for (const [kind, deps] of [
      ['dependsOn', task.dependsOn],
      ['optionalDependsOn', task.optionalDependsOn],
    ] as const) {
      for (const dep of deps ?? []) {
        if (!ids.has(dep)) throw new GraphError(`task ${task.id} has unknown dependency ${dep} (in ${kind})`);
      }
    }
  }
  const cycle = findCycle(tasks);
  if (cycle) throw new GraphError(`dependency cycle: ${cycle.join(' → ')}`);
}

/**
 * The tasks with every dependency before its dependants; ties keep the given order, so
 * scheduling is deterministic. Assumes `validateGraph` passed.
 */
export function topologicalOrder<T extends GraphTask>(tasks: readonly T[]): T[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const placed = new Set<string>();
  const order: T[] = [];
  const visit = (task: T): void => {
    if (placed.has(task.id)) return;
    placed.add(task.id);
    for (const dep of allDependencies(task)) visit(byId.get(dep)!);
    order.push(task);
  };
  for (const task of tasks) visit(task);
  return order;
}

/** One cycle as a closed path of ids (`a → b → a`), or undefined when the graph is acyclic. */
function findCycle(tasks: readonly GraphTask[]): string[] | undefined {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  // Iterative DFS would be longer to read; graphs here have hundreds of tasks at most.
  const visit = (id: string): string[] | undefined => {
    if (onPath.has(id)) return [...path.slice(path.indexOf(id)), id];
    if (done.has(id)) return undefined;
    onPath.add(id);
    path.push(id);
    for (const dep of allDependencies(byId.get(id)!)) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    onPath.delete(id);
    done.add(id);
    return undefined;
  };
  for (const task of tasks) {
    const cycle = visit(task.id);
    if (cycle) return cycle;
  }
  return undefined;
}
