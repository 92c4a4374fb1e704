import type { AwsAdapters } from '../../aws/ports/index.js';
import { outputOf, type TaskOutput } from '../../executor/task-output.js';
import { taskId, type TaskContext, type TaskDefinition } from '../../executor/types.js';
import type { Cache } from '../../primitives/cache.js';
import type { ChecksConfig } from '../config.js';
import type { RegionCheck } from '../checks/types.js';
import { buildMetricQueries } from '../metrics/queries.js';
import { readMetricsResult, type MetricFamily, type MetricsResult } from '../metrics/types.js';
import { PriceLookup, resolvePrices, type PricesResult } from '../pricing/price-book.js';
import type { ChecksResult } from './checks-result.js';
import { familyOf, mergeInventory, type InventoryFamily, type InventoryResult } from './inventory.js';

const DAY_MS = 86_400_000;

/** An enabled regional check with its parameters. */
export interface EnabledRegionCheck {
  check: RegionCheck;
  params: Record<string, number | string[]>;
}

/** The results a region's `checks:{region}` task reads, by the tasks that produce them. */
export interface RegionInputs {
  inventory: ReadonlyArray<TaskOutput<InventoryResult>>;
  metrics: TaskOutput<MetricsResult> | null;
  prices: TaskOutput<PricesResult>;
}

/** The tasks of one region, by stage, and the handles of the results the `analysis` task reads. */
export interface RegionTasks {
  inventory: TaskDefinition[];
  prices: TaskDefinition[];
  metrics: TaskDefinition[];
  checks: TaskDefinition[];
  results: { checks: TaskOutput<ChecksResult>; prices: TaskOutput<PricesResult> };
}

const METRIC_INVENTORY: Readonly<Record<MetricFamily, string>> = {
  ec2: familyOf('instances').type,
  nat: familyOf('natGateways').type,
  elb: familyOf('loadBalancers').type,
  rds: familyOf('dbInstances').type,
};

/**
 * One region's tasks: an inventory task per family, `metrics:{region}` when a check reads
 * metrics, `prices:{region}` and `checks:{region}`. They share no task with other regions.
 */
export function regionTasks(
  region: string,
  families: readonly InventoryFamily[],
  metricFamilies: ReadonlySet<MetricFamily>,
  metricDays: number,
  checks: readonly EnabledRegionCheck[],
  options: { adapters: AwsAdapters; cache: Cache; now: Date; accountId: string },
): RegionTasks {
  const { adapters, cache, now } = options;
  const inventory = families.map((family): TaskDefinition<InventoryResult> => ({
    id: taskId(family.type, region),
    type: family.type,
    breakerKeys: [family.breakerKey],
    run: async (ctx) => ({ region, ...(await family.fetch(adapters, region, ctx.signal, options.accountId)) }),
  }));
  const inventoryResults = inventory.map((task) => outputOf(task));
  const metrics: Array<TaskDefinition<MetricsResult>> = [];
  if (metricFamilies.size > 0 && metricDays > 0) {
    const metricInventory = [...metricFamilies]
      .map((f) => inventoryResults.find((i) => i.id === taskId(METRIC_INVENTORY[f], region)))
      .filter((i) => i !== undefined);
    metrics.push({
      id: taskId('metrics', region),
      type: 'metrics',
      breakerKeys: ['aws:cloudwatch'],
      optionalDependsOn: metricInventory.map((i) => i.id),
      run: (ctx) => runMetrics(ctx, { adapters, region, now, families: metricFamilies, days: metricDays, inventory: metricInventory }),
    });
  }
  const prices: TaskDefinition<PricesResult> = {
    id: taskId('prices', region),
    type: 'prices',
    breakerKeys: ['aws:pricing'],
    optionalDependsOn: inventoryResults.map((i) => i.id),
    run: (ctx) => runPrices(ctx, { adapters, cache, region, checks, inventory: inventoryResults }),
  };
  const inputs: RegionInputs = { inventory: inventoryResults, metrics: metrics[0] ? outputOf(metrics[0]) : null, prices: outputOf(prices) };
  const regionChecks: TaskDefinition<ChecksResult> = {
    id: taskId('checks', region),
    type: 'checks',
    optionalDependsOn: [...inputs.inventory, ...(inputs.metrics ? [inputs.metrics] : []), inputs.prices].map((i) => i.id),
    run: async (ctx) => runRegionChecks(ctx, { region, now, checks, inputs }),
  };
  return {
    inventory,
    prices: [prices],
    metrics,
    checks: [regionChecks],
    results: { checks: outputOf(regionChecks), prices: inputs.prices },
  };
}

