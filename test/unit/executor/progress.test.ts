import { describe, expect, it } from 'vitest';
import { createProgressTracker } from '../../../src/executor/progress.js';
import { harness, sleeper, taskOf } from './helpers.js';

describe('createProgressTracker', () => {
  it('counts from events and estimates the time left', () => {
    const p = createProgressTracker({ concurrency: 2 });
    const at = 0;
    p.onEvent({ type: 'executionStarted', executionId: 'e', total: 6, resumed: true, at, previously: { failed: 0, skipped: 1 } });
    p.onEvent({ type: 'taskReused', taskId: 'r', taskType: 'r', at });
    expect(p.snapshot()).toEqual({
      total: 6,
      succeeded: 1,
      storing: 0,
      failed: 0,
      skipped: 1,
      cancelled: 0,
      running: 0,
      pending: 4,
      etaMs: undefined,
    });
    p.onEvent({ type: 'taskStarted', taskId: 'a', taskType: 'a', attempt: 1, at });
    p.onEvent({ type: 'taskStarted', taskId: 'b', taskType: 'b', attempt: 1, at });
    p.onEvent({ type: 'taskStarted', taskId: 'b', taskType: 'b', attempt: 2, at });
    expect(p.running).toBe(2);
    expect(p.pending).toBe(2);
    p.onEvent({ type: 'taskFinished', taskId: 'a', taskType: 'a', attempt: 1, durationMs: 1000, at });
    // Finished, its result not stored yet: done, no longer running.
    expect(p.snapshot()).toMatchObject({ succeeded: 1, storing: 1, running: 1, pending: 2 });
    p.onEvent({ type: 'taskSucceeded', taskId: 'a', taskType: 'a', attempt: 1, durationMs: 1000, at });
    expect(p.snapshot()).toMatchObject({ succeeded: 2, storing: 0, running: 1, pending: 2 });
    p.onEvent({ type: 'taskFailed', taskId: 'b', taskType: 'b', attempt: 2, error: { name: 'E', message: 'm', retryable: false }, at });
    // mean 1000 ms × 2 remaining / 2 at a time
    expect(p.snapshot()).toMatchObject({ succeeded: 2, failed: 1, running: 0, pending: 2, etaMs: 1000 });
    p.onEvent({ type: 'taskStarted', taskId: 'c', taskType: 'c', attempt: 1, at });
    p.onEvent({ type: 'taskInterrupted', taskId: 'c', taskType: 'c', status: 'pending', reason: 'budget', at });
    expect(p.snapshot()).toMatchObject({ running: 0, pending: 2 });
    p.onEvent({ type: 'executionCancelled', executionId: 'e', at });
    expect(p.snapshot()).toMatchObject({ cancelled: 2, pending: 0, etaMs: 0 });
  });

  it('agrees with the executor at the end of a run', async () => {
    const h = harness();
    const p = createProgressTracker();
    const tasks = [
      sleeper('a', 10),
      taskOf('b', async () => {
        throw new Error('x');
      }),
      sleeper('c', 10, 'c', { dependsOn: ['b'] }),
      sleeper('d', 10),
    ];
    await h.execute({ tasks });
    h.events.forEach(p.onEvent);
    expect(p.snapshot()).toEqual({
      total: 4,
      succeeded: 2,
      storing: 0,
      failed: 1,
      skipped: 1,
      cancelled: 0,
      running: 0,
      pending: 0,
      etaMs: 0,
    });
  });

  it('with one task at a time, never counts more than one running while finished results wait for the checkpoint', async () => {
    const h = harness();
    // Results are stored with the next checkpoint, as the state store's journal does: here the final flush.
    const waiting: Array<() => void> = [];
    const save = h.journal.saveResult.bind(h.journal);
    h.journal.saveResult = (id, data) => {
      const { promise, resolve } = Promise.withResolvers<void>();
      waiting.push(resolve);
      return { ...save(id, data), stored: promise };
    };
    const flush = h.journal.flush.bind(h.journal);
    h.journal.flush = async () => {
      for (const resolve of waiting.splice(0)) resolve();
      return flush();
    };
    const tasks = Array.from({ length: 8 }, (_, i) => sleeper(`t:${i}`, 100));
    await h.execute({ tasks, maxConcurrentTasks: 1 });

    const p = createProgressTracker({ concurrency: 1 });
    const seen = h.events.map((event) => (p.onEvent(event), { type: event.type, ...p.snapshot() }));
    expect(Math.max(...seen.map((s) => s.running))).toBe(1);
    // Every task finished before the first result was stored: all done, none stored yet, none running.
    const beforeStored = seen[seen.findIndex((s) => s.type === 'taskSucceeded') - 1]!;
    expect(beforeStored).toMatchObject({ succeeded: 0, storing: 8, running: 0, pending: 0 });
    expect(p.snapshot()).toMatchObject({ succeeded: 8, storing: 0, running: 0, pending: 0 });
  });

  it('replays a log written before taskFinished existed: a success ends the task', () => {
    const p = createProgressTracker({ concurrency: 1 });
    const at = 0;
    p.onEvent({ type: 'executionStarted', executionId: 'e', total: 2, resumed: false, at });
    p.onEvent({ type: 'taskStarted', taskId: 'a', taskType: 'a', attempt: 1, at });
    p.onEvent({ type: 'taskSucceeded', taskId: 'a', taskType: 'a', attempt: 1, durationMs: 500, at });
    expect(p.snapshot()).toEqual({
      total: 2,
      succeeded: 1,
      storing: 0,
      failed: 0,
      skipped: 0,
      cancelled: 0,
      running: 0,
      pending: 1,
      etaMs: 500,
    });
  });
});
