import { DEMO_NOW } from '../../src/demo/index.js';
import { systemClock, type Clock } from '../../src/primitives/clock.js';

/** A clock that starts at `base`, ticks in real time and can be moved forward (a later run). */
export function shiftedClock(base: number): Clock & { advance(ms: number): void } {
  const t0 = Date.now();
  let offset = 0;
  return {
    now: () => base + (Date.now() - t0) + offset,
    sleep: systemClock.sleep,
    advance: (ms: number) => void (offset += ms),
  };
}

// The demo account's data is built around DEMO_NOW, and an analysis plans its cost windows from
// its clock's day: both must agree, whatever day the suite runs. The offset is fixed once per
// process and inherited by child processes, so runs killed and re-run share one timeline.
const OFFSET_VARIABLE = 'FINOPS_TEST_DEMO_CLOCK_OFFSET_MS';
process.env[OFFSET_VARIABLE] ??= String(DEMO_NOW.getTime() - Date.now());
const demoOffsetMs = Number(process.env[OFFSET_VARIABLE]);

/** Real time moved to the demo account's day (DEMO_NOW when this process's test file started). */
export const demoClock: Clock = { now: () => Date.now() + demoOffsetMs, sleep: systemClock.sleep };

/** The environment a child process needs to share this process's demo timeline. */
export const demoClockEnv: Record<string, string> = { [OFFSET_VARIABLE]: String(demoOffsetMs) };
