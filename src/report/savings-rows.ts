/**
 * The words every renderer uses for how the potential saving is counted, so the summary, the
 * reports, the PR comment and the CLI say the same thing. Plain text, no AWS strings: callers
 * escape for their format.
 */
import { countedSavingsTotal, countSavingRoles, savingRole, savingsInReadingOrder } from '../records/counted-savings.js';
import type { Finding } from '../records/report.js';
import { formatUsd, plural } from './format.js';

/** The marker of an alternative row, indenting it under its resource's counted finding. */
export const ALTERNATIVE_MARK = '↳';

/** Said next to the headline: what the potential saving adds up. */
export function savingsCountSentence(findings: readonly Finding[]): string {
  const roles = countSavingRoles(findings);
  const alternatives =
    roles.alternative > 0
      ? `; ${plural(roles.alternative, 'alternative finding')} on the same resources ${roles.alternative === 1 ? 'is' : 'are'} not added`
      : '';
  return `Potential savings count each resource once, at its largest saving: ${plural(roles.counted, 'resource')}${alternatives}.`;
}

/**
 * Said above a findings table that has alternatives: which rows add up to what. Empty when every
 * saving finding is counted (the rows simply add up).
 */
export function alternativesNote(findings: readonly Finding[]): string {
  const roles = countSavingRoles(findings);
  if (roles.alternative === 0) return '';
  return (
    `Each resource counts once, at its largest saving: the ${plural(roles.counted, 'counted finding')} ${roles.counted === 1 ? 'adds' : 'add'} up to ${formatUsd(countedSavingsTotal(findings))}; ` +
    `the ${plural(roles.alternative, 'row')} marked ${ALTERNATIVE_MARK} ${roles.alternative === 1 ? 'is an alternative' : 'are alternatives'} on the same resource, not added.`
  );
}

/** The words in front of an alternative's title, e.g. `Alternative to ec2-idle, not counted:`. */
export function alternativePrefix(counted: string): string {
  return `Alternative to ${counted}, not counted:`;
}

/**
 * The findings of the `count` resources with the largest savings, in reading order: each
 * resource's counted finding, then its alternatives (a short list that still adds up).
 */
export function topResources(findings: readonly Finding[], count: number): Finding[] {
  const out: Finding[] = [];
  let resources = 0;
  for (const finding of savingsInReadingOrder(findings)) {
    if (savingRole(finding) !== 'alternative' && ++resources > count) break;
    out.push(finding);
  }
  return out;
}
