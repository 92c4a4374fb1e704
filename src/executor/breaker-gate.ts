import { CircuitOpenError } from '../primitives/errors.js';
import type { BreakerState, ExecutionManifest } from '../records/state.js';
import { decide, initialBreakerState, recordFailure, recordSuccess } from './breaker.js';
import type { Clock } from '../primitives/clock.js';
import type { ExecutorEvent } from './events.js';
import type { BreakerPolicy, TaskDefinition } from './types.js';

type Task = Pick<TaskDefinition, 'id' | 'type' | 'breakerKeys'>;

/** The breakers a task sits behind: its type's, then any extra keys (e.g. `aws:ce`). */
export function breakerKeysOf(task: Task): string[] {
  return [...new Set([task.type, ...(task.breakerKeys ?? [])])];
}

/**
 * Applies the pure breaker transitions to `manifest.breakers` for the scheduler: admission of a
 * task behind all its keys, the single half-open trial per key, and outcome bookkeeping, with
 * the breaker events. Which tasks hold a trial is per run (in memory); a half-open breaker left
 * by a crashed run simply allows a new trial.
 */
export class BreakerGate {
  private readonly trials = new Set<string>();

  constructor(
    private readonly manifest: ExecutionManifest,
    private readonly clock: Clock,
    private readonly emit: (event: ExecutorEvent) => void,
    private readonly changed: () => void,
  ) {}

  /** Side-effect free: whether the task may start now. An open breaker gives the error to skip with. */
  evaluate(task: Task, policy: BreakerPolicy): { kind: 'admit' } | { kind: 'wait' } | { kind: 'reject'; error: CircuitOpenError } {
    let wait = false;
    for (const key of breakerKeysOf(task)) {
      const decision = decide(this.state(key), policy, this.clock.now(), this.trials.has(key));
      if (decision.kind === 'reject') return { kind: 'reject', error: new CircuitOpenError(key, new Date(decision.retryAt).toISOString()) };
      if (decision.kind === 'wait') wait = true;
    }
    return wait ? { kind: 'wait' } : { kind: 'admit' };
  }

  /** Commits an admission `evaluate` allowed. @returns the keys whose trial this task holds */
  admit(task: Task, policy: BreakerPolicy): string[] {
    const claimed: string[] = [];
    for (const key of breakerKeysOf(task)) {
      const decision = decide(this.state(key), policy, this.clock.now(), this.trials.has(key));
      if (decision.kind !== 'admit' || !decision.trial) continue;
      this.trials.add(key);
      claimed.push(key);
      if (this.state(key).state === 'open') {
        this.set(key, decision.state);
        this.emit({ type: 'breakerHalfOpen', key, at: this.clock.now() });
      }
    }
    return claimed;
  }

  release(keys: readonly string[]): void {
    for (const key of keys) this.trials.delete(key);
  }

  succeeded(task: Task): void {
    for (const key of breakerKeysOf(task)) this.update(key, recordSuccess(this.state(key)));
  }

  failed(task: Task, policy: BreakerPolicy, error: string): void {
    for (const key of breakerKeysOf(task)) this.update(key, recordFailure(this.state(key), policy, this.clock.now(), error));
  }

  private update(key: string, next: BreakerState): void {
    const before = this.manifest.breakers[key];
    if (before === next) return;
    this.set(key, next);
    const was = before?.state ?? 'closed';
    if (next.state === 'open' && was !== 'open') this.emit({ type: 'breakerOpened', key, state: next, at: this.clock.now() });
    if (next.state === 'closed' && was !== 'closed') this.emit({ type: 'breakerClosed', key, at: this.clock.now() });
  }

  private state(key: string): BreakerState {
    return this.manifest.breakers[key] ?? initialBreakerState();
  }

  private set(key: string, state: BreakerState): void {
    this.manifest.breakers[key] = state;
    this.changed();
  }
}
