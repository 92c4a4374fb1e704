import { describe, expect, it } from 'vitest';
import { BudgetExhaustedError, ExecutionInterruptedError } from '../../../src/primitives/errors.js';
import { FAKE_EPOCH } from '../../support/fake-clock.js';
import { awsError, harness, policy, sleeper, taskOf } from './helpers.js';

const hangs = (id: string, timeoutMs?: number) =>
  taskOf(
    id,
    (ctx) => {
      ctx.signal.addEventListener('abort', () => seen.set(id, ctx.signal.reason));
      return new Promise(() => {});
    },
    timeoutMs === undefined ? {} : { timeoutMs },
  );
const seen = new Map<string, unknown>();

describe('executeGraph time budget', () => {
  it('does not start a task that cannot finish, returns partial, and the next run finishes it', async () => {
    const h = harness();
    const a1 = sleeper('ec2-inventory:a1', 3000);
    const a2 = sleeper('ec2-inventory:a2', 3000);
    const cost = sleeper('cost-analysis', 3000);
    // report waits for all three, so they tie on the critical path and start in graph order.
    const report = taskOf('report', async (ctx) => [...ctx.inputs.keys()].sort(), {
      dependsOn: ['cost-analysis', 'ec2-inventory:a1', 'ec2-inventory:a2'],
    });
    const tasks = [a1, a2, cost, report];
    // Hard stop at +14 s. a1 fits on its timeout (10 s); a2 on a1's observed 3 s;
    // cost-analysis has no observation and its 10 s timeout no longer fits at +6 s.
    const first = await h.execute({
      tasks,
      policy: policy({ timeoutMs: 10_000 }),
      maxConcurrentTasks: 1,
      deadline: FAKE_EPOCH + 15_000,
      safetyMarginMs: 1000,
    });

    expect(first).toMatchObject({ status: 'partial', pending: ['cost-analysis', 'report'] });
    expect(h.of('taskDeferred')).toMatchObject([{ taskId: 'cost-analysis', at: FAKE_EPOCH + 6000 }]);
    expect(h.of('taskDeferred')[0]?.reason).toMatch(/needs about 10 s and 8 s remain/);
    expect(h.of('budgetExhausted')).toMatchObject([{ pending: ['cost-analysis', 'report'] }]);
    expect(h.of('executionFinished')).toMatchObject([{ status: 'partial', pending: ['cost-analysis', 'report'] }]);
    expect(h.journal.manifest.tasks['cost-analysis']).toMatchObject({ status: 'pending', attempts: 0 });
    expect(h.journal.manifest.status).toBe('partial');
    expect(h.journal.manifest.finishedAt).toBeUndefined();
    expect(cost.calls).toHaveLength(0);

    const next = h.journal.reload();
    const second = await h.execute({
      journal: next,
      tasks,
      policy: policy({ timeoutMs: 10_000 }),
      deadline: h.clock.now() + 60_000,
      safetyMarginMs: 1000,
    });
    expect(second).toMatchObject({ status: 'completed', pending: [] });
    expect(second.results.get('report')).toEqual(['cost-analysis', 'ec2-inventory:a1', 'ec2-inventory:a2']);
    expect([a1.calls.length, a2.calls.length, cost.calls.length]).toEqual([1, 1, 1]);
    expect(next.manifest.status).toBe('completed');
  });

  it('aborts in-flight work at deadline - margin: not a failure, back to pending with the attempt counted', async () => {
    const h = harness();
    const quick = sleeper('ec2-inventory:a', 1000);
    // Its own timeout is long, but its type was observed at 1 s, so the budget lets it start.
    const stuck = hangs('ec2-inventory:b', 60_000);
    const outcome = await h.execute({
      tasks: [quick, stuck],
      policy: policy({ timeoutMs: 5000 }),
      maxConcurrentTasks: 1,
      deadline: FAKE_EPOCH + 40_000,
      safetyMarginMs: 30_000,
    });
    expect(outcome).toMatchObject({ status: 'partial', pending: ['ec2-inventory:b'] });
    expect(h.clock.now()).toBe(FAKE_EPOCH + 10_000);
    expect(seen.get('ec2-inventory:b')).toBeInstanceOf(BudgetExhaustedError);
    expect(stuck.calls[0]?.signal.aborted).toBe(true);
    const record = h.journal.manifest.tasks['ec2-inventory:b'];
    expect(record).toMatchObject({ status: 'pending', attempts: 1 });
    expect(record?.error).toBeUndefined();
    expect(h.of('taskFailed')).toHaveLength(0);
    expect(h.of('taskInterrupted')).toMatchObject([{ taskId: 'ec2-inventory:b', status: 'pending' }]);
    expect(h.of('budgetExhausted')).toMatchObject([{ pending: ['ec2-inventory:b'] }]);
  });

  it('stops retrying when the next attempt cannot finish in time', async () => {
    const h = harness();
    const task = taskOf('cost-analysis', async (ctx) => {
      await ctx.clock.sleep(4000, ctx.signal);
      throw awsError('ThrottlingException');
    });
    const outcome = await h.execute({
      tasks: [task],
      policy: policy({ timeoutMs: 5000 }),
      random: () => 0,
      deadline: FAKE_EPOCH + 8000,
      safetyMarginMs: 0,
    });
    expect(outcome).toMatchObject({ status: 'partial', pending: ['cost-analysis'] });
    expect(task.calls).toHaveLength(1);
    expect(h.journal.manifest.tasks['cost-analysis']).toMatchObject({ status: 'pending', attempts: 1 });
    expect(h.of('taskDeferred')).toMatchObject([{ taskId: 'cost-analysis' }]);
  });

  it('leaves a task that does not fit pending even behind an open breaker (budget before breaker)', async () => {
    const h = harness();
    h.journal.manifest.breakers['cost-analysis'] = { state: 'open', consecutiveFailures: 3, openedAt: new Date(FAKE_EPOCH).toISOString() };
    const outcome = await h.execute({
      tasks: [sleeper('cost-analysis', 10)],
      policy: policy({ timeoutMs: 10_000 }),
      deadline: FAKE_EPOCH + 5000,
      safetyMarginMs: 0,
    });
    expect(outcome).toMatchObject({ status: 'partial', pending: ['cost-analysis'] });
    expect(h.of('taskSkipped')).toHaveLength(0);
  });

  it('starts nothing when the deadline has already passed', async () => {
    const h = harness();
    const task = sleeper('a', 10);
    const outcome = await h.execute({ tasks: [task], deadline: FAKE_EPOCH + 10_000 });
    expect(outcome).toMatchObject({ status: 'partial', pending: ['a'] });
    expect(task.calls).toHaveLength(0);
  });

  it('has no budget without a deadline', async () => {
    const h = harness();
    const outcome = await h.execute({ tasks: [sleeper('a', 10_000_000)], policy: policy({ timeoutMs: 20_000_000 }) });
    expect(outcome.status).toBe('completed');
    expect(h.of('taskDeferred', 'budgetExhausted')).toHaveLength(0);
  });
});

