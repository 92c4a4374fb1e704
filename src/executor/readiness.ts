import { allDependencies } from './graph.js';
import { Heap } from './heap.js';
import type { TaskDefinition } from './types.js';

/** Statuses of a required dependency that skip its dependants. */
export const BLOCKS_DEPENDANTS = new Set(['failed', 'skipped', 'cancelled']);

export function isSettled(status: string): boolean {
  return status === 'succeeded' || BLOCKS_DEPENDANTS.has(status);
}

/**
 * Which tasks can start, kept by counting: the graph is indexed once, each task holds how many
 * of its dependencies are unsettled, and a settled task counts down its dependants. So each
 * completion costs its number of dependants, not a walk of the whole graph.
 */
export class Readiness {
  private readonly indexOf = new Map<string, number>();
  private readonly deps: string[][];
  private readonly requiredOf: Array<ReadonlySet<string>>;
  private readonly dependants: number[][];
  /** Per task: dependencies not yet settled. */
  private readonly unsettled: Int32Array;
  /** Pending tasks whose dependencies are all settled: critical path first, then graph position. */
  private readonly ready: Heap;
  /** Pending tasks with a required dependency failed, skipped or cancelled, in graph order. */
  private readonly blocked = new Heap((a, b) => a < b);

  /** @param order the tasks in topological order; `statusOf` reads the ledger. */
  constructor(
    private readonly order: readonly TaskDefinition[],
    private readonly statusOf: (taskId: string) => string,
  ) {
    const n = order.length;
    order.forEach((t, i) => this.indexOf.set(t.id, i));
    this.deps = order.map((t) => allDependencies(t));
    this.requiredOf = order.map((t) => new Set(t.dependsOn ?? []));
    this.dependants = order.map(() => []);
    this.deps.forEach((ids, i) => ids.forEach((id) => this.dependants[this.indexOf.get(id)!]!.push(i)));
    // Tasks on the longest chain of dependants starting at each task (itself included).
    const rank = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      let longest = 0;
      for (const d of this.dependants[i]!) longest = Math.max(longest, rank[d]!);
      rank[i] = longest + 1;
    }
    this.unsettled = new Int32Array(n);
    this.ready = new Heap((a, b) => rank[a]! > rank[b]! || (rank[a] === rank[b] && a < b));
  }

  /** Dependencies (required and optional) of a task, computed once. */
  dependenciesOf(taskId: string): readonly string[] {
    return this.deps[this.indexOf.get(taskId)!]!;
  }

  /** Counts each task's unsettled dependencies and queues what can be decided now. */
  seed(): void {
    this.order.forEach((task, i) => {
      let count = 0;
      let blocked = false;
      for (const id of this.deps[i]!) {
        const status = this.statusOf(id);
        if (!isSettled(status)) count += 1;
        else if (BLOCKS_DEPENDANTS.has(status) && this.requiredOf[i]!.has(id)) blocked = true;
      }
      this.unsettled[i] = count;
      if (this.statusOf(task.id) !== 'pending') return;
      if (blocked) this.blocked.push(i);
      else if (count === 0) this.ready.push(i);
    });
  }

  /** A task reached a final status: its dependants get one fewer dependency to wait for. */
  settled(task: TaskDefinition): void {
    const i = this.indexOf.get(task.id)!;
    const blocks = BLOCKS_DEPENDANTS.has(this.statusOf(task.id));
    for (const d of this.dependants[i]!) {
      const left = this.unsettled[d]! - 1;
      this.unsettled[d] = left;
      if (this.statusOf(this.order[d]!.id) !== 'pending') continue;
      if (blocks && this.requiredOf[d]!.has(task.id)) this.blocked.push(d);
      else if (left === 0) this.ready.push(d);
    }
  }

  /** Back in the ready queue: a task that did not start, or went back to pending. */
  requeue(task: TaskDefinition): void {
    this.ready.push(this.indexOf.get(task.id)!);
  }

  /** The next ready task, critical path first; undefined when none. */
  nextReady(): TaskDefinition | undefined {
    const i = this.ready.pop();
    return i === undefined ? undefined : this.order[i];
  }

  /** The next task to skip because a required dependency failed, in graph order. */
  nextBlocked(): TaskDefinition | undefined {
    const i = this.blocked.pop();
    return i === undefined ? undefined : this.order[i];
  }
}
