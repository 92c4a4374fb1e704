import { Outputs } from '../../primitives/constants.js';
import type { Report } from '../../records/report.js';

/** The action's outputs from a report: USD amounts as plain numbers with cents, blanks when unknown. */
export function reportOutputs(report: Report, reportDir: string): Record<(typeof Outputs)[keyof typeof Outputs], string> {
  const costs = report.costs;
  const money = (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value) ? '' : value.toFixed(2);
  return {
    [Outputs.ExecutionId]: report.executionId,
    [Outputs.Status]: report.status,
    [Outputs.TotalCost]: money(costs?.current.total),
    [Outputs.CostDelta]: money(costs?.change),
    [Outputs.CostDeltaPercent]: costs?.changePercent === null || costs?.changePercent === undefined ? '' : costs.changePercent.toFixed(1),
    [Outputs.Forecast]: money(costs?.forecast?.total),
    [Outputs.PotentialMonthlySavings]: money(report.potentialMonthlySavings),
    [Outputs.FindingsCount]: String(report.findings.length),
    [Outputs.PendingTasks]: String(report.pending.length),
    [Outputs.ReportDir]: reportDir,
  };
}