describe('executeGraph outside stop (options.signal)', () => {
  it('stops like the deadline: in-flight back to pending, partial, resumable', async () => {
    const h = harness();
    const stop = new AbortController();
    const a = sleeper('a', 100);
    const b = taskOf('b', async (ctx) => {
      stop.abort(new Error('SIGTERM'));
      await ctx.clock.sleep(100, ctx.signal);
      return 'b';
    });
    const c = sleeper('c', 100, 'c', { dependsOn: ['b'] });
    const first = await h.execute({ tasks: [a, b, c], signal: stop.signal, maxConcurrentTasks: 2 });
    expect(first).toMatchObject({ status: 'partial', pending: ['a', 'b', 'c'] });
    expect(b.calls[0]?.signal.reason).toBeInstanceOf(ExecutionInterruptedError);
    expect(h.journal.manifest.tasks.b).toMatchObject({ status: 'pending', attempts: 1 });
    expect(h.of('executionInterrupted')).toMatchObject([{ reason: 'run stopped: SIGTERM', pending: ['a', 'b', 'c'] }]);
    expect(h.of('budgetExhausted')).toHaveLength(0);

    const second = await h.execute({ journal: h.journal.reload(), tasks: [a, b, c] });
    expect(second.status).toBe('completed');
  });

  it('returns at once when the signal is already aborted', async () => {
    const h = harness();
    const task = sleeper('a', 10);
    const outcome = await h.execute({ tasks: [task], signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ status: 'partial', pending: ['a'] });
    expect(task.calls).toHaveLength(0);
  });
});
