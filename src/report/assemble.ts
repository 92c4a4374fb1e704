import type { AnalysisResult } from '../records/analysis.js';
import type { ExecutionManifest } from '../records/state.js';
import { REPORT_SCHEMA_VERSION, type Period, type Report } from '../records/report.js';
import { roundUsd } from '../primitives/money.js';

/**
 * The report of an execution: the analysis result joined with the execution's health (tasks,
 * breakers, pending). Pure, so the action, the CLI and the tests assemble it the same way.
 */
export function assembleReport(manifest: ExecutionManifest, analysis: AnalysisResult | null, generatedAt: Date): Report {
  const tasks = Object.values(manifest.tasks)
    .map((t) => ({
      id: t.id,
      type: t.type,
      status: t.status,
      attempts: t.attempts,
      durationMs: t.durationMs ?? null,
      error: t.error?.message ?? t.skipReason ?? null,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pending = tasks.filter((t) => t.status === 'pending' || t.status === 'running').map((t) => t.id);
  const gaps =
    analysis?.gaps ??
    tasks.filter((t) => t.status === 'failed' || t.status === 'skipped').map((t) => ({ taskId: t.id, reason: t.error ?? t.status }));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    executionId: manifest.executionId,
    accountId: manifest.accountId,
    status: manifest.status,
    generatedAt: generatedAt.toISOString(),
    period: analysis?.costs?.current.period ?? monthToDate(new Date(manifest.createdAt)),
    costs: analysis?.costs ?? null,
    findings: analysis?.findings ?? [],
    potentialMonthlySavings: roundUsd(analysis?.potentialMonthlySavings ?? 0),
    tasks,
    breakers: manifest.breakers,
    pending,
    gaps,
    usedBundledPrices: analysis?.usedBundledPrices ?? false,
  };
}

function monthToDate(now: Date): Period {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { start: day(start), end: day(end > start ? end : new Date(start.getTime() + 86_400_000)) };
}
