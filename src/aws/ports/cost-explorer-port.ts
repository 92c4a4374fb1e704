/** Cost Explorer port: billed per request, so callers plan their queries (see `analysis/cost`). */

/** `YYYY-MM-DD`; Cost Explorer periods are [start, end) with an exclusive end. */
export type IsoDay = string;

export interface CostGroupBy {
  type: 'DIMENSION' | 'TAG';
  /** e.g. `SERVICE`, `REGION`, `LINKED_ACCOUNT`, or a tag key. */
  key: string;
}

export interface CostQuery {
  start: IsoDay;
  /** Exclusive. */
  end: IsoDay;
  granularity: 'DAILY' | 'MONTHLY';
  /** Cost Explorer metric name, e.g. `UnblendedCost`. */
  metric: string;
  /** At most two (a Cost Explorer limit). */
  groupBy: CostGroupBy[];
}

/** One time period of a GetCostAndUsage answer, pages merged. */
export interface CostPeriod {
  start: IsoDay;
  end: IsoDay;
  /** Cost Explorer's flag: the amounts may still change (recent days, a month not yet final). */
  estimated: boolean;
  /** Total of the period in USD; only present for ungrouped queries. */
  total?: number;
  /** Grouped amounts in USD. Tag keys come as `key$value` (Cost Explorer's form). */
  groups: Array<{ keys: string[]; amount: number }>;
}

export interface CostForecast {
  /** Forecast spend over the requested period, USD. */
  mean: number;
  /** Bounds of the 80% prediction interval, USD, when Cost Explorer returns them. */
  lower?: number;
  upper?: number;
}

export interface CostAnomaly {
  id: string;
  start: IsoDay | null;
  end: IsoDay | null;
  /** The monitored dimension value (usually the service). */
  dimensionValue: string | null;
  rootCauses: Array<{ service?: string; region?: string; linkedAccount?: string; usageType?: string }>;
  /** Total impact in USD (actual minus expected spend). */
  totalImpact: number;
  maxImpact: number;
  monitorArn: string | null;
}

export interface CostExplorerPort {
  /** GetCostAndUsage, every page; periods split across pages are merged. */
  getCostAndUsage(query: CostQuery, signal?: AbortSignal): Promise<CostPeriod[]>;
  /** GetCostForecast over [start, end), MONTHLY granularity, 80% prediction interval. */
  getCostForecast(request: { start: IsoDay; end: IsoDay; metric: string }, signal?: AbortSignal): Promise<CostForecast>;
  /** GetAnomalies over all monitors of the account, every page. */
  getAnomalies(request: { start: IsoDay; end: IsoDay }, signal?: AbortSignal): Promise<CostAnomaly[]>;
}
