import type { Report } from '../records/report.js';
import { buildCommentData, type CommentData } from '../report/comment.js';

export interface GateSettings {
  /** Fail when month-to-date cost grew more than this percentage; no gate when absent. */
  failOnCostIncreasePercent?: number | undefined;
  /** Fail a pull request's run when it has findings the baseline did not have. */
  failOnNewFindings: boolean;
}

export interface RunDecision {
  /** What a PR comment would say against the baseline; `undefined` when the run is not for a pull request. */
  comment: CommentData | undefined;
  /** Each gate that fails the run on purpose, as a sentence that says why; empty when it may pass. */
  gates: string[];
}

/**
 * What a run decided, before anything is published: the comparison with the baseline and the
 * gates, whatever the comment mode and whether or not a comment can be written.
 */
export function decideRun(report: Report, baseline: Report | null, pullRequest: boolean, gates: GateSettings): RunDecision {
  const comment = pullRequest ? buildCommentData(report, baseline) : undefined;
  return { comment, gates: failedGates(report, comment, gates) };
}

/** The gates a user turned on, checked against this run. */
export function failedGates(report: Report, comment: CommentData | undefined, gates: GateSettings): string[] {
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
