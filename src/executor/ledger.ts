import type { TaskError, TaskRecord } from '../records/state.js';
import { classifyError, describeError } from './classify.js';
import type { Clock } from '../primitives/clock.js';
import type { ExecutorEvent } from './events.js';
import type { ExecutionJournal } from './journal.js';
import type { TaskDefinition } from './types.js';

type Emit = (event: ExecutorEvent) => void;
type Task = Pick<TaskDefinition, 'id' | 'type' | 'dependsOn' | 'optionalDependsOn'>;

/** The record shape of an error: name, message and whether a later retry might help. */
export function toTaskError(error: unknown): TaskError {
  return { ...describeError(error), retryable: classifyError(error) === 'retryable' };
}

/**
 * Every status change of a task record goes through here: it sets the record's fields from the
 * clock, tells the journal, and emits the matching event, so records and events never disagree
 * (a success is reported once its result is stored, see `succeed`).
 */
export class TaskLedger {
  constructor(
    private readonly journal: ExecutionJournal,
    private readonly clock: Clock,
    private readonly emit: Emit,
  ) {}

  get(id: string): TaskRecord {
    const record = this.journal.manifest.tasks[id];
    if (!record) throw new Error(`no record for task ${id}`);
    return record;
  }

  /** Creates the record of a new task, or aligns an existing one with the current definition. */
  ensure(task: Task): TaskRecord {
    const dependsOn = [...(task.dependsOn ?? [])];
    const optionalDependsOn = [...(task.optionalDependsOn ?? [])];
    const existing = this.journal.manifest.tasks[task.id];
    if (existing) return Object.assign(existing, { type: task.type, dependsOn, optionalDependsOn });
    const record: TaskRecord = { id: task.id, type: task.type, status: 'pending', attempts: 0, dependsOn, optionalDependsOn };
    this.journal.manifest.tasks[task.id] = record;
    return record;
  }

  /** The task is taken by this run; attempts are counted separately, in `attemptStarted`. */
  begin(task: Task): void {
    const record = this.get(task.id);
    clearOutcome(record);
    record.status = 'running';
    record.startedAt = this.iso();
    this.journal.changed();
  }

  /** @returns the attempt number, counted across runs */
  attemptStarted(task: Task): number {
    const record = this.get(task.id);
    record.attempts += 1;
    this.journal.changed();
    this.emit({ type: 'taskStarted', taskId: task.id, taskType: task.type, attempt: record.attempts, at: this.clock.now() });
    return record.attempts;
  }

  /**
   * Call once the journal has the result. `taskFinished` is emitted now (the task no longer
   * runs) and `taskSucceeded` when `stored` settles: the journal stores the result no later than
   * the checkpoint that records the success, and a success is reported only once a crash could
   * no longer make the task run again.
   */
  succeed(task: Task, stored?: Promise<void>): number {
    const record = this.finish(task, 'succeeded');
    const durationMs = record.durationMs ?? 0;
    const { attempts } = record;
    this.emit({ type: 'taskFinished', taskId: task.id, taskType: task.type, attempt: attempts, durationMs, at: this.clock.now() });
    const report = () =>
      this.emit({ type: 'taskSucceeded', taskId: task.id, taskType: task.type, attempt: attempts, durationMs, at: this.clock.now() });
    if (stored) void stored.then(report);
    else report();
    return durationMs;
  }

  fail(task: Task, error: unknown): number {
    const record = this.finish(task, 'failed');
    record.error = toTaskError(error);
    this.journal.changed();
    this.emit({
      type: 'taskFailed',
      taskId: task.id,
      taskType: task.type,
      attempt: record.attempts,
      error: record.error,
      at: this.clock.now(),
    });
    return record.durationMs ?? 0;
  }

  /** @param error recorded too when the skip comes from an error (not enrolled, breaker open) */
  skip(task: Task, reason: string, error?: unknown): void {
    const record = this.get(task.id);
    if (record.status !== 'running') clearOutcome(record);
    this.finish(task, 'skipped');
    record.skipReason = reason;
    if (error !== undefined) record.error = toTaskError(error);
    this.journal.changed();
    this.emit({ type: 'taskSkipped', taskId: task.id, taskType: task.type, reason, at: this.clock.now() });
  }

  /** Back to pending; attempts already started stay counted. */
  toPending(task: Task): void {
    const record = this.get(task.id);
    clearOutcome(record);
    delete record.startedAt;
    record.status = 'pending';
    this.journal.changed();
  }

  cancel(task: Task): void {
    const record = this.get(task.id);
    if (record.status !== 'running') clearOutcome(record);
    this.finish(task, 'cancelled');
  }

  private finish(task: Task, status: 'succeeded' | 'failed' | 'skipped' | 'cancelled'): TaskRecord {
    const record = this.get(task.id);
    const now = this.clock.now();
    if (record.status === 'running' && record.startedAt) record.durationMs = Math.max(0, now - Date.parse(record.startedAt));
    record.status = status;
    record.finishedAt = new Date(now).toISOString();
    this.journal.changed();
    return record;
  }

  private iso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

function clearOutcome(record: TaskRecord): void {
  delete record.finishedAt;
  delete record.durationMs;
  delete record.error;
  delete record.skipReason;
}
