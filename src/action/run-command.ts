import * as core from '@actions/core';
import { analyse } from '../operations/analyse.js';
import { decideRun, type RunDecision } from '../operations/decide-run.js';
import { loadBaseline } from '../operations/report-archive.js';
import { writeReportFiles } from '../operations/report-files.js';
import type { Report } from '../records/report.js';
import { DEFAULT_BOT_LOGIN } from '../report/comment.js';
import { renderSummaryMarkdown, renderSummaryNotice } from '../report/markdown.js';
import type { ActionDeps, StepResult } from './action-deps.js';
import { triggerOf } from './github-context.js';
import { artifactNameFor, uploadReportArtifact } from './publish/artifact.js';
import { githubComments, httpStatus } from './publish/github-comments.js';
import { reportOutputs } from './publish/outputs.js';
import { publishPrComment } from './publish/pr-comment.js';

/**
 * `command: run`: analyse within the time budget and decide (the comparison with the baseline,
 * the gates), then publish everywhere users look — report files and artifact, job summary,
 * PR comment, outputs. Publishing never changes the decision; `main.ts` fails the step.
 */
export async function runCommand(deps: ActionDeps): Promise<StepResult> {
  const { settings, logger, context } = deps;
  const holder = `github-run-${context.runId ?? 'local'}-${context.runAttempt ?? '1'}-${process.pid}`;
  const { report } = await core.group('Analyse', () =>
    analyse(
      {
        store: deps.store,
        clock: deps.clock,
        target: { accountId: deps.accountId, adapters: deps.adapters },
        holder,
        onEvent: (event) => logger.event(event),
        onWarning: (message) => logger.warning(message),
        signal: deps.signal,
      },
      { settings, checks: deps.checks, trigger: triggerOf(context) },
    ),
  );
  const pullRequest = context.pullRequest !== undefined;
  const baseline = pullRequest ? await loadBaseline(deps.store, deps.accountId, (m) => logger.warning(m)) : null;
  const decision = decideRun(report, baseline, pullRequest, settings);

  const notices: string[] = [];
  const files = await core.group('Report files', async () => {
    const written = await writeReportFiles(settings.reportDir, report);
    logger.info(`Report files written to ${settings.reportDir}: ${written.map((f) => f.split('/').at(-1)).join(', ')}`);
    const artifact = await uploadReportArtifact(artifactNameFor(settings.artifactName, deps.env), written, deps.env);
    if (artifact.uploaded) logger.info(`Uploaded artifact ${artifact.name}`);
    else logger.warning(`Report artifact not uploaded: ${artifact.reason}. The files are in ${settings.reportDir}.`);
    return written;
  });
  await core.group('Pull request comment', () => publishComment(deps, decision, notices));

  const summary = [...notices.map((n) => renderSummaryNotice(n, 'warning')), renderSummaryMarkdown(report)].join('\n\n');
  await core.summary.addRaw(summary, true).write();
  for (const [name, value] of Object.entries(reportOutputs(report, settings.reportDir))) core.setOutput(name, value);
  logger.info(`${files.length} report files; execution ${report.executionId} ${report.status}`);
  return { failure: stepFailure(report, decision) };
}

/** Why the step fails: a failed execution, else the gates that failed on purpose. Warns about the rest. */
function stepFailure(report: Report, decision: RunDecision): string | undefined {
  if (report.status === 'partial') {
    core.warning(
      `Execution ${report.executionId} is partial: ${report.pending.length} task(s) pending (${report.pending.slice(0, 10).join(', ')}${report.pending.length > 10 ? ', ...' : ''}); the next run resumes them.`,
    );
  }
  if (report.status === 'failed') {
    const failed = report.tasks.filter((t) => t.status === 'failed').map((t) => `${t.id}: ${t.error ?? 'failed'}`);
    return `Execution ${report.executionId} failed: ${failed.join('; ')}`;
  }
  if (report.status === 'cancelled') core.warning(`Execution ${report.executionId} was cancelled.`);
  return decision.gates.length > 0 ? `Failing on purpose: ${decision.gates.join('; ')}` : undefined;
}

/** Writes the sticky comment; a refusal (fork, missing permission) becomes a notice in the summary. */
async function publishComment(deps: ActionDeps, decision: RunDecision, notices: string[]): Promise<void> {
  const { settings, context, logger } = deps;
  const comments =
    settings.githubToken && context.owner && context.repo && context.pullRequest !== undefined
      ? githubComments(settings.githubToken, { owner: context.owner, repo: context.repo, number: context.pullRequest })
      : undefined;
  try {
    // The default token comments as github-actions[bot]; only its comments are ours to edit.
    const outcome = await publishPrComment({ mode: settings.commentOnPr, data: decision.comment, comments, botLogin: DEFAULT_BOT_LOGIN });
    logger.info(outcome.kind === 'skipped' ? `PR comment skipped: ${outcome.reason}` : `PR comment ${outcome.kind}`);
  } catch (error) {
    const status = httpStatus(error);
    const why =
      status === 403 || status === 404
        ? context.fromFork
          ? 'this pull request comes from a fork, whose token cannot write comments'
          : 'the token lacks the pull-requests: write permission (add it to the workflow permissions)'
        : `the GitHub API answered: ${error instanceof Error ? error.message : String(error)}`;
    notices.push(`The PR comment could not be written: ${why}. The full report is below and in the artifact.`);
    logger.warning(`PR comment not written: ${why}`);
  }
}
