import type { AwsAdapters } from '../aws/ports/index.js';
import { outputOf, type TaskOutput } from '../executor/task-output.js';
import { taskId, type TaskDefinition } from '../executor/types.js';
import type { AnalysisResult } from '../records/analysis.js';
import { countedSavingsTotal } from '../records/counted-savings.js';
import { sortFindings } from '../records/findings.js';
import type { CostSummary, Finding } from '../records/report.js';
import type { Cache } from '../primitives/cache.js';
import { AWS_COMPUTE_OPTIMIZER } from './advice/aws-compute-optimizer.js';
import { CHECKS, isAccountCheck, isRegionCheck } from './checks/registry.js';
import { defaultChecksConfig, type ChecksConfig } from './config.js';
import { planCosts } from './cost/plan.js';
import type { MetricFamily } from './metrics/types.js';
import type { PricesResult } from './pricing/price-book.js';
import { assertRegions } from './regions.js';
import { markSavings } from './savings.js';
import type { ChecksResult } from './tasks/checks-result.js';
import { computeOptimizerTasks } from './tasks/compute-optimizer-tasks.js';
import { costTasks } from './tasks/costs.js';
import { INVENTORY_FAMILIES } from './tasks/inventory.js';
import { enabledRegionChecks, regionTasks } from './tasks/regional.js';

export interface AnalysisGraphOptions {
  /** 12-digit AWS account id (cache keys are per account). */
  accountId: string;
  /** Regions to analyse, already resolved (`all` → {@link resolveRegions} first). */
  regions: readonly string[];
  /** Cost Explorer metric. @default 'UnblendedCost' */
  costMetric?: string;
  /** Tag key for the by-tag breakdown. */
  tagKey?: string | undefined;
  /** Checks to run and their parameters. @default every check with its defaults */
  checks?: ChecksConfig;
  adapters: AwsAdapters;
  /** Closed Cost Explorer months and prices are kept here. */
  cache: Cache;
  /**
   * The instant the analysis is about. Pass the execution's creation time, so a resumed
   * execution computes the same windows and task results stay consistent.
   */
  now: Date;
}

/** Task id of the final task whose result is an {@link AnalysisResult}. */
export const ANALYSIS_TASK_ID = 'analysis';

/**
 * The analysis as a static task graph for the executor:
 * - account-wide: `cost-daily`, `cost-months`, `cost-forecast`, `cost-anomalies` (Cost
 *   Explorer, breaker `aws:ce`), `cost-analysis` (the summary), `cost-checks` (cost-spike);
 * - per region: one inventory task per resource family the enabled checks need
 *   (`ec2-inventory:{region}`, ...), `metrics:{region}` (CloudWatch), `prices:{region}`
 *   (Price List) and `checks:{region}`; regions share no task, so they run in parallel;
 * - per region, `compute-optimizer:{region}` (breaker `aws:compute-optimizer`): AWS Compute
 *   Optimizer's advice as findings, skipped where the account is not enrolled;
 * - `analysis`: optional dependency on every task, so the report is assembled from whatever
 *   succeeded, with the rest listed as gaps.
 */
