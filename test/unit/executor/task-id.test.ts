import { describe, expect, it } from 'vitest';
import { isValidTaskId, taskId } from '../../../src/executor/types.js';

describe('taskId', () => {
  it.each([
    [['cost-analysis'], 'cost-analysis'],
    [['ec2-inventory', 'us-east-1'], 'ec2-inventory:us-east-1'],
    [['ec2-metrics', 'eu-west-1', 'batch_2'], 'ec2-metrics:eu-west-1:batch_2'],
  ])('derives %j as %s', (parts, expected) => {
    const [type, ...params] = parts as [string, ...string[]];
    expect(taskId(type, ...params)).toBe(expected);
    expect(isValidTaskId(expected)).toBe(true);
  });

  it.each([['Cost'], ['ec2', '../x'], ['ec2', ''], ['ec2', 'a/b'], ['-x']])('rejects %j', (...parts) => {
    const [type, ...params] = parts as [string, ...string[]];
    expect(() => taskId(type, ...params)).toThrow(/Invalid task/);
  });

  it.each(['', 'a::b', 'x:..', 'A', 'ok:a b'])('sees %j as unsafe', (id) => {
    expect(isValidTaskId(id)).toBe(false);
  });
});
