import type { Clock } from '../primitives/clock.js';

export type { ExecutionStatus, TaskStatus } from '../records/state.js';
import type { TaskStatus } from '../records/state.js';

/** Retry vocabulary shared by every task type. */
export interface RetryPolicy {
  /** Attempts in total, the first included. @default 3 */
  maxAttempts: number;
  /** Upper bound of the first backoff, in ms (full jitter draws in [0, bound)). @default 1000 */
  initialDelayMs: number;
  /** Growth of the bound per attempt. @default 2 */
  backoffCoefficient: number;
  /** Cap of any one backoff, in ms. @default 20000 */
  maxDelayMs: number;
}

export interface BreakerPolicy {
  /** Consecutive failed tasks that open the breaker. @default 3 */
  failureThreshold: number;
  /** Time an open breaker waits before allowing one trial task, in ms. @default 300000 */
  recoveryTimeMs: number;
}

export interface TaskPolicy {
  retry: RetryPolicy;
  breaker: BreakerPolicy;
  /** Per-attempt timeout in ms. @default 300000 */
  timeoutMs: number;
}

/** What the executor hands a task while it runs. */
export interface TaskContext {
  readonly taskId: string;
  readonly executionId: string;
  /** 1-based attempt number, counted across runs of the execution. */
  readonly attempt: number;
  /** Aborted on timeout, on the hard deadline and on cancellation; pass it to every I/O call. */
  readonly signal: AbortSignal;
  /** Results of the dependencies that succeeded, by task id. */
  readonly inputs: ReadonlyMap<string, unknown>;
  /** Optional dependencies that did not succeed, with why. */
  readonly missing: ReadonlyArray<{ taskId: string; status: TaskStatus; reason?: string }>;
  readonly clock: Clock;
}

/** One unit of work in the graph. The id is stable across runs: derive it with `taskId()`. */
export interface TaskDefinition<T = unknown> {
  readonly id: string;
  readonly type: string;
  /** Tasks that must succeed before this one runs; a failed or skipped one skips this task. */
  readonly dependsOn?: readonly string[];
  /** Tasks this one waits for but runs without when they fail or are skipped. */
  readonly optionalDependsOn?: readonly string[];
  /** Breaker keys besides the task type (e.g. `aws:ce`); any open one skips the task. */
  readonly breakerKeys?: readonly string[];
  /** Overrides the type's per-attempt timeout, in ms. */
  readonly timeoutMs?: number;
  /** The work. Its result must be JSON-serialisable: it is stored and handed to dependants. */
  run(ctx: TaskContext): Promise<T>;
}

const ID_PART = /^[a-z0-9][a-z0-9-]{0,62}$/;
const PARAM_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Builds a stable task id from its type and parameters: `ec2-inventory:us-east-1`. */
export function taskId(type: string, ...params: string[]): string {
  if (!ID_PART.test(type)) throw new TypeError(`Invalid task type "${type}": use lowercase letters, digits and dashes`);
  for (const p of params) {
    if (!PARAM_PART.test(p))
      throw new TypeError(`Invalid task parameter "${p}" for type ${type}: use letters, digits, dot, dash and underscore`);
  }
  return [type, ...params].join(':');
}

/** True when `id` has the shape `taskId()` produces, so it is safe as a storage key segment. */
export function isValidTaskId(id: string): boolean {
  const [type, ...params] = id.split(':');
  return type !== undefined && ID_PART.test(type) && params.every((p) => PARAM_PART.test(p));
}
