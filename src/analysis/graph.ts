import type { AwsAdapters } from '../aws/ports.js';
import { taskId, type TaskDefinition } from '../executor/types.js';
import type { AnalysisResult } from '../records/analysis.js';
import { sortFindings } from '../records/findings.js';
import type { CostSummary, Finding } from '../records/report.js';
import type { Cache } from '../primitives/cache.js';
import { AWS_COMPUTE_OPTIMIZER } from './advice/compute-optimizer.js';
import { CHECKS, isAccountCheck, isRegionCheck } from './checks/registry.js';
import { defaultChecksConfig, type ChecksConfig } from './config.js';
import {
  fetchAnomalies,
  fetchClosedMonths,
  fetchDaily,
  fetchForecast,
  type CostAnomaliesResult,
  type CostDailyResult,
  type CostForecastResult,
  type CostMonthsResult,
} from './cost/fetch.js';
import { planCosts } from './cost/plan.js';
import { summariseCosts } from './cost/summary.js';
import { utcDay } from './dates.js';
import type { MetricFamily } from './metrics/types.js';
import type { PricesResult } from './pricing/price-book.js';
import { assertRegions } from './regions.js';
import { potentialSavings } from './savings.js';
import type { ChecksResult } from './tasks/checks-result.js';
import { COMPUTE_OPTIMIZER_TASK_TYPE, computeOptimizerTasks } from './tasks/compute-optimizer.js';
import { familyOf, INVENTORY_FAMILIES } from './tasks/inventory.js';
import { enabledRegionChecks, runMetrics, runPrices, runRegionChecks, type RegionTaskIds } from './tasks/regional.js';

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
  const tasks: TaskDefinition[] = [];
  const ce = ['aws:ce'];

  const ids = {
    daily: taskId('cost-daily'),
    months: taskId('cost-months'),
    forecast: taskId('cost-forecast'),
    anomalies: taskId('cost-anomalies'),
    costs: taskId('cost-analysis'),
  };
  tasks.push(
    { id: ids.daily, type: 'cost-daily', breakerKeys: ce, run: (ctx) => fetchDaily(adapters.costExplorer, plan, metric, ctx.signal) },
    {
      id: ids.months,
      type: 'cost-months',
      breakerKeys: ce,
      run: (ctx) => fetchClosedMonths(adapters.costExplorer, cache, plan, { accountId, metric, tagKey }, ctx.signal),
    },
    {
      id: ids.forecast,
      type: 'cost-forecast',
      breakerKeys: ce,
      run: (ctx) => fetchForecast(adapters.costExplorer, plan, metric, utcDay(ctx.clock.now()), ctx.signal),
    },
    {
      id: ids.anomalies,
      type: 'cost-anomalies',
      breakerKeys: ce,
      run: (ctx) => fetchAnomalies(adapters.costExplorer, cache, plan, accountId, ctx.signal),
    },
    {
      id: ids.costs,
      type: 'cost-analysis',
      dependsOn: [ids.daily],
      optionalDependsOn: [ids.months, ids.forecast, ids.anomalies],
      run: async (ctx): Promise<CostSummary> =>
        summariseCosts({
          plan,
          metric,
          tagKey,
          daily: ctx.inputs.get(ids.daily) as CostDailyResult,
          months: ctx.inputs.get(ids.months) as CostMonthsResult | undefined,
          forecast: ctx.inputs.get(ids.forecast) as CostForecastResult | undefined,
          anomalies: ctx.inputs.get(ids.anomalies) as CostAnomaliesResult | undefined,
        }),
    },
  );

  const accountChecks = CHECKS.filter(isAccountCheck).filter((c) => config[c.id]?.enabled);
  if (accountChecks.length > 0) {
    tasks.push({
      id: taskId('cost-checks'),
      type: 'checks',
      dependsOn: [ids.costs],
      run: async (ctx): Promise<ChecksResult> => {
        const costs = ctx.inputs.get(ids.costs) as CostSummary;
        const findings = accountChecks.flatMap((c) => c.run({ now, costs }, config[c.id]!.params as never));
        return { region: 'global', findings, ran: accountChecks.map((c) => c.id), notRun: [] };
      },
    });
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
  }

  tasks.push(...computeOptimizerTasks(regions, adapters, config[AWS_COMPUTE_OPTIMIZER]));
  tasks.push(analysisTask(tasks, ids.costs, regions));
  return tasks;
}

