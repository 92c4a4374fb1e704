import { describeEvent, type LogLevel as EventLevel } from '../operations/event-log.js';
import type { Clock } from '../primitives/clock.js';
import type { ExecutorEvent } from '../executor/events.js';
import { createProgressTracker, type ProgressSnapshot } from '../executor/progress.js';
import { formatDuration } from '../report/format.js';
import type { CliIo } from './context.js';
import type { LogLevel } from './options.js';

const RANK: Record<EventLevel, number> = { debug: 0, info: 1, warning: 2, error: 3 };
/** Redraws of the live line at most this often, in ms: a burst of events must not flood a terminal. */
const REDRAW_MS = 100;

/** Turns executor events into what an operator watches; everything goes to stderr. */
export interface ProgressView {
  onEvent(event: ExecutorEvent): void;
  warn(message: string): void;
  /** Clears the live line before the final result is printed. */
  finish(): void;
}

/**
 * `12/40 done`, or `12/40 done (10 stored)` while finished tasks' results wait for the next
 * checkpoint: a task is done when it finishes, and stored when its checkpoint lands.
 */
export function doneText(p: ProgressSnapshot): string {
  const done = p.succeeded + p.storing;
  return `${done}/${p.total} done${p.storing > 0 ? ` (${p.succeeded} stored)` : ''}`;
}

/** `[######......] 12/40 done (10 stored) · 1 running · 1 failed · ETA 12.0 s` */
export function progressLine(p: ProgressSnapshot, width = 20): string {
  const finished = p.succeeded + p.storing + p.failed + p.skipped + p.cancelled;
  const filled = p.total === 0 ? 0 : Math.round((finished / p.total) * width);
  const parts = [`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${doneText(p)}`, `${p.running} running`];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.skipped > 0) parts.push(`${p.skipped} skipped`);
  if (p.etaMs !== undefined && p.etaMs > 0) parts.push(`ETA ${formatDuration(p.etaMs)}`);
  return parts.join(' · ');
}

/**
 * On a terminal: one live progress line, redrawn in place, with warnings (or whatever
 * `--log-level` asks for) printed above it. Elsewhere (CI logs, pipes): one timestamped line
 * per event at `info` and above, finished tasks with the running count.
 */
export function createProgressView(options: { io: CliIo; clock: Clock; level: LogLevel | undefined; concurrency: number }): ProgressView {
  const { io, clock } = options;
  const tty = io.isTTY;
  const threshold = RANK[options.level ?? (tty ? 'warning' : 'info')];
  const tracker = createProgressTracker({ concurrency: options.concurrency });
  let drawn = false;
  let lastDraw = 0;

  const clear = () => {
    if (drawn) io.stderr.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = (force: boolean) => {
    const now = clock.now();
    if (!force && now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    io.stderr.write(`\r\x1b[2K${progressLine(tracker.snapshot())}`);
    drawn = true;
  };
  const print = (level: EventLevel, message: string) => {
    if (tty) {
      clear();
      io.stderr.write(`${level === 'info' || level === 'debug' ? '' : `${level}: `}${message}\n`);
    } else {
      io.stderr.write(`${new Date(clock.now()).toISOString().slice(11, 19)} ${level.padEnd(7)} ${message}\n`);
    }
  };

  return {
    onEvent(event) {
      tracker.onEvent(event);
      const record = describeEvent(event);
      if (RANK[record.level] >= threshold) {
        const counted = event.type === 'taskSucceeded' || event.type === 'taskFailed' || event.type === 'taskSkipped';
        const snapshot = tracker.snapshot();
        print(record.level, counted && !tty ? `${record.message} [${doneText(snapshot)}, ${snapshot.running} running]` : record.message);
      }
      if (tty) draw(event.type === 'executionStarted' || event.type === 'executionFinished');
    },
    warn(message) {
      const shown = drawn;
      print('warning', message);
      if (tty && shown) draw(true);
    },
    finish() {
      if (tty) clear();
    },
  };
}
