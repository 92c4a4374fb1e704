import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../src/primitives/errors.js';
import { outputOf } from '../../../src/executor/task-output.js';
import type { TaskDefinition } from '../../../src/executor/types.js';

const totals: TaskDefinition<{ total: number }> = { id: 'cost-analysis', type: 'cost-analysis', run: async () => ({ total: 12.34 }) };

describe('outputOf', () => {
  const output = outputOf(totals);

  it('carries the id of the task it was made from', () => {
    expect(output.id).toBe('cost-analysis');
  });

  it('reads the result of a required dependency', () => {
    expect(output.from(new Map([['cost-analysis', { total: 12.34 }]])).total).toBe(12.34);
  });

  it('reads an optional dependency, or undefined when it did not succeed', () => {
    expect(output.optional(new Map([['cost-analysis', { total: 1 }]]))).toEqual({ total: 1 });
    expect(output.optional(new Map())).toBeUndefined();
  });

  it('fails with a graph error when a required dependency is not among the inputs', () => {
    expect(() => output.from(new Map([['cost-daily', {}]]))).toThrow(GraphError);
    expect(() => output.from(new Map())).toThrow(/cost-analysis .*dependsOn/);
  });
});
