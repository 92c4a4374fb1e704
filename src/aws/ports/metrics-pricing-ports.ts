/** CloudWatch, Price List and DescribeRegions ports. */

export interface MetricQuery {
  /** The caller's key for this series; any string, unique within one call. */
  key: string;
  namespace: string;
  metricName: string;
  dimensions: Array<{ name: string; value: string }>;
  /** `Maximum`, `Average`, `Sum`, ... */
  stat: string;
  periodSeconds: number;
}

/**
 * One query's datapoints on the request's grid: `values[i]` is the period starting at
 * `start + i × periodSeconds`, one entry per period of [start, end), `null` where CloudWatch
 * returned no datapoint. No timestamp per datapoint: series of long windows stay small.
 */
export interface MetricSeries {
  /** ISO instant of the first period: the request's start. */
  start: string;
  periodSeconds: number;
  values: Array<number | null>;
  /** CloudWatch's status of the last page: `Complete`, `PartialData`, `Forbidden`, `InternalError`. */
  status: string;
}

export interface CloudWatchPort {
  /**
   * GetMetricData for any number of queries over [start, end): batched up to 500 queries per
   * request, each batch followed through `NextToken`. Series are keyed by `MetricQuery.key`.
   */
  getMetricData(
    request: { queries: MetricQuery[]; start: string; end: string },
    signal?: AbortSignal,
  ): Promise<Record<string, MetricSeries>>;
}

/** One product of the Price List, its OnDemand price dimensions parsed. */
export interface PriceListProduct {
  sku: string;
  productFamily: string | null;
  attributes: Record<string, string>;
  onDemand: Array<{ unit: string; usd: number; beginRange: number; description: string | null }>;
}

export interface PricingPort {
  /** GetProducts with TERM_MATCH filters, every page. */
  getProducts(request: { serviceCode: string; filters: Record<string, string> }, signal?: AbortSignal): Promise<PriceListProduct[]>;
}

export interface RegionsPort {
  /** Regions enabled for the account (DescribeRegions, opted-in or not requiring opt-in). */
  listEnabledRegions(signal?: AbortSignal): Promise<string[]>;
}
