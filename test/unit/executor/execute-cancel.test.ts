import { describe, expect, it } from 'vitest';
import { ExecutionCancelledError } from '../../../src/primitives/errors.js';
import { createMemoryJournal } from '../../support/memory-journal.js';
import { FAKE_EPOCH } from '../../support/fake-clock.js';
import { harness, sleeper, taskOf } from './helpers.js';

describe('executeGraph cancellation', () => {
  it('aborts in-flight work at once when the journal pushes a cancel, and cancels what never started', async () => {
    const h = harness();
    const done = sleeper('done', 10);
    const busy = taskOf('busy', async (ctx) => {
      await ctx.clock.sleep(50, ctx.signal);
      h.journal.requestCancel();
      await ctx.clock.sleep(1000, ctx.signal);
      return 'never';
    });
    const later = sleeper('later', 10, 'later', { dependsOn: ['busy'] });
    const outcome = await h.execute({ tasks: [done, busy, later] });

    expect(outcome).toMatchObject({ status: 'cancelled', pending: [] });
    expect(h.clock.now()).toBe(FAKE_EPOCH + 50);
    expect(busy.calls[0]?.signal.reason).toBeInstanceOf(ExecutionCancelledError);
    const statuses = Object.fromEntries(Object.values(h.journal.manifest.tasks).map((r) => [r.id, r.status]));
    expect(statuses).toEqual({ done: 'succeeded', busy: 'cancelled', later: 'cancelled' });
    expect(later.calls).toHaveLength(0);
    expect(h.of('taskInterrupted')).toMatchObject([{ taskId: 'busy', status: 'cancelled' }]);
    expect(h.of('executionCancelled')).toHaveLength(1);
    expect(h.journal.manifest).toMatchObject({ status: 'cancelled', finishedAt: new Date(FAKE_EPOCH + 50).toISOString() });
    expect(h.of('executionFinished')).toMatchObject([{ status: 'cancelled' }]);
  });

  it('stops scheduling when a polled cancel is seen as a task finishes', async () => {
    const journal = createMemoryJournal();
    (journal as { onCancelRequested?: unknown }).onCancelRequested = undefined;
    const h = harness(journal);
    const first = taskOf('first', async () => {
      journal.manifest.cancelRequested = true;
      return 1;
    });
    const second = sleeper('second', 10);
    const third = sleeper('third', 10);
    const outcome = await h.execute({ tasks: [first, second, third], maxConcurrentTasks: 1 });
    expect(outcome.status).toBe('cancelled');
    expect(second.calls).toHaveLength(0);
    expect(journal.manifest.tasks.first?.status).toBe('succeeded');
    expect(journal.manifest.tasks.second?.status).toBe('cancelled');
    expect(journal.manifest.tasks.third?.status).toBe('cancelled');
  });

  it('runs nothing when the execution is already cancelled', async () => {
    const h = harness(createMemoryJournal({ cancelRequested: true }));
    const task = sleeper('a', 10);
    const outcome = await h.execute({ tasks: [task] });
    expect(outcome.status).toBe('cancelled');
    expect(task.calls).toHaveLength(0);
    expect(h.journal.manifest.tasks.a?.status).toBe('cancelled');
  });

  it('does not start a retry after a cancel', async () => {
    const journal = createMemoryJournal();
    (journal as { onCancelRequested?: unknown }).onCancelRequested = undefined;
    const h = harness(journal);
    const task = taskOf('a', async () => {
      journal.manifest.cancelRequested = true;
      throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    });
    const outcome = await h.execute({ tasks: [task], random: () => 0 });
    expect(outcome.status).toBe('cancelled');
    expect(task.calls).toHaveLength(1);
    expect(journal.manifest.tasks.a).toMatchObject({ status: 'cancelled', attempts: 1 });
  });
});
