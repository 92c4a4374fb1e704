import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../support/run-action.js';
import { explain, requestCounts, startE2E, type E2E } from './harness.js';

interface Costs {
  metric: string;
  current: { total: number };
  lastMonth: { total: number };
  forecast: { total: number };
  daily: Array<{ date: string; amount: number }>;
}

const costsOf = async (run: ActionRun): Promise<Costs> =>
  (JSON.parse(await readFile(join(run.workspace, 'finops-report', 'report.json'), 'utf8')) as { costs: Costs }).costs;

// What the demo account's amortized cost is of its unblended cost (a fixed factor: src/demo/costs.ts).
const AMORTIZED = 0.92;

/**
 * `cost-metric` reaches Cost Explorer: the fake answers each metric as itself, so a run in
 * AmortizedCost shows the amortized numbers, and the closed months cached by a run in another
 * metric are never served for it.
 */
describe('cost-metric', () => {
  let e: E2E;
  let unblended: Costs;
  /** GetCostAndUsage requests (pages) of a cold run, closed months included. */
  let coldRequests: number;

  beforeAll(async () => {
    e = await startE2E('cost-metric');
    const run = await e.run();
    expect(run.exitCode, explain(run)).toBe(0);
    unblended = await costsOf(run);
    coldRequests = requestCounts(e.aws).get('ce:GetCostAndUsage')!;
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('AmortizedCost: every cost of the report is the amortized one, closed months included', async () => {
    const from = e.aws.requests.length;
    const run = await e.run({ inputs: { 'cost-metric': 'AmortizedCost' } });
    expect(run.exitCode, explain(run)).toBe(0);
    const amortized = await costsOf(run);
    expect(unblended.metric).toBe('UnblendedCost');
    expect(amortized.metric).toBe('AmortizedCost');
    // Each figure is rounded to cents on its own: a cent either way.
    expect(Math.abs(amortized.current.total - unblended.current.total * AMORTIZED)).toBeLessThanOrEqual(0.01);
    expect(run.outputs['total-cost']).toBe(amortized.current.total.toFixed(2));
    expect(Math.abs(amortized.lastMonth.total - unblended.lastMonth.total * AMORTIZED)).toBeLessThanOrEqual(0.01);
    expect(amortized.daily.map((d) => d.date)).toEqual(unblended.daily.map((d) => d.date));
    for (const [i, day] of amortized.daily.entries())
      expect(Math.abs(day.amount - unblended.daily[i]!.amount * AMORTIZED)).toBeLessThanOrEqual(0.01);
    expect(amortized.forecast.total).toBeLessThan(unblended.forecast.total);
    // Cold for this metric: the closed months were asked again, not taken from the other metric's cache.
    expect(requestCounts(e.aws, from).get('ce:GetCostAndUsage')).toBe(coldRequests);
  });

  it('a second AmortizedCost run takes its closed months from its own cache', async () => {
    const from = e.aws.requests.length;
    const run = await e.run({ inputs: { 'cost-metric': 'AmortizedCost' } });
    expect(run.exitCode, explain(run)).toBe(0);
    const again = await costsOf(run);
    expect(requestCounts(e.aws, from).get('ce:GetCostAndUsage')).toBeLessThan(coldRequests);
    expect(Math.abs(again.lastMonth.total - unblended.lastMonth.total * AMORTIZED)).toBeLessThanOrEqual(0.01);
  });
});
