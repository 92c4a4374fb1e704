import { describe, expect, it } from 'vitest';
import { TaskTimeoutError } from '../../../src/errors.js';
import { runWithTimeout } from '../../../src/executor/attempt.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { awsError, harness, sleeper } from './helpers.js';

describe('runWithTimeout', () => {
  it('returns the work result and disarms the timer', async () => {
    const clock = createFakeClock();
    const result = await clock.run(runWithTimeout(async () => 'ok', { taskId: 't', timeoutMs: 1000, clock, parent: new AbortController().signal }));
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
  it('retries the attempt when storing the result fails transiently', async () => {
    const h = harness();
    const save = h.journal.saveResult.bind(h.journal);
    let failures = 1;
    h.journal.saveResult = async (id, data) => {
      if (failures-- > 0) throw awsError('SlowDown', 503);
      return save(id, data);
    };
    const task = sleeper('a', 10, 'v');
    const outcome = await h.execute({ tasks: [task], random: () => 0 });
    expect(outcome.results.get('a')).toBe('v');
    expect(task.calls).toHaveLength(2);
  });

  it('keeps the result an abandoned earlier attempt stored first', async () => {
    const h = harness();
    h.journal.results.set('a', 'first');
    // The store holds it, but the listing at start missed it (written while this run began).
    h.journal.storedResultIds = async () => new Set();
    const outcome = await h.execute({ tasks: [sleeper('a', 10, 'second')] });
    expect(outcome.status).toBe('completed');
    expect(outcome.results.get('a')).toBe('first');
  });
});
