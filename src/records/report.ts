/**
 * The report model: what every renderer (summary, comment, HTML, CSV, report.json) reads.
 * Analyses produce `CostSummary` and `Finding`s; the report task assembles a `Report`.
 * All money is USD as numbers with cents (round with `roundUsd`, primitives/money.ts).
 */
export const REPORT_SCHEMA_VERSION = 1;

export type Severity = 'low' | 'medium' | 'high';

export interface Finding {
  /** Stable check id, e.g. `ebs-unattached`. */
  check: string;
  resourceId: string;
  /** e.g. `ebs-volume`, `ec2-instance`, `elastic-ip`, `nat-gateway`, `load-balancer`, `rds-instance`, `service`. */
  resourceType: string;
  /** AWS region, or `global` for account-wide findings. */
  region: string;
  title: string;
  /** The numbers that triggered the finding, by name (e.g. `{ sizeGiB: 100, ageDays: 41 }`). */
  evidence: Record<string, string | number | boolean | null>;
  /** USD per month. */
  estimatedMonthlySavings: number;
  severity: Severity;
  /** Human advice: what to do. */
  recommendation?: string;
  /** Where the price came from: `price-list` (live API) or `bundled` (snapshot fallback). */
  priceSource?: 'price-list' | 'bundled' | 'cost-explorer';
  /**
   * True when this finding's saving is in `potentialMonthlySavings`: the largest saving of its
   * resource (region and resource id). Set by the analysis (`markCountedSavings`); absent on a
   * finding straight from a check and in reports written before it was recorded.
   */
  countedInSavings?: boolean;
  /**
   * Set when another finding of the same resource is counted instead: that finding's check.
   * Absent on counted findings and on findings that are not savings (cost spikes).
   */
  alternativeTo?: string;
}

export interface CostAmount {
  amount: number;
  unit: 'USD';
}

export interface ServiceCost {
  service: string;
  /** Month-to-date cost. */
  current: number;
  /** Same days of the previous month. */
  previous: number;
  change: number;
  /** `null` when `previous` is 0. */
  changePercent: number | null;
}

export interface DailyCost {
  /** `YYYY-MM-DD`. */
  date: string;
  amount: number;
}

export interface Period {
  /** Inclusive start `YYYY-MM-DD`. */
  start: string;
  /** Exclusive end `YYYY-MM-DD` (Cost Explorer convention). */
  end: string;
}

export interface CostSummary {
  metric: string;
  currency: 'USD';
  /** Month to date. */
  current: { period: Period; total: number };
  /** The same days of the previous month. */
  previous: { period: Period; total: number };
  change: number;
  changePercent: number | null;
  /** Previous full month vs the month before. */
  lastMonth?: { period: Period; total: number; priorTotal: number; change: number; changePercent: number | null };
  /** End-of-month forecast of the current month (actual to date + forecast rest). */
  forecast?: { total: number; lower?: number; upper?: number } | null;
  byService: ServiceCost[];
  byRegion: Array<{ region: string; amount: number }>;
  /** By linked account (payer accounts only: present when more than one account has spend); covers `breakdownPeriod`. */
  byAccount?: Array<{ accountId: string; amount: number }>;
  /** By the `tag-key` tag; value `''` is the untagged spend; covers `breakdownPeriod`. */
  byTag?: { key: string; values: Array<{ value: string; amount: number }> };
  /**
   * Period of `byAccount` and `byTag`: the last full month (closed months are cached, so these
   * cost no Cost Explorer request after the first run). `byService` and `byRegion` cover `current.period`.
   */
  breakdownPeriod?: Period;
  daily: DailyCost[];
  /** Services with the largest absolute change, largest first. */
  movers: ServiceCost[];
  anomalies?: Array<{ id: string; service?: string; start: string; end?: string; impact: number }>;
}

export interface ReportTask {
  id: string;
  type: string;
  status: string;
  attempts: number;
  durationMs: number | null;
  error: string | null;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  executionId: string;
  accountId: string;
  status: string;
  generatedAt: string;
  period: Period;
  costs: CostSummary | null;
  findings: Finding[];
  /** Sum of the savings of the findings marked `countedInSavings`: each resource once, at its largest saving. */
  potentialMonthlySavings: number;
  tasks: ReportTask[];
  breakers: Record<string, unknown>;
  pending: string[];
  /** Sections that could not be produced, with why (not enrolled, access denied, breaker open...). */
  gaps: Array<{ taskId: string; reason: string }>;
  /** True when some savings were priced from the bundled snapshot. */
  usedBundledPrices: boolean;
}
