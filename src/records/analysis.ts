import type { CostSummary, Finding } from './report.js';

/**
 * What the analysis produced: the result of the final `analysis` task (or, when a run stopped
 * before it, the same combination of whatever succeeded). The report is assembled from it.
 */
export interface AnalysisResult {
  /** null when the cost analysis did not succeed (see `gaps`). */
  costs: CostSummary | null;
  /** Every finding, in the order of `sortFindings` (largest saving first), marked `countedInSavings` or `alternativeTo`. */
  findings: Finding[];
  /** USD per month: the sum of the findings marked `countedInSavings` (each resource once, at its largest saving; cost spikes excluded). */
  potentialMonthlySavings: number;
  /** Tasks that did not succeed, with why (denied, not enrolled, failed, breaker open...). */
  gaps: Array<{ taskId: string; reason: string }>;
  /** True when some saving was priced from the bundled snapshot. */
  usedBundledPrices: boolean;
  /** Regions analysed. */
  regions: string[];
  /** Enabled checks that could not run in some region, with why. */
  checksNotRun: Array<{ region: string; check: string; reason: string }>;
  /** Regions where the Price List API could not be used, with why (bundled prices were used). */
  priceProblems: Array<{ region: string; reason: string }>;
}
