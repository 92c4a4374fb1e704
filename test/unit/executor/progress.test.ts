import { describe, expect, it } from 'vitest';
import { createProgressTracker } from '../../../src/executor/progress.js';
import { harness, sleeper, taskOf } from './helpers.js';

describe('createProgressTracker', () => {
  it('counts from events and estimates the time left', () => {
    const p = createProgressTracker({ concurrency: 2 });
    const at = 0;
    p.onEvent({ type: 'executionStarted', executionId: 'e', total: 6, resumed: true, at, previously: { failed: 0, skipped: 1 } });
    p.onEvent({ type: 'taskReused', taskId: 'r', taskType: 'r', at });
    expect(p.snapshot()).toEqual({ total: 6, succeeded: 1, failed: 0, skipped: 1, cancelled: 0, running: 0, pending: 4, etaMs: undefined });
    p.onEvent({ type: 'taskStarted', taskId: 'a', taskType: 'a', attempt: 1, at });
    p.onEvent({ type: 'taskStarted', taskId: 'b', taskType: 'b', attempt: 1, at });
    p.onEvent({ type: 'taskStarted', taskId: 'b', taskType: 'b', attempt: 2, at });
    expect(p.running).toBe(2);
    expect(p.pending).toBe(2);
    p.onEvent({ type: 'taskSucceeded', taskId: 'a', taskType: 'a', attempt: 1, durationMs: 1000, at });
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
    expect(p.snapshot()).toEqual({ total: 4, succeeded: 2, failed: 1, skipped: 1, cancelled: 0, running: 0, pending: 0, etaMs: 0 });
  });
});
