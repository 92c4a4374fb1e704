import type { PricingPort } from '../../aws/ports/index.js';
import { errorMessage } from '../../primitives/errors.js';
import type { Cache } from '../../primitives/cache.js';
import type { PriceKey } from './keys.js';
import { priceListQuery } from './price-list.js';
import { classifyError } from '../../executor/classify.js';
import { bundledPrice } from './snapshot.js';

/** Price List answers are kept this long in the cache, in ms (7 days). */
export const PRICE_CACHE_TTL_MS = 7 * 86_400_000;

export type PriceSource = 'price-list' | 'bundled';

export interface PriceEntry {
  /** USD in the key's unit (see `keys.ts`). */
  usd: number;
  source: PriceSource;
}

/** Result of a `prices:{region}` task. */
export interface PricesResult {
  region: string;
  prices: Record<PriceKey, PriceEntry>;
  /** Keys neither the API nor the snapshot could price. */
  unpriced: PriceKey[];
  /** Why the API was not (fully) used, e.g. access denied; null when every call succeeded. */
  apiProblem: string | null;
  /** GetProducts calls made (cache hits excluded). */
  apiCalls: number;
}

/** Cache key of a region's prices: one object, read once and written once per task. */
export function priceCacheKey(region: string): string {
  return `prices/v2/${region}`;
}

/** A region's cached Price List answers; `usd: null` remembers "the Price List has no such product". */
type RegionPriceCache = Record<PriceKey, { usd: number | null; expiresAt: number }>;

/**
 * GetProducts calls in flight at once for one region. The Price List API throttles each account
 * (a token bucket of 10, refilled at 5 per second): a few at a time shorten the task, more
 * would mostly come back throttled.
 */
export const PRICE_LIST_CONCURRENCY = 5;

/**
 * Prices `keys` in `region`: from the cache, else the Price List API (cached 7 days), else the
 * bundled snapshot. After the first API failure (denied, or still unreachable or throttled on
 * the task's last attempt) the rest come from the snapshot without further calls: a denied API
 * stays denied. A transient failure on an earlier attempt is thrown, so the executor retries the
 * task with backoff instead of settling for approximate prices; what was learnt is kept.
 */
export async function resolvePrices(
  keys: Iterable<PriceKey>,
  region: string,
  pricing: PricingPort,
  cache: Cache,
  signal?: AbortSignal,
  options: { fallBackOnTransient?: boolean; now?: () => number } = {},
): Promise<PricesResult> {
  const now = options.now ?? Date.now;
  const result: PricesResult = { region, prices: {}, unpriced: [], apiProblem: null, apiCalls: 0 };
  const known: RegionPriceCache = Object.fromEntries(
    Object.entries((await cache.get<RegionPriceCache>(priceCacheKey(region), signal)) ?? {}).filter(([, e]) => e.expiresAt > now()),
  );
  const sorted = [...new Set(keys)].sort();
  const asks = sorted.flatMap((key) => {
    const query = known[key] === undefined ? priceListQuery(key, region) : undefined;
    return query ? [{ key, query }] : [];
  });
  let learnt = false;
  // A transient failure to throw once the calls in flight have settled (their answers are kept).
  let failure: { error: unknown } | undefined;
  const ask = async ({ key, query }: (typeof asks)[number]): Promise<void> => {
    result.apiCalls++;
    try {
      const products = await pricing.getProducts({ serviceCode: query.serviceCode, filters: query.filters }, signal);
      known[key] = { usd: query.pick(products) ?? null, expiresAt: now() + PRICE_CACHE_TTL_MS };
      learnt = true;
    } catch (error) {
      if (signal?.aborted || (options.fallBackOnTransient === false && classifyError(error) === 'retryable')) failure ??= { error };
      else result.apiProblem ??= errorMessage(error);
    }
  };
  let next = 0;
  const stopped = () => failure !== undefined || result.apiProblem !== null || signal?.aborted === true;
  const worker = async () => {
    while (next < asks.length && !stopped()) await ask(asks[next++]!);
  };
  try {
    // The first call alone: a denied or unreachable API then costs one call, not a poolful.
    if (asks.length > 0 && !stopped()) await ask(asks[next++]!);
    await Promise.all(Array.from({ length: Math.min(PRICE_LIST_CONCURRENCY, asks.length - next) }, worker));
    if (failure) throw failure.error;
    signal?.throwIfAborted();
  } finally {
    // Kept even when a throttled call ends the attempt, so the retry asks only what is left.
    if (learnt && !signal?.aborted) await cache.put(priceCacheKey(region), known, undefined, signal);
  }
  // In key order whatever order the answers came in, so the result does not depend on timing.
  for (const key of sorted) {
    const usd = known[key]?.usd;
    if (typeof usd === 'number') {
      result.prices[key] = { usd, source: 'price-list' };
      continue;
    }
    const bundled = bundledPrice(region, key);
    if (bundled !== undefined) result.prices[key] = { usd: bundled, source: 'bundled' };
    else result.unpriced.push(key);
  }
  return result;
}

/**
 * What checks read prices through: the region's resolved prices, falling back to the bundled
 * snapshot (e.g. when the prices task did not run).
 */
export class PriceLookup {
  constructor(
    readonly region: string,
    private readonly resolved: Readonly<Record<PriceKey, PriceEntry>> = {},
  ) {}

  get(key: PriceKey): PriceEntry | undefined {
    const entry = this.resolved[key];
    if (entry) return entry;
    const bundled = bundledPrice(this.region, key);
    return bundled === undefined ? undefined : { usd: bundled, source: 'bundled' };
  }
}

/** The weakest source among the prices a saving used: bundled taints the whole saving. */
export function combinedSource(entries: ReadonlyArray<PriceEntry | undefined>): PriceSource {
  return entries.some((e) => e?.source === 'bundled') ? 'bundled' : 'price-list';
}
