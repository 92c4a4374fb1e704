import { describe, expect, it } from 'vitest';
import { TaskSkippedError } from '../../../src/primitives/errors.js';
import { executionManifestSchema } from '../../../src/records/state.js';
import { FAKE_EPOCH } from '../../support/fake-clock.js';
import { harness, sleeper, taskOf } from './helpers.js';

describe('executeGraph scheduling', () => {
  it('never exceeds maxConcurrentTasks and really overlaps independent tasks', async () => {
    const h = harness();
    let active = 0;
    let peak = 0;
    const tasks = Array.from({ length: 7 }, (_, i) =>
      taskOf(`ec2-inventory:r${i}`, async (ctx) => {
        active += 1;
        peak = Math.max(peak, active);
        await ctx.clock.sleep(100, ctx.signal);
        active -= 1;
        return i;
      }),
    );
    const outcome = await h.execute({ tasks, maxConcurrentTasks: 3 });
    expect(outcome.status).toBe('completed');
    expect(peak).toBe(3);
    // 7 tasks of 100 ms, 3 at a time: 3 waves of fake time, not 7.
    expect(h.clock.now() - FAKE_EPOCH).toBe(300);
    expect([...outcome.results.values()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('starts a task as soon as its dependencies are done and a slot is free', async () => {
    const h = harness();
    const a = sleeper('a', 100);
    const slow = sleeper('slow', 500);
    const b = sleeper('b', 100, 'b', { dependsOn: ['a'] });
    await h.execute({ tasks: [a, slow, b], maxConcurrentTasks: 2 });
    const starts = h.of('taskStarted').map((e) => [e.taskId, e.at - FAKE_EPOCH]);
    expect(starts).toEqual([
      ['a', 0],
      ['slow', 0],
      ['b', 100],
    ]);
  });

  it('starts the task with the longest chain of dependants first, ties in graph order', async () => {
    const h = harness();
    const pricesA = sleeper('prices:a', 100);
    const pricesB = sleeper('prices:b', 100);
    const inventory = sleeper('ec2-inventory:b', 10);
    const analysis = sleeper('analysis:b', 10, 'x', { dependsOn: ['ec2-inventory:b'] });
    await h.execute({ tasks: [pricesA, pricesB, inventory, analysis], maxConcurrentTasks: 1 });
    expect(h.of('taskStarted').map((e) => e.taskId)).toEqual(['ec2-inventory:b', 'prices:a', 'prices:b', 'analysis:b']);
  });

  it('hands dependency results to dependants through ctx.inputs', async () => {
    const h = harness();
    const cost = sleeper('cost-analysis', 10, { total: 12.34 });
    const report = taskOf('report', async (ctx) => ctx.inputs.get('cost-analysis'), { dependsOn: ['cost-analysis'] });
    const outcome = await h.execute({ tasks: [report, cost] });
    expect(report.calls[0]?.inputs.get('cost-analysis')).toEqual({ total: 12.34 });
    expect(outcome.results.get('report')).toEqual({ total: 12.34 });
  });

  it('skips a task whose required dependency failed, transitively, without blocking independent tasks', async () => {
    const h = harness();
    const bad = taskOf('bad', async () => {
      throw new Error('broken');
    });
    const mid = sleeper('mid', 10, 'mid', { dependsOn: ['bad'] });
    const leaf = sleeper('leaf', 10, 'leaf', { dependsOn: ['mid'] });
    const independent = sleeper('independent', 10);
    const outcome = await h.execute({ tasks: [bad, mid, leaf, independent] });
    const tasks = h.journal.manifest.tasks;
    expect(tasks.bad?.status).toBe('failed');
    expect(tasks.mid).toMatchObject({ status: 'skipped', skipReason: 'dependency bad failed' });
    expect(tasks.leaf).toMatchObject({ status: 'skipped', skipReason: 'dependency mid skipped' });
    expect(tasks.independent?.status).toBe('succeeded');
    expect(mid.calls).toHaveLength(0);
    expect(outcome).toMatchObject({ status: 'failed', pending: [] });
  });

  it('runs a task with failed optional dependencies, listing them in ctx.missing', async () => {
    const h = harness();
    const optionalBad = taskOf('metrics', async () => {
      throw new TaskSkippedError('CloudWatch not enabled');
    });
    const good = sleeper('inventory', 10, ['i-1']);
    const report = taskOf('report', async (ctx) => ({ missing: ctx.missing, inputs: [...ctx.inputs.keys()] }), {
      dependsOn: ['inventory'],
      optionalDependsOn: ['metrics'],
    });
    const outcome = await h.execute({ tasks: [optionalBad, good, report] });
    expect(outcome.status).toBe('completed');
    expect(report.calls).toHaveLength(1);
    expect(outcome.results.get('report')).toEqual({
      missing: [{ taskId: 'metrics', status: 'skipped', reason: 'CloudWatch not enabled' }],
      inputs: ['inventory'],
    });
  });

  it('waits for optional dependencies before running', async () => {
    const h = harness();
    const optional = sleeper('metrics', 300, 'm');
    const report = taskOf('report', async (ctx) => [...ctx.inputs.entries()], { optionalDependsOn: ['metrics'] });
    const outcome = await h.execute({ tasks: [report, optional] });
    expect(outcome.results.get('report')).toEqual([['metrics', 'm']]);
    expect(report.calls[0]?.missing).toEqual([]);
  });

  it('reports a success once its result is stored, while dependants start at once', async () => {
    const h = harness();
    const storage = Promise.withResolvers<void>();
    const save = h.journal.saveResult.bind(h.journal);
    // A journal that stores results with its next checkpoint: here, when the test says so.
    h.journal.saveResult = (id, data) => ({ ...save(id, data), stored: id === 'a' ? storage.promise : Promise.resolve() });
    const flush = h.journal.flush.bind(h.journal);
    h.journal.flush = async () => {
      storage.resolve();
      return flush();
    };
    const dependant = sleeper('b', 100, 'b', { dependsOn: ['a'] });
    await h.execute({ tasks: [sleeper('a', 100), dependant] });
    expect(dependant.calls).toHaveLength(1);
    // b started (and finished) before a's result was stored; a's success is reported after that.
    expect(h.of('taskStarted', 'taskSucceeded').map((e) => `${e.type} ${e.taskId}`)).toEqual([
      'taskStarted a',
      'taskStarted b',
      'taskSucceeded b',
      'taskSucceeded a',
    ]);
  });

  it('writes complete records, saves results before marking succeeded, and flushes at the end', async () => {
    const h = harness();
    let statusAtSave: string | undefined;
    const save = h.journal.saveResult.bind(h.journal);
    h.journal.saveResult = (id, data) => {
      statusAtSave = h.journal.manifest.tasks[id]?.status;
      return save(id, data);
    };
    await h.execute({ tasks: [sleeper('a', 250, { n: 1 }, { dependsOn: [] })] });
    expect(statusAtSave).toBe('running');
    const record = h.journal.manifest.tasks.a;
    expect(record).toEqual({
      id: 'a',
      type: 'a',
      status: 'succeeded',
      attempts: 1,
      dependsOn: [],
      optionalDependsOn: [],
      startedAt: new Date(FAKE_EPOCH).toISOString(),
      finishedAt: new Date(FAKE_EPOCH + 250).toISOString(),
      durationMs: 250,
    });
    expect(h.journal.results.get('a')).toEqual({ n: 1 });
    expect(h.journal.manifest).toMatchObject({ status: 'completed', finishedAt: new Date(FAKE_EPOCH + 250).toISOString() });
    expect(h.journal.counts.flush).toBe(1);
    expect(() => executionManifestSchema.parse(JSON.parse(h.journal.flushed[0]!))).not.toThrow();
  });

  it('emits the lifecycle events in order', async () => {
    const h = harness();
    await h.execute({ tasks: [sleeper('a', 10), sleeper('b', 10, 'b', { dependsOn: ['a'] })] });
    expect(h.events.map((e) => ('taskId' in e ? `${e.type}:${e.taskId}` : e.type))).toEqual([
      'executionStarted',
      'taskStarted:a',
      'taskFinished:a',
      'taskSucceeded:a',
      'taskStarted:b',
      'taskFinished:b',
      'taskSucceeded:b',
      'checkpointWritten',
      'executionFinished',
    ]);
    expect(h.of('executionStarted')[0]).toMatchObject({ total: 2, resumed: false });
    expect(h.of('executionFinished')[0]).toMatchObject({ status: 'completed', pending: [] });
  });

  it('keeps running when an event listener throws', async () => {
    const h = harness();
    const { executeGraph } = await import('../../../src/executor/execute.js');
    const outcome = await h.clock.run(
      executeGraph({
        tasks: [sleeper('a', 10)],
        journal: h.journal,
        clock: h.clock,
        onEvent: () => {
          throw new Error('logger broke');
        },
      }),
    );
    expect(outcome.status).toBe('completed');
  });

  it('completes an empty graph', async () => {
    const h = harness();
    expect(await h.execute({ tasks: [] })).toEqual({ status: 'completed', pending: [], results: new Map() });
  });
});
