import { countedSavingsTotal, markCountedSavings } from '../records/counted-savings.js';
import type { Finding } from '../records/report.js';
import { getCheck } from './checks/registry.js';

/** Whether a finding's saving may count: every check's but those that say not (cost spikes). */
function isSaving(finding: Finding): boolean {
  return getCheck(finding.check)?.countsTowardSavings !== false;
}

/**
 * Marks which findings the potential saving counts: findings of saving checks grouped by
 * resource, each resource counted once at its largest saving (idle and previous generation on
 * one instance are not added up, nor our rightsizing and Compute Optimizer's); the others are
 * alternatives. The key is region and resource id, so every source of findings must name a
 * resource by the id the inventory uses (`i-…`, `vol-…`), never by its ARN.
 */
export function markSavings(findings: readonly Finding[]): Finding[] {
  return markCountedSavings(findings, isSaving);
}

/** The account's potential monthly saving: the sum of the findings {@link markSavings} counts. */
export function potentialSavings(findings: readonly Finding[]): number {
  return countedSavingsTotal(markSavings(findings));
}