const METRIC_INVENTORY: Readonly<Record<MetricFamily, string>> = {
  ec2: familyOf('instances').type,
  nat: familyOf('natGateways').type,
  elb: familyOf('loadBalancers').type,
  rds: familyOf('dbInstances').type,
};

function regionTasks(
  region: string,
  families: typeof INVENTORY_FAMILIES,
  metricFamilies: ReadonlySet<MetricFamily>,
  metricDays: number,
  checks: ReturnType<typeof enabledRegionChecks>,
  options: AnalysisGraphOptions,
): Record<'inventory' | 'prices' | 'metrics' | 'checks', TaskDefinition[]> {
  const { adapters, cache, now } = options;
  const inventory: TaskDefinition[] = families.map((family) => ({
    id: taskId(family.type, region),
    type: family.type,
    breakerKeys: [family.breakerKey],
    run: async (ctx) => ({ region, ...(await family.fetch(adapters, region, ctx.signal, options.accountId)) }),
  }));
  const ids: RegionTaskIds = { inventory: inventory.map((t) => t.id), metrics: null, prices: taskId('prices', region) };
  const metrics: TaskDefinition[] = [];
  if (metricFamilies.size > 0 && metricDays > 0) {
    ids.metrics = taskId('metrics', region);
    const metricInventory = [...metricFamilies].map((f) => taskId(METRIC_INVENTORY[f], region)).filter((id) => ids.inventory.includes(id));
    metrics.push({
      id: ids.metrics,
      type: 'metrics',
      breakerKeys: ['aws:cloudwatch'],
      optionalDependsOn: metricInventory,
      run: (ctx) => runMetrics(ctx, { adapters, region, now, families: metricFamilies, days: metricDays, inventoryIds: metricInventory }),
    });
  }
  const prices: TaskDefinition = {
    id: ids.prices,
    type: 'prices',
    breakerKeys: ['aws:pricing'],
    optionalDependsOn: ids.inventory,
    run: (ctx) => runPrices(ctx, { adapters, cache, region, checks, inventoryIds: ids.inventory }),
  };
  const regionChecks: TaskDefinition = {
    id: taskId('checks', region),
    type: 'checks',
    optionalDependsOn: [...ids.inventory, ...(ids.metrics ? [ids.metrics] : []), ids.prices],
    run: async (ctx) => runRegionChecks(ctx, { region, now, checks, ids }),
  };
  return { inventory, prices: [prices], metrics, checks: [regionChecks] };
}

function analysisTask(tasks: readonly TaskDefinition[], costsId: string, regions: string[]): TaskDefinition<AnalysisResult> {
  const checkIds = tasks.filter((t) => t.type === 'checks' || t.type === COMPUTE_OPTIMIZER_TASK_TYPE).map((t) => t.id);
  const priceIds = tasks.filter((t) => t.type === 'prices').map((t) => t.id);
  return {
    id: ANALYSIS_TASK_ID,
    type: 'analysis',
    optionalDependsOn: tasks.map((t) => t.id),
    run: async (ctx) => {
      const findings: Finding[] = [];
      const checksNotRun: AnalysisResult['checksNotRun'] = [];
      for (const id of checkIds) {
        const result = ctx.inputs.get(id) as ChecksResult | undefined;
        if (!result) continue;
        findings.push(...result.findings);
        checksNotRun.push(...result.notRun.map((n) => ({ region: result.region, ...n })));
      }
      const priceProblems = priceIds
        .map((id) => ctx.inputs.get(id) as PricesResult | undefined)
        .filter((p): p is PricesResult => p !== undefined && p.apiProblem !== null)
        .map((p) => ({ region: p.region, reason: p.apiProblem! }));
      return {
        costs: (ctx.inputs.get(costsId) as CostSummary | undefined) ?? null,
        findings: sortFindings(findings),
        potentialMonthlySavings: potentialSavings(findings),
        gaps: ctx.missing.map((m) => ({ taskId: m.taskId, reason: m.reason ?? m.status })),
        usedBundledPrices: findings.some((f) => f.priceSource === 'bundled'),
        regions,
        checksNotRun,
        priceProblems,
      };
    },
  };
}
