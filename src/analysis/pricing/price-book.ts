import type { PricingPort } from '../../aws/ports.js';
import { errorMessage } from '../../errors.js';
import type { Cache } from '../../state/cache.js';
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
  let learnt = false;
  try {
    for (const key of [...new Set(keys)].sort()) {
      signal?.throwIfAborted();
      const cached = known[key];
      if (typeof cached?.usd === 'number') {
        result.prices[key] = { usd: cached.usd, source: 'price-list' };
        continue;
      }
      const query = result.apiProblem === null && cached === undefined ? priceListQuery(key, region) : undefined;
      if (query) {
        try {
          result.apiCalls++;
          const products = await pricing.getProducts({ serviceCode: query.serviceCode, filters: query.filters }, signal);
          const usd = query.pick(products);
          known[key] = { usd: usd ?? null, expiresAt: now() + PRICE_CACHE_TTL_MS };
          learnt = true;
          if (usd !== undefined) {
            result.prices[key] = { usd, source: 'price-list' };
            continue;
          }
        } catch (error) {
          if (signal?.aborted) throw error;
          if (options.fallBackOnTransient === false && classifyError(error) === 'retryable') throw error;
          result.apiProblem = errorMessage(error);
        }
      }
      const bundled = bundledPrice(region, key);
      if (bundled !== undefined) result.prices[key] = { usd: bundled, source: 'bundled' };
      else result.unpriced.push(key);
    }
  } finally {
    // Kept even when a throttled call ends the attempt, so the retry asks only what is left.
    if (learnt && !signal?.aborted) await cache.put(priceCacheKey(region), known, undefined, signal);
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
