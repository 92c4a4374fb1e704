import { roundUsd } from '../primitives/money.js';
import type { Finding } from '../records/report.js';
import { getCheck } from './checks/registry.js';

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
