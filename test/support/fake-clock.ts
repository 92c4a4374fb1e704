import type { Clock } from '../../src/primitives/clock.js';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Epoch ms every fake clock starts at unless told otherwise: 2026-11-25T06:00:00Z. */
export const FAKE_EPOCH = Date.parse('2026-11-25T06:00:00Z');

/**
 * A Clock whose time moves only when the test says so. `sleep` registers a timer; `advance`
 * moves time and fires due timers in order; `run(promise)` drives time until the promise settles.
 * Nothing sleeps for real, so tests assert counts and order, never wall time.
 */
export interface FakeClock extends Clock {
  /** Timers waiting to fire. */
  readonly pendingTimers: number;
  /** Every `sleep(ms)` requested, in order (backoffs, timeouts, the budget's hard stop). */
  readonly sleeps: number[];
  /** Moves time forward by `ms`, firing due timers in order and letting promise chains settle between them. */
  advance(ms: number): Promise<void>;
  /** Fires every timer, jumping to each in turn, until none is left. */
  runAll(): Promise<void>;
  /** Drives time until `promise` settles; throws if it cannot settle (no timer left to fire). */
  run<T>(promise: Promise<T>): Promise<T>;
}

/** Lets every promise chain that is not waiting on a timer run to its next wait. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function createFakeClock(start = FAKE_EPOCH): FakeClock {
  let now = start;
  let seq = 0;
  const timers: Timer[] = [];
  const sleeps: number[] = [];

  const next = (): Timer | undefined => {
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    return timers[0];
  };
  const fireDue = async (until: number): Promise<void> => {
    for (let t = next(); t && t.at <= until; t = next()) {
      timers.shift();
      now = Math.max(now, t.at);
      t.resolve();
      await settle();
    }
    now = Math.max(now, until);
  };

  const clock: FakeClock = {
    now: () => now,
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const timer: Timer = {
          at: now + Math.max(0, ms),
          seq: seq++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const i = timers.indexOf(timer);
          if (i >= 0) timers.splice(i, 1);
          reject(signal?.reason);
        };
        timers.push(timer);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    get pendingTimers() {
      return timers.length;
    },
    get sleeps() {
      return sleeps;
    },
    async advance(ms) {
      await settle();
      await fireDue(now + ms);
      await settle();
    },
    async runAll() {
      await settle();
      for (let t = next(), guard = 0; t; t = next(), guard++) {
        if (guard > 100_000) throw new Error('fake clock: timers keep coming back (more than 100000 fired)');
        await fireDue(t.at);
      }
    },
    async run(promise) {
      let settled = false;
      const watched = promise.finally(() => {
        settled = true;
      });
      watched.catch(() => {});
      await settle();
      for (let guard = 0; !settled; guard++) {
        const t = next();
        if (!t) throw new Error('fake clock: the promise is still pending and no timer is left to fire (deadlock)');
        if (guard > 100_000) throw new Error('fake clock: more than 100000 timers fired before the promise settled');
        await fireDue(t.at);
      }
      return promise;
    },
  };
  return clock;
}
