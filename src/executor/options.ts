import { systemClock, type Clock } from '../primitives/clock.js';
import type { ExecutorEventListener } from './events.js';
import type { ExecutionJournal } from './journal.js';
import { DEFAULT_POLICY_SET, integer, number, validatePolicySet, type PolicySet } from './policy.js';
import type { ExecutionStatus, TaskDefinition } from './types.js';

export interface ExecuteOptions {
  tasks: readonly TaskDefinition[];
  /** Durable state; `manifest.tasks` may already hold records from earlier runs (resume). */
  journal: ExecutionJournal;
  /** Tasks running at once. @default 4 */
  maxConcurrentTasks?: number;
  /** Retry, breaker and timeout policies, by task type. @default DEFAULT_POLICY_SET */
  policy?: PolicySet;
  /** @default systemClock */
  clock?: Clock;
  /** Source of jitter in [0, 1). @default Math.random */
  random?: () => number;
  /** Epoch ms when the time budget ends; without it there is no budget. */
  deadline?: number;
  /** In-flight work is aborted at `deadline - safetyMarginMs`, leaving time to checkpoint and publish, in ms. @default 30000 */
  safetyMarginMs?: number;
  /** Outside stop (SIGTERM, job cancel): like the deadline, in-flight work goes back to pending → `partial`. */
  signal?: AbortSignal;
  onEvent?: ExecutorEventListener;
}

export interface ExecutionOutcome {
  /** Never `running`; see `finalStatus` for the rule. */
  status: Exclude<ExecutionStatus, 'running'>;
  /** Ids of the tasks left pending for the next run, in graph order. */
  pending: string[];
  /** Results of every succeeded task, by id (reused ones loaded from the journal). */
  results: Map<string, unknown>;
}

/** Default of `maxConcurrentTasks`. */
export const DEFAULT_MAX_CONCURRENT_TASKS = 4;
/** Default of `safetyMarginMs`, in ms. */
export const DEFAULT_SAFETY_MARGIN_MS = 30_000;

/** ExecuteOptions with every default applied and checked. */
export type ResolvedOptions = Required<Omit<ExecuteOptions, 'deadline' | 'signal' | 'onEvent'>> &
  Pick<ExecuteOptions, 'deadline' | 'signal' | 'onEvent'>;

/** Applies defaults and rejects bad options with the option's name and value. */
export function resolveOptions(options: ExecuteOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    ...options,
    maxConcurrentTasks: options.maxConcurrentTasks ?? DEFAULT_MAX_CONCURRENT_TASKS,
    policy: options.policy ?? DEFAULT_POLICY_SET,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    safetyMarginMs: options.safetyMarginMs ?? DEFAULT_SAFETY_MARGIN_MS,
  };
  integer('maxConcurrentTasks', resolved.maxConcurrentTasks, 1, 1000);
  number('safetyMarginMs', resolved.safetyMarginMs, 0, Number.MAX_SAFE_INTEGER);
  if (resolved.deadline !== undefined) number('deadline', resolved.deadline, 0, Number.MAX_SAFE_INTEGER);
  validatePolicySet(resolved.policy);
  return resolved;
}
