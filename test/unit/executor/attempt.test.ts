import { describe, expect, it } from 'vitest';
import { TaskTimeoutError } from '../../../src/primitives/errors.js';
import { runWithTimeout } from '../../../src/executor/attempt.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { harness, sleeper } from './helpers.js';

describe('runWithTimeout', () => {
  it('returns the work result and disarms the timer', async () => {
    const clock = createFakeClock();
    const result = await clock.run(
      runWithTimeout(async () => 'ok', { taskId: 't', timeoutMs: 1000, clock, parent: new AbortController().signal }),
    );
    expect(result).toBe('ok');
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects with TaskTimeoutError and aborts the signal of work that ignores it', async () => {
    const clock = createFakeClock();
    let signal: AbortSignal | undefined;
    const run = runWithTimeout(
      (s) => {
        signal = s;
        return new Promise(() => {});
      },
      { taskId: 't', timeoutMs: 1000, clock, parent: new AbortController().signal },
    );
    await expect(clock.run(run)).rejects.toThrow(TaskTimeoutError);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBeInstanceOf(TaskTimeoutError);
  });

  it('prefers the abort reason over what the work throws on seeing the abort', async () => {
    const clock = createFakeClock();
    const parent = new AbortController();
    const run = runWithTimeout(
      (s) =>
        new Promise((_, reject) => {
          s.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
        }),
      { taskId: 't', timeoutMs: 1000, clock, parent: parent.signal },
    );
    parent.abort(new Error('budget'));
    await expect(run).rejects.toThrow('budget');
    expect(clock.pendingTimers).toBe(0);
  });

  it('turns a synchronous throw into a rejection', async () => {
    const clock = createFakeClock();
    const run = runWithTimeout(
      () => {
        throw new Error('sync');
      },
      { taskId: 't', timeoutMs: 1000, clock, parent: new AbortController().signal },
    );
    await expect(clock.run(run)).rejects.toThrow('sync');
  });
});

describe('storing results', () => {
  it('keeps the result an abandoned earlier attempt of the same run saved first', async () => {
    const h = harness();
    // What an attempt abandoned at its timeout, still running, saves before its retry finishes.
    h.journal.saveResult('a', 'first');
    const outcome = await h.execute({ tasks: [sleeper('a', 10, 'second')] });
    expect(outcome.status).toBe('completed');
    expect(outcome.results.get('a')).toBe('first');
  });
});
