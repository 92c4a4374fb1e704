import type { AwsAdapters } from '../../aws/ports.js';
import type { TaskContext } from '../../executor/types.js';
import type { Cache } from '../../primitives/cache.js';
import type { ChecksConfig } from '../config.js';
import type { RegionCheck } from '../checks/types.js';
import { buildMetricQueries } from '../metrics/queries.js';
import { readMetricsResult, type MetricFamily, type MetricsResult } from '../metrics/types.js';
import { PriceLookup, resolvePrices, type PricesResult } from '../pricing/price-book.js';
import type { ChecksResult } from './checks-result.js';
import { familyOf, mergeInventory } from './inventory.js';

const DAY_MS = 86_400_000;

/** An enabled regional check with its parameters. */
export interface EnabledRegionCheck {
  check: RegionCheck;
  params: Record<string, number | string[]>;
}

export interface RegionTaskIds {
  inventory: string[];
  metrics: string | null;
  prices: string;
}

/**
 * The `metrics:{region}` body: one GetMetricData batch set (≤ 500 queries per request) for all
 * metric families the enabled checks read, over the largest lookback, ending at today 00:00 UTC.
 */
export async function runMetrics(
  ctx: TaskContext,
  options: { adapters: AwsAdapters; region: string; now: Date; families: ReadonlySet<MetricFamily>; days: number; inventoryIds: string[] },
): Promise<MetricsResult> {
  const inventory = mergeInventory(ctx.inputs, options.inventoryIds);
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
  options: { adapters: AwsAdapters; cache: Cache; region: string; checks: readonly EnabledRegionCheck[]; inventoryIds: string[] },
): Promise<PricesResult> {
  const inventory = mergeInventory(ctx.inputs, options.inventoryIds);
  const keys = options.checks.flatMap(({ check, params }) => check.priceKeys(inventory, params as never));
  // Throttling or an outage gets the executor's retries first; the last attempt settles for the snapshot.
  return resolvePrices(keys, options.region, options.adapters.pricing, options.cache, ctx.signal, {
    fallBackOnTransient: ctx.attempt >= PRICE_ATTEMPTS_BEFORE_SNAPSHOT,
  });
}

/** The `checks:{region}` body: runs each enabled check whose inputs are there. */
export function runRegionChecks(
  ctx: TaskContext,
  options: { region: string; now: Date; checks: readonly EnabledRegionCheck[]; ids: RegionTaskIds },
): ChecksResult {
  const { region, ids } = options;
  const inventory = mergeInventory(ctx.inputs, ids.inventory);
  const metrics = ids.metrics ? readMetricsResult(ctx.inputs.get(ids.metrics) as MetricsResult | undefined) : undefined;
  const prices = ctx.inputs.get(ids.prices) as PricesResult | undefined;
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
      result.notRun.push({ check: check.id, reason: why(ids.metrics ?? `metrics:${region}`) });
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
