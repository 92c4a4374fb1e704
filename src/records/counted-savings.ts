/**
 * Which findings the potential saving counts. Several checks may advise on one resource (idle,
 * underutilised and Compute Optimizer on one instance): the resource is counted once, at its
 * largest saving, and the other findings are alternatives to that one. The analysis decides
 * (it knows which checks are savings) and records the decision on each finding; every renderer
 * reads it from there, so the rows a reader adds up give the headline.
 */
import { roundUsd } from '../primitives/money.js';
import { compareFindings, savingsOf } from './findings.js';
import type { Finding } from './report.js';

/** How a finding enters the potential saving. */
export type SavingRole = 'counted' | 'alternative' | 'not-a-saving';

/** The resource a saving is about: region and resource id (the same id in another region is another resource). */
function resourceKey(finding: Pick<Finding, 'region' | 'resourceId'>): string {
  return `${finding.region}\u0000${finding.resourceId}`;
}

/**
 * Marks every finding: among the saving findings of one resource, the first in the order of
 * `compareFindings` (the largest saving) is counted, the others are alternatives to it; findings
 * that are not savings (cost spikes) are neither. Returns copies, in the order given.
 *
 * @param isSaving Whether a finding's saving may count (false for cost spikes).
 */
export function markCountedSavings(findings: readonly Finding[], isSaving: (finding: Finding) => boolean): Finding[] {
  const lead = new Map<string, Finding>();
  for (const finding of findings) {
    if (!isSaving(finding)) continue;
    const key = resourceKey(finding);
    const current = lead.get(key);
    if (!current || compareFindings(finding, current) < 0) lead.set(key, finding);
  }
  return findings.map((finding) => {
    const { countedInSavings: _counted, alternativeTo: _alternative, ...rest } = finding;
    if (!isSaving(finding)) return { ...rest, countedInSavings: false };
    const counted = lead.get(resourceKey(finding))!;
    return counted === finding ? { ...rest, countedInSavings: true } : { ...rest, countedInSavings: false, alternativeTo: counted.check };
  });
}

/** The role recorded on a finding. */
export function savingRole(finding: Pick<Finding, 'countedInSavings' | 'alternativeTo'>): SavingRole {
  if (finding.countedInSavings === true) return 'counted';
  return finding.alternativeTo !== undefined ? 'alternative' : 'not-a-saving';
}

/** The one check whose findings were not savings when reports did not yet record the marks. */
const UNMARKED_NOT_A_SAVING = 'cost-spike';

/**
 * The findings with their marks: as recorded, or, for a report written before findings were
 * marked, marked by the rule of that time (every check's finding was a saving but the cost
 * spike's, which always carried 0).
 */
export function withSavingMarks(findings: readonly Finding[]): readonly Finding[] {
  if (findings.every((f) => typeof f.countedInSavings === 'boolean')) return findings;
  return markCountedSavings(findings, (f) => f.check !== UNMARKED_NOT_A_SAVING);
}

/** Sum of the counted savings, in USD: what the headline says, and what the counted rows add up to. */
export function countedSavingsTotal(findings: readonly Finding[]): number {
  let cents = 0;
  for (const finding of withSavingMarks(findings))
    if (savingRole(finding) === 'counted') cents += Math.round(roundUsd(savingsOf(finding)) * 100);
  return cents / 100;
}

/** Counts of a list of findings by role (marked as in {@link withSavingMarks}). */
export function countSavingRoles(findings: readonly Finding[]): Record<SavingRole, number> {
  const counts: Record<SavingRole, number> = { counted: 0, alternative: 0, 'not-a-saving': 0 };
  for (const finding of withSavingMarks(findings)) counts[savingRole(finding)]++;
  return counts;
}

/**
 * The saving findings of `findings` in reading order: resources largest saving first, each
 * with its counted finding and then its alternatives. A subset (the new findings of a PR) keeps
 * an alternative next to its counted finding when both are in it, and in its own place otherwise.
 * Findings that are not savings are left out (see {@link notSavings}).
 */
export function savingsInReadingOrder(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of withSavingMarks(findings)) {
    if (savingRole(finding) === 'not-a-saving') continue;
    const key = resourceKey(finding);
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  const ordered = [...groups.values()].map((group) =>
    group.sort((a, b) => Number(savingRole(b) === 'counted') - Number(savingRole(a) === 'counted') || compareFindings(a, b)),
  );
  ordered.sort((a, b) => compareFindings(a[0]!, b[0]!));
  return ordered.flat();
}

/** The findings that are not savings (cost spikes), in the order of `compareFindings`. */
export function notSavings(findings: readonly Finding[]): Finding[] {
  return withSavingMarks(findings)
    .filter((f) => savingRole(f) === 'not-a-saving')
    .sort(compareFindings);
}
