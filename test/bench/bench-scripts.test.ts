// Smoke test of the benchmark scripts (bench/): they run and their counts add up. Counts only,
// never wall time; the figures themselves are recorded by `npm run bench` in docs/benchmarks.md.
import { describe, expect, it } from 'vitest';
import { measure as measureCloudWatch } from '../../bench/cloudwatch.js';
import { measure as measureCostExplorer } from '../../bench/cost-explorer.js';
import { measure as measureS3 } from '../../bench/s3-requests.js';
import { computeBound, sequentialCalls } from '../../bench/support/critical-path.js';
import type { PortCall } from '../../bench/support/instrument.js';

const call = (port: string, method: string, region: string, start: number, end: number, request: unknown = {}): PortCall => ({
  port,
  method,
  region,
  request,
  start,
  end,
});

describe('bench scripts', () => {
  it('cost-explorer: a cold run makes 4 Cost Explorer requests, a warm one 2', async () => {
    const [cold, warm] = await measureCostExplorer();
    expect([cold!.requests, cold!.status]).toEqual([4, 'completed']);
    expect([warm!.requests, warm!.status]).toEqual([2, 'completed']);
  });

  it('cloudwatch: one GetMetricData request per 500 queries in each region', async () => {
    const rows = await measureCloudWatch(1000);
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.queries).toBeGreaterThan(500);
      expect(r.requests).toBe(Math.ceil(r.queries / 500));
      expect(r.series).toBe(r.queries);
    }
  });

  it('s3-requests: every SDK request is a GET, PUT, LIST or DELETE of the store, results go in at most one batch per checkpoint, and a run stays within tasks + 10', async () => {
    const [cold, warm] = await measureS3('demo');
    for (const r of [cold!, warm!]) {
      expect(r.status).toBe('completed');
      expect(r.gets + r.puts + r.lists + r.deletes).toBe(r.total);
      expect(r.other).toBe(0);
      expect(r.byKind['PUT results']).toBeGreaterThan(0);
      expect(r.byKind['PUT results']).toBeLessThanOrEqual(r.checkpoints);
      // A new execution has nothing stored to list.
      expect(r.lists).toBe(0);
      expect(r.total).toBeLessThanOrEqual(r.tasks + 10);
    }
    expect(warm!.total).toBeLessThan(cold!.total);
  });
});

describe('critical-path bound', () => {
  it('counts overlapping calls once and sequential ones each', () => {
    expect(sequentialCalls([call('ec2', 'listSnapshots', 'r', 0, 100), call('ec2', 'listImages', 'r', 1, 101)])).toBe(1);
    expect(
      sequentialCalls([
        call('elb', 'a', 'r', 0, 100),
        call('elb', 'b', 'r', 100, 200),
        call('elb', 'c', 'r', 200, 300),
        call('elb', 'd', 'r', 201, 301),
      ]),
    ).toBe(3);
  });

  it('is the longest chain or the work per slot, whichever is larger', () => {
    const nodes = [
      { id: 'ec2-inventory:us-east-1', dependsOn: [], optionalDependsOn: [] },
      { id: 'prices:us-east-1', dependsOn: [], optionalDependsOn: ['ec2-inventory:us-east-1'] },
      { id: 'cost-daily', dependsOn: [], optionalDependsOn: [] },
      { id: 'analysis', dependsOn: [], optionalDependsOn: ['prices:us-east-1', 'cost-daily'] },
    ];
    const calls = [
      call('ec2', 'listInstances', 'us-east-1', 0, 100),
      ...[0, 1, 2].map((i) => call('pricing', 'getProducts', 'us-east-1', 100 + 100 * i, 200 + 100 * i)),
      call('costExplorer', 'getCostAndUsage', 'global', 0, 100, { granularity: 'DAILY' }),
    ];
    const wide = computeBound(nodes, calls, 100, 4);
    expect(wide).toMatchObject({ criticalPathMs: 400, workMs: 500, boundMs: 400, chain: ['ec2-inventory:us-east-1', 'prices:us-east-1'] });
    expect(computeBound(nodes, calls, 100, 1).boundMs).toBe(500);
  });

  it('refuses a call that no task of the graph makes', () => {
    expect(() =>
      computeBound([{ id: 'analysis', dependsOn: [], optionalDependsOn: [] }], [call('rds', 'listDbInstances', 'eu-west-1', 0, 1)], 100, 4),
    ).toThrow(/not in the graph/);
  });
});