export function buildAnalysisGraph(options: AnalysisGraphOptions): TaskDefinition[] {
  const regions = assertRegions(options.regions);
  const metric = options.costMetric ?? 'UnblendedCost';
  const config = options.checks ?? defaultChecksConfig();
  const { adapters, cache, now, accountId, tagKey } = options;
  const plan = planCosts(now);
  const costs = costTasks({ adapters, cache, plan, accountId, metric, tagKey });
  const tasks: TaskDefinition[] = [...costs.tasks];
  // What the `analysis` task reads, in graph order.
  const checksResults: Array<TaskOutput<ChecksResult>> = [];
  const pricesResults: Array<TaskOutput<PricesResult>> = [];

  const accountChecks = CHECKS.filter(isAccountCheck).filter((c) => config[c.id]?.enabled);
  if (accountChecks.length > 0) {
    const task: TaskDefinition<ChecksResult> = {
      id: taskId('cost-checks'),
      type: 'checks',
      dependsOn: [costs.summary.id],
      run: async (ctx) => {
        const summary = costs.summary.from(ctx.inputs);
        const findings = accountChecks.flatMap((c) => c.run({ now, costs: summary }, config[c.id]!.params as never));
        return { region: 'global', findings, ran: accountChecks.map((c) => c.id), notRun: [] };
      },
    };
    tasks.push(task);
    checksResults.push(outputOf(task));
  }

  const regionChecks = enabledRegionChecks(config, CHECKS.filter(isRegionCheck));
  if (regionChecks.length > 0) {
    const kinds = new Set(regionChecks.flatMap(({ check }) => check.requires));
    const families = INVENTORY_FAMILIES.filter((f) => f.provides.some((k) => kinds.has(k)));
    const metricFamilies = new Set<MetricFamily>(regionChecks.flatMap(({ check }) => check.metrics ?? []));
    const metricDays = Math.max(0, ...regionChecks.map(({ check, params }) => check.lookbackDays?.(params as never) ?? 0));
    // Ready tasks of equal rank start in graph order, so the order is chosen: every region's
    // inventories first (load balancers leading: one call per five target groups starts the
    // longest chains), then prices, metrics and checks, stage by stage across regions.
    const staged = regions.map((region) => regionTasks(region, families, metricFamilies, metricDays, regionChecks, options));
    const inventories = staged
      .flatMap((r) => r.inventory)
      .sort((a, b) => Number(b.type === 'elb-inventory') - Number(a.type === 'elb-inventory'));
    tasks.unshift(...inventories);
    for (const stage of ['prices', 'metrics', 'checks'] as const) for (const region of staged) tasks.push(...region[stage]);
    pricesResults.push(...staged.map((r) => r.results.prices));
    checksResults.push(...staged.map((r) => r.results.checks));
  }

  const advice = computeOptimizerTasks(regions, adapters, config[AWS_COMPUTE_OPTIMIZER]);
  tasks.push(...advice);
  checksResults.push(...advice.map((task) => outputOf(task)));
  tasks.push(analysisTask(tasks, { costs: costs.summary, checks: checksResults, prices: pricesResults }, regions));
  return tasks;
}

/**
 * The graph's `analysis` task, typed by its result; `undefined` for a graph without one.
 * The one place that knows which of the graph's tasks of many result types it is.
 */
export function findAnalysisTask(graph: readonly TaskDefinition[]): TaskDefinition<AnalysisResult> | undefined {
  return graph.find((t) => t.id === ANALYSIS_TASK_ID) as TaskDefinition<AnalysisResult> | undefined;
}

/** The results the `analysis` task combines; it waits for every task but reads these. */
interface AnalysisInputs {
  costs: TaskOutput<CostSummary>;
  checks: ReadonlyArray<TaskOutput<ChecksResult>>;
  prices: ReadonlyArray<TaskOutput<PricesResult>>;
}

function analysisTask(tasks: readonly TaskDefinition[], inputs: AnalysisInputs, regions: string[]): TaskDefinition<AnalysisResult> {
  return {
    id: ANALYSIS_TASK_ID,
    type: 'analysis',
    optionalDependsOn: tasks.map((t) => t.id),
    run: async (ctx) => {
      const findings: Finding[] = [];
      const checksNotRun: AnalysisResult['checksNotRun'] = [];
      for (const checks of inputs.checks) {
        const result = checks.optional(ctx.inputs);
        if (!result) continue;
        findings.push(...result.findings);
        checksNotRun.push(...result.notRun.map((n) => ({ region: result.region, ...n })));
      }
      const priceProblems = inputs.prices
        .map((prices) => prices.optional(ctx.inputs))
        .filter((p): p is PricesResult => p !== undefined && p.apiProblem !== null)
        .map((p) => ({ region: p.region, reason: p.apiProblem! }));
      const marked = markSavings(sortFindings(findings));
      return {
        costs: inputs.costs.optional(ctx.inputs) ?? null,
        findings: marked,
        potentialMonthlySavings: countedSavingsTotal(marked),
        gaps: ctx.missing.map((m) => ({ taskId: m.taskId, reason: m.reason ?? m.status })),
        usedBundledPrices: findings.some((f) => f.priceSource === 'bundled'),
        regions,
        checksNotRun,
        priceProblems,
      };
    },
  };
}