/**
 * The `metrics:{region}` body: one GetMetricData batch set (≤ 500 queries per request) for all
 * metric families the enabled checks read, over the largest lookback, ending at today 00:00 UTC.
 */
export async function runMetrics(
  ctx: TaskContext,
  options: {
    adapters: AwsAdapters;
    region: string;
    now: Date;
    families: ReadonlySet<MetricFamily>;
    days: number;
    inventory: ReadonlyArray<TaskOutput<InventoryResult>>;
  },
): Promise<MetricsResult> {
  const inventory = mergeInventory(ctx.inputs, options.inventory);
  const queries = buildMetricQueries(inventory, options.families);
  const endMs = Math.floor(options.now.getTime() / DAY_MS) * DAY_MS;
  const end = new Date(endMs).toISOString();
  const start = new Date(endMs - options.days * DAY_MS).toISOString();
  const series =
    queries.length === 0 ? {} : await options.adapters.cloudwatch(options.region).getMetricData({ queries, start, end }, ctx.signal);
  return { region: options.region, start, end, days: options.days, queries: queries.length, series };
}

/** The `prices:{region}` body: every price the enabled checks may need for this inventory. */
/** Attempts of a `prices` task that retry a throttled Price List before using the bundled snapshot (the default policy's). */
export const PRICE_ATTEMPTS_BEFORE_SNAPSHOT = 3;

export async function runPrices(
  ctx: TaskContext,
  options: {
    adapters: AwsAdapters;
    cache: Cache;
    region: string;
    checks: readonly EnabledRegionCheck[];
    inventory: ReadonlyArray<TaskOutput<InventoryResult>>;
  },
): Promise<PricesResult> {
  const inventory = mergeInventory(ctx.inputs, options.inventory);
  const keys = options.checks.flatMap(({ check, params }) => check.priceKeys(inventory, params as never));
  // Throttling or an outage gets the executor's retries first; the last attempt settles for the snapshot.
  return resolvePrices(keys, options.region, options.adapters.pricing, options.cache, ctx.signal, {
    fallBackOnTransient: ctx.attempt >= PRICE_ATTEMPTS_BEFORE_SNAPSHOT,
  });
}

/** The `checks:{region}` body: runs each enabled check whose inputs are there. */
export function runRegionChecks(
  ctx: TaskContext,
  options: { region: string; now: Date; checks: readonly EnabledRegionCheck[]; inputs: RegionInputs },
): ChecksResult {
  const { region, inputs } = options;
  const inventory = mergeInventory(ctx.inputs, inputs.inventory);
  const metrics = inputs.metrics ? readMetricsResult(inputs.metrics.optional(ctx.inputs)) : undefined;
  const prices = inputs.prices.optional(ctx.inputs);
  const lookup = new PriceLookup(region, prices?.prices);
  const result: ChecksResult = { region, findings: [], ran: [], notRun: [] };
  const why = (taskId: string) => {
    const missing = ctx.missing.find((m) => m.taskId === taskId);
    return missing ? `${taskId} ${missing.status}${missing.reason ? `: ${missing.reason}` : ''}` : `${taskId} produced no result`;
  };
  for (const { check, params } of options.checks) {
    const absent = check.requires.find((kind) => inventory[kind] === undefined);
    if (absent) {
      result.notRun.push({ check: check.id, reason: why(`${familyOf(absent).type}:${region}`) });
      continue;
    }
    if (check.metrics?.length && !metrics) {
      result.notRun.push({ check: check.id, reason: why(inputs.metrics?.id ?? `metrics:${region}`) });
      continue;
    }
    result.findings.push(...check.run({ region, now: options.now, inventory, metrics, prices: lookup }, params as never));
    result.ran.push(check.id);
  }
  return result;
}

/** The enabled regional checks of a config, in registry order. */
export function enabledRegionChecks(config: ChecksConfig, all: readonly RegionCheck[]): EnabledRegionCheck[] {
  return all.filter((check) => config[check.id]?.enabled).map((check) => ({ check, params: config[check.id]!.params }));
}
