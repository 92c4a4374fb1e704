import { executeGraph, type ExecuteOptions, type ExecutionOutcome } from '../../../src/executor/execute.js';
import type { ExecutorEvent } from '../../../src/executor/events.js';
import { DEFAULT_POLICY, type PolicySet } from '../../../src/executor/policy.js';
import type { TaskContext, TaskDefinition, TaskPolicy } from '../../../src/executor/types.js';
import { createFakeClock, type FakeClock } from '../../support/fake-clock.js';
import { createMemoryJournal, type MemoryJournal } from '../../support/memory-journal.js';

/** Deterministic [0, 1) generator (mulberry32), so jitter is reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A policy with small numbers, easy to reason about in fake time. */
export function policy(
  overrides: { retry?: Partial<TaskPolicy['retry']>; breaker?: Partial<TaskPolicy['breaker']>; timeoutMs?: number } = {},
): PolicySet {
  return {
    default: {
      retry: { ...DEFAULT_POLICY.retry, initialDelayMs: 100, maxDelayMs: 1000, ...overrides.retry },
      breaker: { ...DEFAULT_POLICY.breaker, ...overrides.breaker },
      timeoutMs: overrides.timeoutMs ?? 10_000,
    },
  };
}

/** A task that sleeps `ms` of fake time then returns `value`, counting its runs. */
export function sleeper(
  id: string,
  ms: number,
  value: unknown = id,
  extra: Partial<TaskDefinition> = {},
): TaskDefinition & { calls: TaskContext[] } {
  const calls: TaskContext[] = [];
  return {
    id,
    type: id.split(':')[0]!,
    ...extra,
    calls,
    async run(ctx) {
      calls.push(ctx);
      await ctx.clock.sleep(ms, ctx.signal);
      return value;
    },
  };
}

/** A task whose behaviour is the given function, counting its runs. */
export function taskOf(
  id: string,
  run: (ctx: TaskContext) => Promise<unknown>,
  extra: Partial<TaskDefinition> = {},
): TaskDefinition & { calls: TaskContext[] } {
  const calls: TaskContext[] = [];
  return {
    id,
    type: id.split(':')[0]!,
    ...extra,
    calls,
    run(ctx) {
      calls.push(ctx);
      return run(ctx);
    },
  };
}

/** An error shaped like an AWS SDK v3 service exception. */
export function awsError(name: string, status = 400, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} from AWS`), { name, $metadata: { httpStatusCode: status }, ...extra });
}

export interface Harness {
  clock: FakeClock;
  journal: MemoryJournal;
  events: ExecutorEvent[];
  /** Runs executeGraph on the harness, driving the fake clock until it returns. */
  execute(options: Omit<ExecuteOptions, 'journal' | 'clock' | 'onEvent'> & { journal?: MemoryJournal }): Promise<ExecutionOutcome>;
  /** Events of the given types, in order. */
  of<K extends ExecutorEvent['type']>(...types: K[]): Array<Extract<ExecutorEvent, { type: K }>>;
}

export function harness(journal = createMemoryJournal(), clock = createFakeClock()): Harness {
  const events: ExecutorEvent[] = [];
  const h: Harness = {
    clock,
    journal,
    events,
    execute: ({ journal: j, ...options }) =>
      clock.run(
        executeGraph({
          maxConcurrentTasks: 4,
          random: seeded(1),
          policy: policy(),
          ...options,
          journal: j ?? h.journal,
          clock,
          onEvent: (e) => events.push(e),
        }),
      ),
    of: <K extends ExecutorEvent['type']>(...types: K[]) =>
      events.filter((e): e is Extract<ExecutorEvent, { type: K }> => (types as string[]).includes(e.type)),
  };
  return h;
}
