import type { CostSummary, Finding } from '../../records/report.js';
import { roundUsd } from '../../primitives/money.js';
import { getCheck } from '../checks/registry.js';

/** Result of a `checks:{region}` or `cost-checks` task. */
export interface ChecksResult {
  region: string;
  findings: Finding[];
  /** Checks that ran. */
  ran: string[];
  /** Enabled checks that could not run, with why (their inventory or metrics task did not succeed). */
  notRun: Array<{ check: string; reason: string }>;
}

/** Output of the final `analysis` task: what the report is assembled from. */
export interface AnalysisResult {
  /** null when the cost analysis did not succeed (see `gaps`). */
  costs: CostSummary | null;
  /** Every finding, largest saving first. */
  findings: Finding[];
  /** USD per month, each resource counted once at its largest saving; cost spikes excluded. */
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

/**
 * The account's potential monthly saving: findings of saving checks grouped by resource, each
 * resource counted once at its largest saving (idle and previous generation on one instance
 * are not added up, nor our rightsizing and Compute Optimizer's). The key is region and
 * resource id, so every source of findings must name a resource by the id the inventory uses
 * (`i-…`, `vol-…`), never by its ARN.
 */
export function potentialSavings(findings: readonly Finding[]): number {
  const best = new Map<string, number>();
  for (const finding of findings) {
    if (getCheck(finding.check)?.countsTowardSavings === false) continue;
    const key = `${finding.region}\u0000${finding.resourceId}`;
    const saving = Number.isFinite(finding.estimatedMonthlySavings) ? finding.estimatedMonthlySavings : 0;
    best.set(key, Math.max(best.get(key) ?? 0, saving));
  }
  let total = 0;
  for (const saving of best.values()) total += saving;
  return roundUsd(total);
}
