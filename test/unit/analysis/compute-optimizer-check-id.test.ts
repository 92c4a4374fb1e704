import { describe, expect, it } from 'vitest';
import { AWS_COMPUTE_OPTIMIZER } from '../../../src/analysis/advice/aws-compute-optimizer.js';
import { defaultChecksConfig, parseCheckSelection, parseChecksConfig } from '../../../src/analysis/config.js';
import { buildAnalysisGraph } from '../../../src/analysis/graph.js';
import { createDemoAdapters } from '../../../src/demo/index.js';
import { memoryCache } from '../../../src/state/cache.js';

describe('the aws-compute-optimizer check id', () => {
  const graph = (checks = defaultChecksConfig(), adapters = createDemoAdapters()) =>
    buildAnalysisGraph({
      accountId: '123456789012',
      regions: ['us-east-1', 'eu-west-1'],
      adapters,
      cache: memoryCache(),
      now: new Date('2026-11-25T06:00:00Z'),
      checks,
    });

  it('is enabled by default: one task per region, its own breaker, no dependency, gathered by the analysis', () => {
    const tasks = graph();
    const co = tasks.filter((t) => t.type === 'compute-optimizer');
    expect(co.map((t) => [t.id, t.breakerKeys, t.dependsOn ?? [], t.optionalDependsOn ?? []])).toEqual([
      ['compute-optimizer:us-east-1', ['aws:compute-optimizer'], [], []],
      ['compute-optimizer:eu-west-1', ['aws:compute-optimizer'], [], []],
    ]);
    expect(tasks.find((t) => t.id === 'analysis')!.optionalDependsOn).toEqual(expect.arrayContaining(co.map((t) => t.id)));
  });

  it('is accepted by the checks input and the config file, and can be turned off', () => {
    expect(parseCheckSelection('ec2-idle,aws-compute-optimizer')).toEqual(['ec2-idle', AWS_COMPUTE_OPTIMIZER]);
    const off = parseChecksConfig('checks:\n  aws-compute-optimizer:\n    enabled: false\n');
    expect(graph(off).some((t) => t.type === 'compute-optimizer')).toBe(false);
    expect(parseChecksConfig('checks:\n  aws-compute-optimizer:\n    minMonthlySavingsUsd: 10\n')[AWS_COMPUTE_OPTIMIZER]!.params).toEqual({
      minMonthlySavingsUsd: 10,
    });
    expect(() => parseChecksConfig('checks:\n  aws-compute-optimizer:\n    minMonthlySavingsUsd: -1\n')).toThrow(
      'config-file: checks.aws-compute-optimizer.minMonthlySavingsUsd must be a number between 0 and 1000000, got -1',
    );
  });

  it('is not planned for an account source without Compute Optimizer', () => {
    const { computeOptimizer: _omitted, ...without } = createDemoAdapters();
    expect(graph(defaultChecksConfig(), without).some((t) => t.type === 'compute-optimizer')).toBe(false);
  });
});
