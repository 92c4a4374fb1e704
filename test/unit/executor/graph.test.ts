import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../src/primitives/errors.js';
import { executeGraph, validateGraph } from '../../../src/executor/execute.js';
import { topologicalOrder } from '../../../src/executor/graph.js';
import { createMemoryJournal } from '../../support/memory-journal.js';
import { sleeper } from './helpers.js';

const t = (id: string, dependsOn: string[] = [], optionalDependsOn: string[] = []) => ({ id, dependsOn, optionalDependsOn });

describe('validateGraph', () => {
  it.each([
    ['an unknown required dependency', [t('a', ['ghost'])], /task a has unknown dependency ghost \(in dependsOn\)/],
    ['an unknown optional dependency', [t('a'), t('b', [], ['ghost'])], /task b has unknown dependency ghost \(in optionalDependsOn\)/],
    ['a duplicate id', [t('a'), t('b'), t('a')], /duplicate task id a/],
    ['an invalid id', [t('Bad Id')], /invalid task id "Bad Id"/],
    ['a path-like id', [t('ec2:../x')], /invalid task id/],
    ['a self-dependency', [t('a', ['a'])], /dependency cycle: a → a/],
    ['a cycle through optional dependencies', [t('a', ['b']), t('b', [], ['a'])], /dependency cycle: a → b → a/],
    ['a longer cycle', [t('root'), t('a', ['root', 'c']), t('b', ['a']), t('c', ['b'])], /dependency cycle: a → c → b → a/],
  ])('rejects %s', (_, tasks, message) => {
    expect(() => validateGraph(tasks)).toThrow(GraphError);
    expect(() => validateGraph(tasks)).toThrow(message);
  });

  it('accepts a diamond', () => {
    expect(() => validateGraph([t('a'), t('b', ['a']), t('c', [], ['a']), t('d', ['b', 'c'])])).not.toThrow();
  });

  it('orders dependencies first and keeps the given order otherwise', () => {
    const order = topologicalOrder([t('report', ['x', 'y']), t('y', ['x']), t('x'), t('z')]).map((x) => x.id);
    expect(order).toEqual(['x', 'y', 'report', 'z']);
  });
});

describe('executeGraph on a malformed graph', () => {
  it('throws before running or writing anything', async () => {
    const journal = createMemoryJournal();
    const a = sleeper('a', 1, 'a', { dependsOn: ['b'] });
    const b = sleeper('b', 1, 'b', { dependsOn: ['a'] });
    await expect(executeGraph({ tasks: [a, b], journal })).rejects.toThrow(/dependency cycle/);
    expect(a.calls).toHaveLength(0);
    expect(journal.manifest.tasks).toEqual({});
    expect(journal.counts).toEqual({ changed: 0, flush: 0, storedResultIds: 0 });
  });

  it('rejects bad options naming them', async () => {
    const journal = createMemoryJournal();
    await expect(executeGraph({ tasks: [], journal, maxConcurrentTasks: 0 })).rejects.toThrow(
      /maxConcurrentTasks must be an integer from 1 to 1000, got 0/,
    );
    expect(journal.counts.changed).toBe(0);
  });
});
