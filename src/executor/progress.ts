import type { ExecutorEvent } from './events.js';

/** Where an execution stands, as derived from its events. */
export interface ProgressSnapshot {
  total: number;
  /** Succeeded with its result stored, in this run or an earlier one (reused). */
  succeeded: number;
  /** Finished with a result the next checkpoint stores (`taskFinished`, no `taskSucceeded` yet): done, not running. */
  storing: number;
  failed: number;
  skipped: number;
  cancelled: number;
  /** Started and not finished: never more than the executor runs at once. */
  running: number;
  /** Neither finished nor running. */
  pending: number;
  /** Estimated time to finish, in ms: mean task duration × (pending + running) / concurrency; undefined before any task finished. */
  etaMs: number | undefined;
}

export interface ProgressTracker extends Readonly<ProgressSnapshot> {
  /** Feed it every executor event (pass it as, or call it from, `onEvent`). */
  readonly onEvent: (event: ExecutorEvent) => void;
  snapshot(): ProgressSnapshot;
}

/**
 * Progress for logs and the CLI (done/total, running, ETA), computed from events only, so it
 * works the same live and when replaying a JSON log.
 * @param options.concurrency tasks run at once, as given to the executor. @default 4
 */
export function createProgressTracker(options: { concurrency?: number } = {}): ProgressTracker {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let total = 0;
  const counts = { succeeded: 0, failed: 0, skipped: 0, cancelled: 0 };
  const running = new Set<string>();
  const storing = new Set<string>();
  let durationSum = 0;
  let durationCount = 0;
  const finished = (durationMs: number) => {
    durationSum += durationMs;
    durationCount += 1;
  };

  const onEvent = (event: ExecutorEvent): void => {
    switch (event.type) {
      case 'executionStarted':
        total = event.total;
        counts.failed = event.previously?.failed ?? 0;
        counts.skipped = event.previously?.skipped ?? 0;
        return;
      case 'taskReused':
        counts.succeeded += 1;
        return;
      case 'taskStarted':
        running.add(event.taskId);
        return;
      case 'taskFinished':
        running.delete(event.taskId);
        storing.add(event.taskId);
        finished(event.durationMs);
        return;
      case 'taskSucceeded':
        counts.succeeded += 1;
        // A log written before `taskFinished` existed has only this event.
        if (storing.delete(event.taskId)) return;
        running.delete(event.taskId);
        finished(event.durationMs);
        return;
      case 'taskFailed':
        running.delete(event.taskId);
        counts.failed += 1;
        return;
      case 'taskSkipped':
        running.delete(event.taskId);
        counts.skipped += 1;
        return;
      case 'taskInterrupted':
        running.delete(event.taskId);
        if (event.status === 'cancelled') counts.cancelled += 1;
        return;
      case 'taskDeferred':
        running.delete(event.taskId);
        return;
      case 'executionCancelled':
        // Every task not finished by now was cancelled.
        counts.cancelled = total - counts.succeeded - storing.size - counts.failed - counts.skipped;
        running.clear();
        return;
      default:
        return;
    }
  };

  const snapshot = (): ProgressSnapshot => {
    const finishedCount = counts.succeeded + storing.size + counts.failed + counts.skipped + counts.cancelled;
    const pending = Math.max(0, total - finishedCount - running.size);
    const remaining = pending + running.size;
    const etaMs = durationCount === 0 ? undefined : remaining === 0 ? 0 : ((durationSum / durationCount) * remaining) / concurrency;
    return { total, ...counts, storing: storing.size, running: running.size, pending, etaMs };
  };

  return {
    onEvent,
    snapshot,
    get total() {
      return total;
    },
    get succeeded() {
      return counts.succeeded;
    },
    get storing() {
      return storing.size;
    },
    get failed() {
      return counts.failed;
    },
    get skipped() {
      return counts.skipped;
    },
    get cancelled() {
      return counts.cancelled;
    },
    get running() {
      return running.size;
    },
    get pending() {
      return snapshot().pending;
    },
    get etaMs() {
      return snapshot().etaMs;
    },
  };
}
