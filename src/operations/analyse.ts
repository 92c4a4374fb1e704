import { isDeepStrictEqual } from 'node:util';
import { ANALYSIS_TASK_ID, buildAnalysisGraph } from '../analysis/graph.js';
import type { ChecksConfig } from '../analysis/config.js';
import type { AnalysisResult } from '../analysis/tasks/result.js';
import { resolveRegions } from '../analysis/regions.js';
import type { AwsAdapters } from '../aws/ports.js';
import type { Clock } from '../primitives/clock.js';
import type { ExecutorEventListener } from '../executor/events.js';
import type { ExecutionOutcome } from '../executor/execute.js';
import { DEFAULT_POLICY, type PolicySet } from '../executor/policy.js';
import type { TaskDefinition } from '../executor/types.js';
import { assembleReport } from '../report/assemble.js';
import type { Report } from '../records/report.js';
import type { AnalysisSettings, ExecutionManifest, Trigger } from '../records/state.js';
import type { ManifestHandle, StateStore } from '../state/state-store.js';
import { saveReport, setBaseline } from './report-archive.js';
import { runExecution } from './run-execution.js';

export interface AnalyseOptions {
  store: StateStore;
  accountId: string;
  adapters: AwsAdapters;
  regions: readonly string[] | 'all';
  costMetric: string;
  tagKey?: string | undefined;
  checks: ChecksConfig;
  maxConcurrentTasks: number;
  /** Per-attempt timeout of every task, in ms. */
  taskTimeoutMs: number;
  /** Time this run may use, in ms. */
  timeBudgetMs: number;
  resumeWindowMs: number;
  leaseWaitMs: number;
  clock: Clock;
  holder: string;
  trigger: Trigger;
  onEvent?: ExecutorEventListener;
  onWarning?: (message: string) => void;
  signal?: AbortSignal;
  /** Continue this execution instead of applying the resume rule (`resume`, `retry`). */
  execution?: ManifestHandle;
  leaseTtlMs?: number;
  safetyMarginMs?: number;
}

export interface AnalyseResult {
  report: Report;
  manifest: ExecutionManifest;
  outcome: ExecutionOutcome;
  resumed: boolean;
  checkpoints: number;
}

/**
 * A full analysis run: resolve regions, run the analysis graph as an execution on the store,
 * assemble the report (provisionally from what succeeded when the run is partial), keep it
 * beside the execution, and make it the PR baseline when a non-PR run completed.
 */
export async function analyse(options: AnalyseOptions): Promise<AnalyseResult> {
  const { store, clock } = options;
  const regions = await resolveRegions(options.adapters, options.regions, options.signal);
  const policy: PolicySet = { default: { ...DEFAULT_POLICY, timeoutMs: options.taskTimeoutMs } };
  let graph: TaskDefinition[] = [];
  const requested: AnalysisSettings = {
    costMetric: options.costMetric,
    ...(options.tagKey ? { tagKey: options.tagKey } : {}),
    checks: options.checks,
  };
  const run = await runExecution({
    store,
    accountId: options.accountId,
    holder: options.holder,
    clock,
    trigger: options.trigger,
    resumeWindowMs: options.resumeWindowMs,
    leaseWaitMs: options.leaseWaitMs,
    maxConcurrentTasks: options.maxConcurrentTasks,
    policy,
    deadline: clock.now() + options.timeBudgetMs,
    analysis: requested,
    tasks: (manifest) => {
      const settings = manifest.analysis ?? requested;
      if (manifest.analysis && !isDeepStrictEqual(manifest.analysis, requested)) {
        options.onWarning?.(
          `continuing ${manifest.executionId} with the checks, cost metric and tag key it was started with; the settings given now apply to the next new execution`,
        );
      }
      graph = buildAnalysisGraph({
        accountId: options.accountId,
        regions,
        costMetric: settings.costMetric,
        tagKey: settings.tagKey,
        checks: settings.checks,
        adapters: options.adapters,
        cache: store.cache(),
        now: new Date(manifest.createdAt),
      });
      return graph;
    },
    ...pick(options, ['onEvent', 'onWarning', 'signal', 'execution', 'leaseTtlMs', 'safetyMarginMs']),
  });
  const analysis =
    (run.outcome.results.get(ANALYSIS_TASK_ID) as AnalysisResult | undefined) ??
    (await provisionalAnalysis(graph, run.manifest, run.outcome, clock));
  const report = assembleReport(run.manifest, analysis, new Date(clock.now()));
  await saveReport(store, report);
  if (run.manifest.status === 'completed' && options.trigger.event !== 'pull_request') {
    await setBaseline(store, options.accountId, run.manifest.executionId);
  }
  return { report, ...run };
}

/**
 * When the run stopped before the `analysis` task, combine what did succeed the same way it
 * would, so a partial run still reports real numbers (the report says what is pending).
 */
async function provisionalAnalysis(
  graph: readonly TaskDefinition[],
  manifest: ExecutionManifest,
  outcome: ExecutionOutcome,
  clock: Clock,
): Promise<AnalysisResult | null> {
  const task = graph.find((t) => t.id === ANALYSIS_TASK_ID);
  if (!task) return null;
  const missing = (task.optionalDependsOn ?? [])
    .filter((id) => !outcome.results.has(id))
    .map((id) => ({ taskId: id, status: manifest.tasks[id]?.status ?? 'pending', ...reason(manifest, id) }));
  return (await task.run({
    taskId: task.id,
    executionId: manifest.executionId,
    attempt: 1,
    signal: new AbortController().signal,
    inputs: outcome.results,
    missing,
    clock,
  })) as AnalysisResult;
}

function reason(manifest: ExecutionManifest, id: string): { reason?: string } {
  const record = manifest.tasks[id];
  const text =
    record?.error?.message ??
    record?.skipReason ??
    (record?.status === 'pending' || !record ? 'pending: resumed by the next run' : undefined);
  return text === undefined ? {} : { reason: text };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
