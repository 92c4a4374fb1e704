import { TaskSkippedError } from '../primitives/errors.js';
import { runTask, type TaskOutcome } from './attempt.js';
import { BreakerGate } from './breaker-gate.js';
import { budgetRefusal, createBudget, DurationEstimator, type Budget } from './budget.js';
import { describeError } from './classify.js';
import type { Clock } from '../primitives/clock.js';
import type { ExecutorEvent } from './events.js';
import type { ExecutionOutcome, ResolvedOptions } from './options.js';
import { finishRun } from './finish.js';
import { topologicalOrder } from './graph.js';
import { toStoredResult } from './json.js';
import { TaskLedger } from './ledger.js';
import type { ExecutionJournal } from './journal.js';
import { resolvePolicy } from './policy.js';
import { BLOCKS_DEPENDANTS, Readiness } from './readiness.js';
import { prepareRecords } from './resume.js';
import { countEarlierFailures, reasonOf } from './status.js';
import { RunStop } from './stop.js';
import type { TaskContext, TaskDefinition, TaskPolicy } from './types.js';

/** One run of the executor over one execution; see `executeGraph`. */
export class Scheduler {
  private readonly order: TaskDefinition[];
  private readonly journal: ExecutionJournal;
  private readonly clock: Clock;
  private readonly ledger: TaskLedger;
  private readonly breakers: BreakerGate;
  private readonly budget: Budget;
  private estimator = new DurationEstimator();
  private results = new Map<string, unknown>();
  /** When each succeeded task's result is stored (its success is reported then). */
  private readonly storing = new Map<string, Promise<void>>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly deferred = new Set<string>();
  private readonly stop: RunStop;
  private fatal: { error: unknown } | undefined;
  private readonly readiness: Readiness;
  private wakeUp: (() => void) | undefined;
  private woken = false;

  constructor(private readonly options: ResolvedOptions) {
    this.order = topologicalOrder(options.tasks);
    this.journal = options.journal;
    this.clock = options.clock;
    this.ledger = new TaskLedger(this.journal, this.clock, this.emit);
    this.breakers = new BreakerGate(this.journal.manifest, this.clock, this.emit, () => this.journal.changed());
    this.budget = createBudget(options.deadline, options.safetyMarginMs);
    this.stop = new RunStop(this.journal);
    this.readiness = new Readiness(this.order, (id) => this.ledger.get(id).status);
  }

  async execute(): Promise<ExecutionOutcome> {
    const { journal, clock } = this;
    const manifest = journal.manifest;
    // Not under options.signal: these reads are short, and a stop is handled uniformly (→ partial) once they are done.
    const prepared = await prepareRecords({ tasks: this.order, journal, ledger: this.ledger, clock });
    this.results = prepared.results;
    this.estimator = DurationEstimator.fromRecords(this.order.map((t) => this.ledger.get(t.id)));
    manifest.status = 'running';
    delete manifest.finishedAt;
    journal.changed();
    const previously = countEarlierFailures(this.order.map((t) => this.ledger.get(t.id).status));
    this.emit({
      type: 'executionStarted',
      executionId: manifest.executionId,
      total: this.order.length,
      resumed: prepared.resumed,
      at: clock.now(),
      previously,
    });
    prepared.events.forEach(this.emit);

    const unwatch = this.stop.arm({ stopAt: this.budget.stopAt, clock, outside: this.options.signal });
    try {
      await this.loop();
    } finally {
      unwatch();
    }
    if (this.fatal) throw this.fatal.error;
    return finishRun({ order: this.order, ledger: this.ledger, journal, clock, stop: this.stop, results: this.results, emit: this.emit });
  }

  private async loop(): Promise<void> {
    this.readiness.seed();
    const onStop = (): void => this.wake();
    this.stop.signal.addEventListener('abort', onStop, { once: true });
    try {
      for (;;) {
        this.stop.pollCancel();
        if (this.stop.signal.aborted) break;
        this.schedulePass();
        if (this.running.size === 0) break;
        await this.nextWake();
      }
    } finally {
      this.stop.signal.removeEventListener('abort', onStop);
    }
    // Prompt: every attempt races the aborted signal.
    await Promise.all(this.running.values());
  }

  private wake(): void {
    const resolve = this.wakeUp;
    this.wakeUp = undefined;
    if (resolve) resolve();
    else this.woken = true;
  }

