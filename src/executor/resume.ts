import type { Clock } from '../primitives/clock.js';
import type { ExecutorEvent } from './events.js';
import type { ExecutionJournal } from './journal.js';
import { toStoredResult } from './json.js';
import type { TaskLedger } from './ledger.js';
import type { TaskDefinition } from './types.js';

export interface Prepared {
  /** Results of the succeeded tasks, loaded from the journal. */
  results: Map<string, unknown>;
  /** Whether records of this graph existed before (an earlier run worked on the execution). */
  resumed: boolean;
  /** Emitted once the execution has started: taskReset and taskReused, in graph order. */
  events: ExecutorEvent[];
}

/** Bounded so a resume of a large execution does not open hundreds of reads at once. */
const LOAD_CONCURRENCY = 8;

/**
 * Brings the records in line with what is really stored before anything runs:
 * - a task without a record gets one (pending, 0 attempts);
 * - a record left `running` was interrupted by a crash: back to pending, its attempt counted;
 * - a task whose result is stored but whose record does not say succeeded (a crash between the
 *   result write and the manifest write) is succeeded: its work is done;
 * - every succeeded task's result is loaded for its dependants; one that is missing or corrupt
 *   sends the task back to pending to run again.
 */
export async function prepareRecords(options: {
  tasks: readonly TaskDefinition[];
  journal: ExecutionJournal;
  ledger: TaskLedger;
  clock: Clock;
  signal?: AbortSignal;
}): Promise<Prepared> {
  const { tasks, journal, ledger, clock, signal } = options;
  const events: ExecutorEvent[] = [];
  const note = (task: TaskDefinition, reason: string) =>
    events.push({ type: 'taskReset', taskId: task.id, taskType: task.type, reason, at: clock.now() });
  const resumed = tasks.some((t) => journal.manifest.tasks[t.id] !== undefined);

  for (const task of tasks) {
    const record = ledger.ensure(task);
    if (record.status === 'running') {
      ledger.toPending(task);
      note(task, `was running when an earlier run stopped; attempt ${record.attempts} counted, running it again`);
    }
  }

  const stored = await journal.storedResultIds(signal);
  for (const task of tasks) {
    const record = ledger.get(task.id);
    if (record.status !== 'succeeded' && stored.has(task.id)) {
      const { attempts } = record;
      Object.assign(record, { status: 'succeeded', attempts: Math.max(attempts, 1), finishedAt: new Date(clock.now()).toISOString() });
      delete record.error;
      delete record.skipReason;
    }
  }

  const succeeded = tasks.filter((t) => ledger.get(t.id).status === 'succeeded');
  const loaded = new Map<string, unknown>();
  for (let i = 0; i < succeeded.length; i += LOAD_CONCURRENCY) {
    const batch = succeeded.slice(i, i + LOAD_CONCURRENCY);
    const values = await Promise.all(batch.map((t) => journal.loadResult(t.id, signal)));
    batch.forEach((t, j) => loaded.set(t.id, values[j]));
  }

  const results = new Map<string, unknown>();
  for (const task of succeeded) {
    const value = loaded.get(task.id);
    if (value === undefined) {
      ledger.toPending(task);
      note(task, 'succeeded earlier but its stored result is missing or unreadable; running it again');
    } else {
      // Frozen like this run's own results, so a dependant that changes its input fails the same way resumed or not.
      results.set(task.id, toStoredResult(task.id, value));
      events.push({ type: 'taskReused', taskId: task.id, taskType: task.type, at: clock.now() });
    }
  }
  journal.changed();
  return { results, resumed, events };
}
