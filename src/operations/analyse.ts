import { isDeepStrictEqual } from 'node:util';
import { buildAnalysisGraph, findAnalysisTask } from '../analysis/graph.js';
import type { ChecksConfig } from '../analysis/config.js';
import type { AnalysisResult } from '../records/analysis.js';
import { resolveRegions } from '../analysis/regions.js';
import type { AwsAdapters } from '../aws/ports/index.js';
import type { Clock } from '../primitives/clock.js';
import type { ExecutorEventListener } from '../executor/events.js';
import type { ExecutionOutcome } from '../executor/execute.js';
import { DEFAULT_POLICY, type PolicySet } from '../executor/policy.js';
import { outputOf } from '../executor/task-output.js';
import type { TaskDefinition } from '../executor/types.js';
import { assembleReport } from '../report/assemble.js';
import type { Report } from '../records/report.js';
import type { AnalysisSettings, ExecutionManifest, Trigger } from '../records/state.js';
import type { Settings } from '../settings/settings.js';
import type { ManifestHandle, StateStore } from '../state/state-store.js';
import { saveReport, setBaseline } from './report-archive.js';
import { runExecution } from './run-execution.js';

/**
 * The settings an analysis run follows: the user's own (action inputs or CLI flags), passed
 * down as parsed; see {@link Settings} for each field.
 */
export type AnalysisRunSettings = Pick<
  Settings,
  'regions' | 'costMetric' | 'tagKey' | 'maxConcurrentTasks' | 'taskTimeoutMs' | 'timeBudgetMs' | 'resumeWindowMs' | 'leaseWaitMs'
>;

/** The account an analysis reaches, and how. */
export interface AnalysisTarget {
  accountId: string;
  adapters: AwsAdapters;
}

export interface AnalysisDeps {
  store: StateStore;
  clock: Clock;
  target: AnalysisTarget;
  /** Who holds the account's lease while the run works, shown to a run that finds it held. */
  holder: string;
  onEvent?: ExecutorEventListener | undefined;
  onWarning?: ((message: string) => void) | undefined;
  /** Stops the run from outside (SIGTERM, Ctrl-C): pending work is left for the next run. */
  signal?: AbortSignal | undefined;
}

export interface AnalysisRequest {
  settings: AnalysisRunSettings;
  /** The checks to run, with their thresholds (config file and selection applied). */
  checks: ChecksConfig;
  trigger: Trigger;
  /** Regions to analyse instead of `settings.regions` (a continued execution keeps its own). */
  regions?: readonly string[] | 'all' | undefined;
  /** Continue this execution instead of applying the resume rule (`resume`, `retry`). */
  execution?: ManifestHandle | undefined;
  /** @default 120000 */
  leaseTtlMs?: number | undefined;
  /** @default 30000 */
  safetyMarginMs?: number | undefined;
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
export async function analyse(deps: AnalysisDeps, request: AnalysisRequest): Promise<AnalyseResult> {
  const { store, clock, target } = deps;
  const { settings } = request;
  const regions = await resolveRegions(target.adapters, request.regions ?? settings.regions, deps.signal);
  const policy: PolicySet = { default: { ...DEFAULT_POLICY, timeoutMs: settings.taskTimeoutMs } };
  let graph: TaskDefinition[] = [];
  const requested: AnalysisSettings = {
    costMetric: settings.costMetric,
    ...(settings.tagKey ? { tagKey: settings.tagKey } : {}),
    checks: request.checks,
  };
  const run = await runExecution({
    store,
    accountId: target.accountId,
    holder: deps.holder,
    clock,
    trigger: request.trigger,
    resumeWindowMs: settings.resumeWindowMs,
    leaseWaitMs: settings.leaseWaitMs,
    maxConcurrentTasks: settings.maxConcurrentTasks,
    policy,
    deadline: clock.now() + settings.timeBudgetMs,
    analysis: requested,
    tasks: (manifest) => {
      const stored = manifest.analysis ?? requested;
      if (manifest.analysis && !isDeepStrictEqual(manifest.analysis, requested)) {
        deps.onWarning?.(
          `continuing ${manifest.executionId} with the checks, cost metric and tag key it was started with; the settings given now apply to the next new execution`,
        );
      }
      graph = buildAnalysisGraph({
        accountId: target.accountId,
        regions,
        costMetric: stored.costMetric,
        tagKey: stored.tagKey,
        checks: stored.checks,
        adapters: target.adapters,
        cache: store.cache(),
        now: new Date(manifest.createdAt),
      });
      return graph;
    },
    ...pick(deps, ['onEvent', 'onWarning', 'signal']),
    ...pick(request, ['execution', 'leaseTtlMs', 'safetyMarginMs']),
  });
  const analysisTask = findAnalysisTask(graph);
  const analysis = analysisTask
    ? (outputOf(analysisTask).optional(run.outcome.results) ?? (await provisionalAnalysis(analysisTask, run.manifest, run.outcome, clock)))
    : null;
  const report = assembleReport(run.manifest, analysis, new Date(clock.now()));
  await saveReport(store, report);
  if (run.manifest.status === 'completed' && request.trigger.event !== 'pull_request') {
    await setBaseline(store, target.accountId, run.manifest.executionId);
  }
  return { report, ...run };
}

/**
 * When the run stopped before the `analysis` task, combine what did succeed the same way it
 * would, so a partial run still reports real numbers (the report says what is pending).
 */
async function provisionalAnalysis(
  task: TaskDefinition<AnalysisResult>,
  manifest: ExecutionManifest,
  outcome: ExecutionOutcome,
  clock: Clock,
): Promise<AnalysisResult> {
  const missing = (task.optionalDependsOn ?? [])
    .filter((id) => !outcome.results.has(id))
    .map((id) => ({ taskId: id, status: manifest.tasks[id]?.status ?? 'pending', ...reason(manifest, id) }));
  return task.run({
    taskId: task.id,
    executionId: manifest.executionId,
    attempt: 1,
    signal: new AbortController().signal,
    inputs: outcome.results,
    missing,
    clock,
  });
}

function reason(manifest: ExecutionManifest, id: string): { reason?: string } {
  const record = manifest.tasks[id];
  const text =
    record?.error?.message ??
    record?.skipReason ??
    (record?.status === 'pending' || !record ? 'pending: resumed by the next run' : undefined);
  return text === undefined ? {} : { reason: text };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): { [P in K]?: NonNullable<T[P]> } {
  const out: { [P in K]?: NonNullable<T[P]> } = {};
  for (const key of keys) if (source[key] !== undefined && source[key] !== null) out[key] = source[key] as NonNullable<T[K]>;
  return out;
}
