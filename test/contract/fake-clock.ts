import type { Clock } from '../../src/primitives/clock.js';

interface Timer {
  at: number;
  resolve: () => void;
}

/** A clock that only moves when told; `sleep` resolves when `advance` passes its deadline. */
export class FakeClock implements Clock {
  private readonly timers = new Set<Timer>();

  constructor(public time = Date.parse('2026-11-25T06:00:00.000Z')) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = {
        at: this.time + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers.delete(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.add(timer);
    });
  }

  /** Sleepers currently waiting. */
  get pending(): number {
    return this.timers.size;
  }

  /** When the earliest sleeper wakes, or `undefined` when none waits. */
  nextTimerAt(): number | undefined {
    const ats = [...this.timers].map((t) => t.at);
    return ats.length > 0 ? Math.min(...ats) : undefined;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting their callbacks run. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      const next = [...this.timers].filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.time = Math.max(this.time, next.at);
      this.timers.delete(next);
      next.resolve();
      await settle();
    }
    this.time = target;
    await settle();
  }
}

/**
 * Drives `promise` to completion: whenever the code under test is blocked on a fake sleep,
 * jumps time to the next timer. Real I/O in between is awaited (polling), never skipped.
 */
export async function drive<T>(clock: FakeClock, promise: Promise<T>, limitMs = 3_600_000): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  const end = clock.now() + limitMs;
  const realDeadline = Date.now() + 20_000;
  for (;;) {
    while (!settled && clock.pending === 0) {
      if (Date.now() > realDeadline) throw new Error('drive: the code under test neither settled nor slept');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    if (settled) return promise;
    const next = clock.nextTimerAt()!;
    if (next > end) throw new Error(`drive: nothing settled within ${limitMs} ms of fake time`);
    await clock.advance(Math.max(0, next - clock.now()));
  }
}

/** Lets pending promise callbacks and I/O completions run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
