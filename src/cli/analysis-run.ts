import { resolve } from 'node:path';
import { analyse, type AnalyseResult } from '../operations/analyse.js';
import { writeReportFiles } from '../operations/report-files.js';
import { savingRole } from '../records/counted-savings.js';
import { sanitizeText } from '../report/escape.js';
import { lastFullMonth } from '../report/headline-numbers.js';
import { ALTERNATIVE_MARK, topResources } from '../report/savings-rows.js';
import { formatDuration, formatUsd, formatUsdChange, plural } from '../report/format.js';
import type { ManifestHandle, StateStore } from '../state/state-store.js';
import type { AnalysisFlags } from './analysis-flags.js';
import type { AwsTarget, CommandOutcome } from './context.js';
import { countTasks, executionDurationMs } from '../operations/executions.js';
import { describeLease, liveLease } from '../operations/account-lease.js';
import { cliHolder } from './holder.js';
import { createProgressView } from './progress-view.js';
import type { Runtime } from './runtime.js';

/** One analysis run of `run`, `resume` or `retry`. */
export interface AnalysisRequest {
  runtime: Runtime;
  flags: AnalysisFlags;
  store: StateStore;
  target: AwsTarget;
  command: 'run' | 'resume' | 'retry';
  /** Continue this execution instead of applying the resume rule. */
  execution?: ManifestHandle;
  regions: readonly string[] | 'all';
  /** Added to the `--json` result (e.g. the tasks `retry` reopened). */
  extra?: Record<string, unknown>;
}

/** Resources listed under the headline (each with its alternatives); the rest are in the report files. */
const TOP_FINDINGS = 5;

/**
 * Runs the analysis on the engine (lease, executor, report), writes the report files and
 * prints the headline: `ok` when completed or partial, `execution-failed` when failed or
 * cancelled, `interrupted` by Ctrl-C.
 */
export async function runAnalysis(request: AnalysisRequest): Promise<CommandOutcome> {
  const { runtime, flags, store, target } = request;
  const { settings } = flags;
  const view = createProgressView({
    io: runtime.io,
    clock: runtime.clock,
    level: flags.logLevel,
    concurrency: settings.maxConcurrentTasks,
  });
  let reused = 0;
  let result: AnalyseResult;
  try {
    if (settings.leaseWaitMs > 0) {
      const lease = await liveLease(store, target.accountId, runtime.signal);
      if (lease) view.warn(`account ${target.accountId} is ${describeLease(lease)}; waiting up to ${settings.leaseWaitMs / 1000} s for it`);
    }
    result = await analyse(
      {
        store,
        clock: runtime.clock,
        target,
        holder: cliHolder(request.command),
        onEvent: (event) => {
          if (event.type === 'taskReused') reused++;
          view.onEvent(event);
        },
        onWarning: (message) => view.warn(message),
        signal: runtime.signal,
      },
      { settings, checks: flags.checks, trigger: { event: 'cli' }, regions: request.regions, execution: request.execution },
    );
  } finally {
    view.finish();
  }
  const files = await writeReportFiles(settings.reportDir, result.report);
  const interrupted = runtime.signal?.aborted === true && result.manifest.status === 'partial';
  printResult(request, result, files, interrupted, reused);
  if (interrupted) return 'interrupted';
  return result.manifest.status === 'failed' || result.manifest.status === 'cancelled' ? 'execution-failed' : 'ok';
}

function printResult(request: AnalysisRequest, result: AnalyseResult, files: string[], interrupted: boolean, reused: number): void {
  const { out } = request.runtime;
  const { report, manifest } = result;
  const counts = countTasks(manifest);
  const pending = report.pending;
  const failed = Object.values(manifest.tasks)
    .filter((t) => t.status === 'failed')
    .map((t) => t.id);
  const reportDir = resolve(request.flags.settings.reportDir);
  const costs = report.costs;
  if (request.flags.json) {
    out.json({
      ...request.extra,
      executionId: manifest.executionId,
      accountId: manifest.accountId,
      status: manifest.status,
      resumed: result.resumed,
      reusedTasks: reused,
      interrupted,
      durationMs: executionDurationMs(manifest),
      tasks: counts,
      pending,
      failed,
      totalCost: costs?.current.total ?? null,
      costDelta: costs?.change ?? null,
      costDeltaPercent: costs?.changePercent ?? null,
      forecast: costs?.forecast?.total ?? null,
      potentialMonthlySavings: report.potentialMonthlySavings,
      findingsCount: report.findings.length,
      reportDir,
      files,
      state: request.store.location,
    });
    return;
  }
  const how = result.resumed ? `resumed: ${plural(reused, 'succeeded task')} reused` : 'new execution';
  out.line(
    `Execution ${manifest.executionId} ${manifest.status} (${how}; ${counts.succeeded}/${counts.total} tasks succeeded in ${formatDuration(executionDurationMs(manifest))})`,
  );
  out.line(`  Account        ${manifest.accountId} (${sanitizeText(request.target.label)})`);
  if (costs) {
    out.line(
      `  Month to date  ${formatUsd(costs.current.total)}, ${formatUsdChange(costs.change, costs.previous.total)} vs the same days last month`,
    );
    if (costs.forecast) out.line(`  Forecast       ${formatUsd(costs.forecast.total)} by the end of the month`);
    const last = lastFullMonth(report);
    if (last) out.line(`  Last month     ${formatUsd(last.total)}, ${formatUsdChange(last.change, last.priorTotal)} vs the month before`);
  } else {
    out.line('  Costs          not available in this run (see the report\'s "Not analysed")');
  }
  const counted = report.findings.filter((f) => savingRole(f) === 'counted').length;
  out.line(
    `  Savings        ${formatUsd(report.potentialMonthlySavings)} / month from ${plural(counted, 'resource')}, each counted once (${plural(report.findings.length, 'finding')})`,
  );
  const top = topResources(report.findings, TOP_FINDINGS);
  if (top.length > 0) {
    out.line(`Top findings (each resource counted once; ${ALTERNATIVE_MARK} alternatives on the same resource are not added):`);
    for (const f of top) {
      const usd = `${formatUsd(f.estimatedMonthlySavings)}/mo`.padStart(14);
      if (savingRole(f) === 'alternative') out.line(`  ${usd}  ${ALTERNATIVE_MARK} ${f.check}  alternative, not counted`);
      else out.line(`  ${usd}  ${f.check}  ${sanitizeText(f.resourceId)} (${f.region})  ${sanitizeText(f.title)}`);
    }
  }
  out.line(`Report files in ${reportDir}: ${files.map((f) => f.slice(reportDir.length + 1)).join(', ')}`);
  out.line(`State in ${request.store.location}`);
  if (pending.length > 0) {
    const why = interrupted ? 'Interrupted' : 'Time budget reached';
    out.line(
      `${why}: ${plural(pending.length, 'task')} pending. \`finops-aws resume ${manifest.executionId}\` (or the next run) continues them.`,
    );
  }
  if (failed.length > 0) {
    out.line(
      `${plural(failed.length, 'task')} failed (${failed.join(', ')}). \`finops-aws retry ${manifest.executionId}\` runs them again.`,
    );
  }
}
