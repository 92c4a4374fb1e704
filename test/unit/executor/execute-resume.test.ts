import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../src/records/state.js';
import { createMemoryJournal } from '../../support/memory-journal.js';
import { harness, sleeper, taskOf } from './helpers.js';

const record = (id: string, status: TaskRecord['status'], extra: Partial<TaskRecord> = {}): TaskRecord => ({
  id,
  type: id.split(':')[0]!,
  status,
  attempts: status === 'pending' ? 0 : 1,
  dependsOn: [],
  optionalDependsOn: [],
  ...extra,
});

describe('executeGraph resume', () => {
  it('creates a pending record for every new task', async () => {
    const h = harness();
    const stop = AbortSignal.abort();
    await h.execute({ tasks: [sleeper('a', 1), sleeper('b', 1, 'b', { dependsOn: ['a'], optionalDependsOn: [] })], signal: stop });
    expect(h.journal.manifest.tasks).toEqual({
      a: record('a', 'pending'),
      b: record('b', 'pending', { dependsOn: ['a'] }),
    });
  });

  it('puts a record left running by a crash back to pending and runs it, the attempt counted', async () => {
    const h = harness(
      createMemoryJournal({ tasks: { a: record('a', 'running', { attempts: 1, startedAt: '2026-11-25T05:00:00.000Z' }) } }),
    );
    const a = sleeper('a', 10);
    const outcome = await h.execute({ tasks: [a] });
    expect(outcome.status).toBe('completed');
    expect(a.calls.map((c) => c.attempt)).toEqual([2]);
    expect(h.journal.manifest.tasks.a).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(h.of('taskReset')).toMatchObject([
      { taskId: 'a', reason: expect.stringMatching(/was running when an earlier run stopped; attempt 1 counted/) },
    ]);
    expect(h.of('executionStarted')[0]?.resumed).toBe(true);
  });

  it('hands a dependant the stored result of an earlier run deep-frozen, as it would this run', async () => {
    // A store's journal parses results from JSON: plain, mutable objects.
    const stored = new Map<string, unknown>([['a', { rows: [1, 2] }]]);
    const h = harness(createMemoryJournal({ tasks: { a: record('a', 'succeeded') } }, stored));
    const a = sleeper('a', 10);
    const b = taskOf('b', async (ctx) => (ctx.inputs.get('a') as { rows: number[] }).rows.push(3), { dependsOn: ['a'] });
    const outcome = await h.execute({ tasks: [a, b] });
    expect(a.calls).toHaveLength(0);
    expect(h.journal.manifest.tasks.b).toMatchObject({ status: 'failed', error: { name: 'TypeError' } });
    expect(outcome.status).toBe('failed');
    expect(stored.get('a')).toEqual({ rows: [1, 2] });
  });

  it('never runs a succeeded task again and hands its stored result to dependants', async () => {
    const h = harness();
    const a = sleeper('a', 10, { rows: [1, 2] });
    const b = taskOf('b', async (ctx) => ctx.inputs.get('a'), { dependsOn: ['a'] });
    await h.execute({ tasks: [a, b] });

    const next = h.journal.reload();
    const c = taskOf('c', async (ctx) => ({ fromA: ctx.inputs.get('a'), fromB: ctx.inputs.get('b') }), { dependsOn: ['a', 'b'] });
    const outcome = await h.execute({ journal: next, tasks: [a, b, c] });
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(1);
    expect(c.calls).toHaveLength(1);
    expect(outcome.results.get('c')).toEqual({ fromA: { rows: [1, 2] }, fromB: { rows: [1, 2] } });
    expect(outcome.results.get('a')).toEqual({ rows: [1, 2] });
    expect(next.loads.sort()).toEqual(['a', 'b']);
    expect(h.of('taskReused').map((e) => e.taskId)).toEqual(['a', 'b']);
    expect(next.counts.storedResultIds).toBe(1);
  });

  it.each([
    ['no record', undefined],
    ['a pending record', record('a', 'pending')],
    ['a running record', record('a', 'running')],
  ])('treats a stored result with %s as succeeded (crash between result and manifest writes)', async (_, existing) => {
    const results = new Map<string, unknown>([['a', { stored: true }]]);
    const h = harness(createMemoryJournal(existing ? { tasks: { a: existing } } : {}, results));
    const a = sleeper('a', 10, { stored: false });
    const b = taskOf('b', async (ctx) => ctx.inputs.get('a'), { dependsOn: ['a'] });
    const outcome = await h.execute({ tasks: [a, b] });
    expect(a.calls).toHaveLength(0);
    expect(outcome.results.get('b')).toEqual({ stored: true });
    expect(h.journal.manifest.tasks.a).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(h.of('taskReused').map((e) => e.taskId)).toEqual(['a']);
  });

  it('runs a succeeded task again when its stored result is gone or corrupt, and says so', async () => {
    const results = new Map<string, unknown>([['b', 'old']]);
    const h = harness(createMemoryJournal({ tasks: { a: record('a', 'succeeded'), b: record('b', 'succeeded') } }, results));
    h.journal.corrupt.add('b');
    const a = sleeper('a', 10, 'fresh a');
    const b = sleeper('b', 10, 'fresh b');
    const outcome = await h.execute({ tasks: [a, b] });
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(1);
    expect(outcome.results.get('a')).toBe('fresh a');
    expect(h.of('taskReset').map((e) => [e.taskId, e.reason])).toEqual([
      ['a', 'succeeded earlier but its stored result is missing or unreadable; running it again'],
      ['b', 'succeeded earlier but its stored result is missing or unreadable; running it again'],
    ]);
    expect(h.journal.manifest.tasks.a).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('keeps tasks that failed or were skipped in an earlier run as they are', async () => {
    const h = harness(
      createMemoryJournal({
        tasks: {
          a: record('a', 'failed', { error: { name: 'Error', message: 'x', retryable: false } }),
          b: record('b', 'skipped', { skipReason: 'dependency a failed', attempts: 0, dependsOn: ['a'] }),
        },
      }),
    );
    const a = sleeper('a', 10);
    const b = sleeper('b', 10, 'b', { dependsOn: ['a'] });
    const c = sleeper('c', 10);
    const outcome = await h.execute({ tasks: [a, b, c] });
    expect([a.calls.length, b.calls.length, c.calls.length]).toEqual([0, 0, 1]);
    expect(outcome.status).toBe('failed');
    expect(h.of('executionStarted')[0]).toMatchObject({ resumed: true, previously: { failed: 1, skipped: 1 } });
  });
});
