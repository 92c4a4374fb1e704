import type { CommentData } from '../report/comment.js';
import type { Report } from '../records/report.js';

export interface GateOptions {
  failOnCostIncreasePercent?: number | undefined;
  failOnNewFindings: boolean;
}

/**
 * The gates a user turned on, checked against this run: each failed gate is a sentence that
 * says why the step fails on purpose. Empty when the step may pass.
 */
export function failedGates(report: Report, comment: CommentData | undefined, gates: GateOptions): string[] {
  const reasons: string[] = [];
  const limit = gates.failOnCostIncreasePercent;
  const change = report.costs?.changePercent;
  if (limit !== undefined && change !== null && change !== undefined && change > limit) {
    reasons.push(
      `month-to-date cost rose ${change.toFixed(1)}% against the same days of last month, above fail-on-cost-increase-percent (${limit}%)`,
    );
  }
  if (gates.failOnNewFindings && comment?.baseline && comment.newFindings.length > 0) {
    const ids = comment.newFindings.slice(0, 5).map((f) => `${f.check} ${f.resourceId}`);
    reasons.push(
      `${comment.newFindings.length} new finding(s) against the baseline (fail-on-new-findings): ${ids.join(', ')}${comment.newFindings.length > 5 ? ', ...' : ''}`,
    );
  }
  return reasons;
}
