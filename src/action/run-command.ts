import * as core from '@actions/core';
import type { ChecksConfig } from '../analysis/config.js';
import type { AwsAdapters } from '../aws/ports.js';
import { analyse } from '../operations/analyse.js';
import { loadBaseline } from '../operations/report-archive.js';
import { writeReportFiles } from '../operations/report-files.js';
import type { Clock } from '../primitives/clock.js';
import { DEFAULT_BOT_LOGIN } from '../report/comment.js';
import { renderSummaryMarkdown, renderSummaryNotice } from '../report/markdown.js';
import type { Report } from '../records/report.js';
import type { Settings } from '../settings/settings.js';
import type { StateStore } from '../state/state-store.js';
import { failedGates } from './gates.js';
import { triggerOf, type RunContext } from './github-context.js';
import type { ActionLogger } from './logger.js';
import { artifactNameFor, uploadReportArtifact } from './publish/artifact.js';
import { githubComments, httpStatus } from './publish/github-comments.js';
import { reportOutputs } from './publish/outputs.js';
import { publishPrComment, type CommentOutcome } from './publish/pr-comment.js';

export interface RunCommandDeps {
  settings: Settings;
  checks: ChecksConfig;
  store: StateStore;
  adapters: AwsAdapters;
  accountId: string;
  context: RunContext;
  logger: ActionLogger;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
}

/**
 * `command: run`: analyse within the time budget, then publish everywhere users look —
 * report files and artifact, job summary, PR comment, outputs — and apply the gates.
 */
export async function runCommand(deps: RunCommandDeps): Promise<void> {
  const { settings, logger, context } = deps;
  const holder = `github-run-${context.runId ?? 'local'}-${context.runAttempt ?? '1'}-${process.pid}`;
  const result = await core.group('Analyse', () =>
    analyse({
      store: deps.store,
      accountId: deps.accountId,
      adapters: deps.adapters,
      regions: settings.regions,
      costMetric: settings.costMetric,
      tagKey: settings.tagKey,
      checks: deps.checks,
      maxConcurrentTasks: settings.maxConcurrentTasks,
      taskTimeoutMs: settings.taskTimeoutMs,
      timeBudgetMs: settings.timeBudgetMs,
      resumeWindowMs: settings.resumeWindowMs,
      leaseWaitMs: settings.leaseWaitMs,
      clock: deps.clock,
      holder,
      trigger: triggerOf(context),
      onEvent: (event) => logger.event(event),
      onWarning: (message) => logger.warning(message),
      signal: deps.signal,
    }),
  );
  const { report } = result;

  const notices: string[] = [];
  const files = await core.group('Report files', async () => {
    const written = await writeReportFiles(settings.reportDir, report);
    logger.info(`Report files written to ${settings.reportDir}: ${written.map((f) => f.split('/').at(-1)).join(', ')}`);
    const artifact = await uploadReportArtifact(artifactNameFor(settings.artifactName, deps.env), written, deps.env);
    if (artifact.uploaded) logger.info(`Uploaded artifact ${artifact.name}`);
    else logger.warning(`Report artifact not uploaded: ${artifact.reason}. The files are in ${settings.reportDir}.`);
    return written;
  });

  const comment = await core.group('Pull request comment', () => publishComment(deps, report, notices));

  const summary = [...notices.map((n) => renderSummaryNotice(n, 'warning')), renderSummaryMarkdown(report)].join('\n\n');
  await core.summary.addRaw(summary, true).write();

  for (const [name, value] of Object.entries(reportOutputs(report, settings.reportDir))) core.setOutput(name, value);
  logger.info(`${files.length} report files; execution ${report.executionId} ${report.status}`);

  if (report.status === 'partial') {
    core.warning(
      `Execution ${report.executionId} is partial: ${report.pending.length} task(s) pending (${report.pending.slice(0, 10).join(', ')}${report.pending.length > 10 ? ', ...' : ''}); the next run resumes them.`,
    );
  }
  if (report.status === 'failed') {
    const failed = report.tasks.filter((t) => t.status === 'failed').map((t) => `${t.id}: ${t.error ?? 'failed'}`);
    core.setFailed(`Execution ${report.executionId} failed: ${failed.join('; ')}`);
    return;
  }
  if (report.status === 'cancelled') {
    core.warning(`Execution ${report.executionId} was cancelled.`);
  }
  const gates = failedGates(report, comment.data, {
    failOnCostIncreasePercent: settings.failOnCostIncreasePercent,
    failOnNewFindings: settings.failOnNewFindings,
  });
  if (gates.length > 0) core.setFailed(`Failing on purpose: ${gates.join('; ')}`);
}

async function publishComment(deps: RunCommandDeps, report: Report, notices: string[]): Promise<CommentOutcome> {
  const { settings, context, logger } = deps;
  const baseline = context.pullRequest === undefined ? null : await loadBaseline(deps.store, deps.accountId, (m) => logger.warning(m));
  const comments =
    settings.githubToken && context.owner && context.repo && context.pullRequest !== undefined
      ? githubComments(settings.githubToken, { owner: context.owner, repo: context.repo, number: context.pullRequest })
      : undefined;
  try {
    const outcome = await publishPrComment({
      mode: settings.commentOnPr,
      pullRequest: context.pullRequest,
      report,
      baseline,
      comments,
      // The default token comments as github-actions[bot]; only its comments are ours to edit.
      botLogin: DEFAULT_BOT_LOGIN,
    });
    logger.info(outcome.kind === 'skipped' ? `PR comment skipped: ${outcome.reason}` : `PR comment ${outcome.kind}`);
    return outcome;
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
    return { kind: 'skipped', reason: why };
  }
}
