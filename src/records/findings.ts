/**
 * Ordering and identity of findings, shared by the analysis (the order of report.json) and by
 * every renderer, so tables, CSV and the PR comment list them the same way.
 */
import type { Finding, Severity } from './report.js';

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Compares findings: largest saving first, then severity, check, region and resource id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    savingsOf(b) - savingsOf(a) ||
    (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) ||
    compareText(a.check, b.check) ||
    compareText(a.region, b.region) ||
    compareText(a.resourceId, b.resourceId)
  );
}

/** A copy of `findings`, largest saving first (ties broken deterministically). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/**
 * Identity of a finding across executions: its check and resource. The same waste found again
 * tomorrow is the same finding, even when its estimated saving moved.
 */
export function findingKey(finding: Pick<Finding, 'check' | 'resourceId'>): string {
  return `${finding.check}\u0000${finding.resourceId}`;
}

/** The saving of a finding as a finite number (0 when missing or invalid). */
export function savingsOf(finding: Pick<Finding, 'estimatedMonthlySavings'>): number {
  const value = finding.estimatedMonthlySavings;
  return Number.isFinite(value) ? value : 0;
}

/** Ordinal text comparison, independent of the host locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