  /** One wake-up promise per wait: resolved by the next completion or the stop. */
  private nextWake(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => (this.wakeUp = resolve));
  }

  /**
   * Skips cascade first (in graph order, through every dependant), then ready tasks start while
   * slots are free, longest remaining dependent path first. A ready task that does not start
   * (deferred by the budget, waiting on a breaker) stays ready for the next pass.
   */
  private schedulePass(): void {
    this.flushBlocked();
    const kept: TaskDefinition[] = [];
    try {
      while (this.running.size < this.options.maxConcurrentTasks) {
        const task = this.readiness.nextReady();
        if (task === undefined) return;
        if (this.ledger.get(task.id).status !== 'pending' || this.running.has(task.id)) continue;
        this.stop.pollCancel();
        if (this.stop.signal.aborted) {
          kept.push(task);
          return;
        }
        this.consider(task);
        const { status } = this.ledger.get(task.id);
        if (status === 'pending') kept.push(task);
        // A breaker's rejection skips the task: cascade at once, as a pass in graph order did.
        else if (status !== 'running') this.flushBlocked();
      }
    } finally {
      for (const task of kept) this.readiness.requeue(task);
    }
  }

  private flushBlocked(): void {
    for (let task = this.readiness.nextBlocked(); task !== undefined; task = this.readiness.nextBlocked()) {
      if (this.ledger.get(task.id).status !== 'pending') continue;
      const blocker = (task.dependsOn ?? []).map((id) => this.ledger.get(id)).find((r) => BLOCKS_DEPENDANTS.has(r.status))!;
      this.ledger.skip(task, `dependency ${blocker.id} ${blocker.status}`);
      this.readiness.settled(task);
    }
  }

  /**
   * Policies in order: budget → breaker → (start) retry → timeout. Budget first, so a task that
   * would not fit stays pending for the next run instead of being skipped by a breaker that may
   * have recovered by then.
   */
  private consider(task: TaskDefinition): void {
    const policy = resolvePolicy(this.options.policy, task.type);
    const timeoutMs = task.timeoutMs ?? policy.timeoutMs;
    const refusal = budgetRefusal(this.budget, this.estimator, task.type, timeoutMs, this.clock.now());
    if (refusal) {
      this.defer(task, refusal);
      return;
    }
    const gate = this.breakers.evaluate(task, policy.breaker);
    if (gate.kind === 'reject') {
      this.ledger.skip(task, gate.error.message, gate.error);
      this.readiness.settled(task);
      return;
    }
    if (gate.kind === 'wait') return;
    const trialKeys = this.breakers.admit(task, policy.breaker);
    this.ledger.begin(task);
    const done = this.runOne(task, policy, timeoutMs)
      .catch((error: unknown) => {
        this.fatal ??= { error };
        this.stop.halt('interrupted', error);
      })
      .finally(() => {
        this.breakers.release(trialKeys);
        this.running.delete(task.id);
        this.wake();
      });
    this.running.set(task.id, done);
  }

  private async runOne(task: TaskDefinition, policy: TaskPolicy, timeoutMs: number): Promise<void> {
    const inputs = new Map<string, unknown>();
    const missing: Array<TaskContext['missing'][number]> = [];
    for (const id of this.readiness.dependenciesOf(task.id)) {
      const dep = this.ledger.get(id);
      if (dep.status === 'succeeded') inputs.set(id, this.results.get(id));
      else missing.push({ taskId: id, status: dep.status, ...reasonOf(dep) });
    }
    const outcome = await runTask({
      taskId: task.id,
      policy,
      timeoutMs,
      clock: this.clock,
      random: this.options.random,
      signal: this.stop.signal,
      beforeAttempt: (n) => {
        if (n > 1) {
          this.stop.pollCancel();
          const refusal = this.stop.signal.aborted
            ? 'stopped'
            : budgetRefusal(this.budget, this.estimator, task.type, timeoutMs, this.clock.now());
          if (refusal) return { deferReason: refusal };
        }
        return { attempt: this.ledger.attemptStarted(task) };
      },
      attempt: async (attempt, signal) => {
        const ctx: TaskContext = {
          taskId: task.id,
          executionId: this.journal.manifest.executionId,
          attempt,
          signal,
          inputs,
          missing,
          clock: this.clock,
        };
        const saved = this.journal.saveResult(task.id, toStoredResult(task.id, await task.run(ctx)));
        // An abandoned earlier attempt may have saved first: dependants see the result that stands.
        if (saved.stored) this.storing.set(task.id, saved.stored);
        return saved.result;
      },
      onRetry: ({ attempt, delayMs, error }) => {
        const taskError = { ...describeError(error), retryable: true };
        this.emit({ type: 'taskRetrying', taskId: task.id, taskType: task.type, attempt, delayMs, error: taskError, at: this.clock.now() });
      },
    });
    this.settle(task, policy, outcome);
    this.stop.pollCancel();
  }

  private settle(task: TaskDefinition, policy: TaskPolicy, outcome: TaskOutcome): void {
    this.record(task, policy, outcome);
    if (this.ledger.get(task.id).status === 'pending') this.readiness.requeue(task);
    else this.readiness.settled(task);
  }

  private record(task: TaskDefinition, policy: TaskPolicy, outcome: TaskOutcome): void {
    switch (outcome.kind) {
      case 'succeeded':
        this.results.set(task.id, outcome.result);
        this.estimator.observe(task.type, this.ledger.succeed(task, this.storing.get(task.id)));
        this.storing.delete(task.id);
        this.breakers.succeeded(task);
        return;
      case 'failed':
        this.estimator.observe(task.type, this.ledger.fail(task, outcome.error));
        this.breakers.failed(task, policy.breaker, describeError(outcome.error).message);
        return;
      case 'skipped': {
        const { name, message } = describeError(outcome.error);
        this.ledger.skip(task, outcome.error instanceof TaskSkippedError ? message : `${name}: ${message}`, outcome.error);
        // The service answered (it refused access or the feature is off): it is not down.
        this.breakers.succeeded(task);
        return;
      }
      case 'interrupted': {
        const status = this.stop.kind === 'cancelled' ? 'cancelled' : 'pending';
        if (status === 'cancelled') this.ledger.cancel(task);
        else this.ledger.toPending(task);
        const reason = describeError(outcome.reason).message;
        this.emit({ type: 'taskInterrupted', taskId: task.id, taskType: task.type, status, reason, at: this.clock.now() });
        return;
      }
      case 'deferred':
        this.ledger.toPending(task);
        this.defer(task, outcome.reason);
        return;
    }
  }

  private defer(task: TaskDefinition, reason: string): void {
    if (this.deferred.has(task.id)) return;
    this.deferred.add(task.id);
    this.emit({ type: 'taskDeferred', taskId: task.id, taskType: task.type, reason, at: this.clock.now() });
  }

  /** Listeners are logging at the edge: one that throws must not break the run. */
  private readonly emit = (event: ExecutorEvent): void => {
    try {
      this.options.onEvent?.(event);
    } catch {
      // Deliberately ignored; see above.
    }
  };
}
