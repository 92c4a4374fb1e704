import { describe, expect, it } from 'vitest';
import type { TaskDefinition } from '../../../src/executor/types.js';
import { harness } from '../executor/helpers.js';
import { runGraph } from './support/run-graph.js';

const producer: TaskDefinition = {
  id: 'ec2-inventory:us-east-1',
  type: 'ec2-inventory',
  run: async () => ({ volumes: [{ sizeGiB: 100 }] }),
};

/** A check that sorts or rewrites what it was given instead of copying it first. */
const mutating: TaskDefinition = {
  id: 'checks:us-east-1',
  type: 'checks',
  dependsOn: [producer.id],
  run: async (ctx) => {
    const inventory = ctx.inputs.get(producer.id) as { volumes: Array<{ sizeGiB: number }> };
    inventory.volumes[0]!.sizeGiB = 0;
    return { findings: [] };
  },
};

/**
 * The analysis tests run their graphs on a small stand-in for the executor: it must hand results
 * on as the executor does (checked, deep-frozen, not copied), or a check that changes its input
 * would pass here and fail in a run.
 */
describe('the analysis tests’ stand-in executor', () => {
  it('fails a task that changes its input, as the executor does', async () => {
    const standIn = await runGraph([producer, mutating]);
    expect(standIn.status.get(mutating.id)).toBe('failed');
    expect(standIn.reasons.get(mutating.id)).toMatch(/read.only|not extensible|Cannot assign/i);
    expect(standIn.results.get(producer.id)).toEqual({ volumes: [{ sizeGiB: 100 }] });

    const h = harness();
    const outcome = await h.execute({ tasks: [producer, mutating] });
    expect(outcome.status).toBe('failed');
    expect(h.journal.manifest.tasks[mutating.id]).toMatchObject({ status: 'failed', error: { name: 'TypeError' } });
  });

  it('fails a task whose result would not store as it is, naming where', async () => {
    const dated: TaskDefinition = { id: 'dated', type: 'dated', run: async () => ({ at: new Date(0) }) };
    const run = await runGraph([dated]);
    expect(run.status.get('dated')).toBe('failed');
    expect(run.reasons.get('dated')).toBe('result of task dated is not JSON-serialisable at $.at: a Date: store it as an ISO string');
  });

  it('hands on the very value a task returned, frozen', async () => {
    const value = { volumes: [{ sizeGiB: 100 }] };
    const run = await runGraph([{ ...producer, run: async () => value }]);
    expect(run.results.get(producer.id)).toBe(value);
    expect(Object.isFrozen(value.volumes[0])).toBe(true);
  });
});
