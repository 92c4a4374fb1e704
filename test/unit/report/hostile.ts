/**
 * Strings an attacker who can name or tag resources in the account could plant, and a report
 * full of them, for checking that no renderer lets them through.
 */
import { COMMENT_MARKER } from '../../../src/report/comment.js';
import type { Finding, Report } from '../../../src/records/report.js';
import { fixtureReport } from './fixture-report.js';

export const HOSTILE = {
  script: '<script>alert(document.cookie)</script>',
  link: '[click here](http://evil.example/phish)',
  mention: '@octo-org/security please approve',
  marker: `prod ${COMMENT_MARKER} bye`,
  formula: '=HYPERLINK("http://evil.example","invoice")',
  pipe: 'a | b | c\n| --- |\nnew row',
  image: '![x](https://evil.example/pixel.png)',
};

/** A finding whose every AWS-sourced field carries a hostile string. */
export function hostileFinding(): Finding {
  return {
    check: 'ebs-unattached',
    resourceId: `vol-1 ${HOSTILE.marker}`,
    resourceType: 'ebs-volume',
    region: HOSTILE.pipe,
    title: `${HOSTILE.script} ${HOSTILE.link} ${HOSTILE.mention} ${HOSTILE.image}`,
    evidence: { name: HOSTILE.formula, note: HOSTILE.script },
    estimatedMonthlySavings: 9999,
    severity: 'high',
    recommendation: HOSTILE.script,
  };
}

/** An alternative whose recorded counted check (from a stored report, so not trusted) is hostile too. */
export function hostileAlternative(): Finding {
  return {
    ...hostileFinding(),
    check: 'ebs-gp2-to-gp3',
    estimatedMonthlySavings: 1,
    countedInSavings: false,
    alternativeTo: `${HOSTILE.pipe} ${HOSTILE.script}`,
  };
}

/** The fixture report with hostile strings in findings, services, gaps, breakers and tasks. */
export function hostileReport(): Report {
  const report = fixtureReport();
  const costs = report.costs!;
  const evilService = { service: `${HOSTILE.script} ${HOSTILE.mention}`, current: 5000, previous: 1, change: 4999, changePercent: 499900 };
  return {
    ...report,
    costs: {
      ...costs,
      byService: [...costs.byService, evilService],
      movers: [evilService, ...costs.movers],
      byRegion: [{ region: HOSTILE.link, amount: 1 }],
    },
    findings: [{ ...hostileFinding(), countedInSavings: true }, hostileAlternative(), ...report.findings],
    gaps: [{ taskId: HOSTILE.marker, reason: `${HOSTILE.link} ${HOSTILE.script}` }],
    breakers: { [HOSTILE.script]: { state: 'open', consecutiveFailures: 3, lastError: HOSTILE.link } },
    tasks: [...report.tasks, { id: HOSTILE.marker, type: 'x', status: 'failed', attempts: 2, durationMs: 1, error: HOSTILE.script }],
    pending: [HOSTILE.mention, ...report.pending],
  };
}
