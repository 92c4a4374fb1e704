import * as core from '@actions/core';
import { analyse } from '../operations/analyse.js';
import { cancelExecution } from '../operations/cancel-execution.js';
import { cleanupExecutions, type CleanupResult } from '../operations/cleanup-executions.js';
import { assertSameAccount, regionsToContinue } from '../operations/continue-execution.js';
import { readProgress } from '../operations/execution-progress.js';
import { loadOrNotFound, pendingIds } from '../operations/executions.js';
import { writeReportFiles } from '../operations/report-files.js';
import { resetBreakers } from '../operations/reset-breakers.js';
import { markForRetry } from '../operations/retry-execution.js';
import type { ActionDeps, StepResult } from './action-deps.js';
import { triggerOf } from './github-context.js';
import { breakersMarkdown, cancelMarkdown, cleanupMarkdown, progressMarkdown, retryMarkdown } from './state-markdown.js';

/**
 * The commands besides `run`, for `workflow_dispatch`: each calls its operation on the
 * action's store and account, logs one line and writes a short job summary.
 */
export async function runStateCommand(deps: ActionDeps): Promise<StepResult> {
  const { settings } = deps;
  switch (settings.command) {
    case 'progress':
      return progress(deps);
    case 'retry':
      return retry(deps, required(settings.executionId));
    case 'cancel': {
      const result = await cancelExecution(mutation(deps), { executionId: required(settings.executionId) });
      return publish(cancelMarkdown(result));
    }
    case 'reset-breakers': {
      const result = await resetBreakers(mutation(deps), { executionId: required(settings.executionId) });
      return publish(breakersMarkdown(result));
    }
    case 'cleanup':
      return publishCleanup(await cleanup(deps, required(settings.retentionDays)), true);
    case 'run':
      throw new Error('command run is not a state command');
  }
}

/** `retention-days` after a run: this account's executions not updated for that long are removed. */
export async function applyRetention(deps: ActionDeps, days: number): Promise<void> {
  await publishCleanup(await cleanup(deps, days), false);
}

async function progress(deps: ActionDeps): Promise<StepResult> {
  const executionId = deps.settings.executionId ?? (await deps.store.getLatest(deps.accountId, deps.signal))?.executionId;
  if (!executionId) throw new Error(`no execution of account ${deps.accountId} to show: give execution-id`);
  const { manifest, progress } = await readProgress(deps, { executionId });
  return publish(progressMarkdown(manifest, progress));
}

/** Reopens what failed, then runs it on this job's account, writing the report files like `run`. */
async function retry(deps: ActionDeps, executionId: string): Promise<StepResult> {
  const { settings } = deps;
  const current = await loadOrNotFound(deps.store, executionId, deps.signal);
  assertSameAccount(current.manifest, deps.accountId, "this job's AWS credentials are for account");
  const marking = await markForRetry(mutation(deps), { executionId, resetBreakers: false });
  if (!marking.after || pendingIds(marking.after.manifest).length === 0) return publish(retryMarkdown(marking, undefined));
  const { report } = await core.group('Analyse', () =>
    analyse(
      {
        store: deps.store,
        clock: deps.clock,
        target: { accountId: deps.accountId, adapters: deps.adapters },
        holder: holderOf(deps),
        onEvent: (event) => deps.logger.event(event),
        onWarning: (message) => deps.logger.warning(message),
        signal: deps.signal,
      },
      {
        settings,
        checks: deps.checks,
        trigger: triggerOf(deps.context),
        regions: regionsToContinue(marking.after!.manifest, undefined, settings.regions),
        execution: marking.after!,
      },
    ),
  );
  await writeReportFiles(settings.reportDir, report);
  const result = await publish(retryMarkdown(marking, report));
  return report.status === 'failed' || report.status === 'cancelled'
    ? { failure: `Execution ${executionId} ended ${report.status} after the retry` }
    : result;
}

function cleanup(deps: ActionDeps, days: number): Promise<CleanupResult> {
  return cleanupExecutions(mutation(deps), { accountId: deps.accountId, days, dryRun: false });
}

async function publishCleanup(result: CleanupResult, summary: boolean): Promise<StepResult> {
  const { log, markdown } = cleanupMarkdown(result);
  // A run working on the account is not a failure: its executions are kept until the next cleanup.
  if (result.skipped.length > 0) core.notice(`${result.skipped[0]!.reason}: nothing was changed.`);
  core.info(log);
  if (summary) await core.summary.addRaw(markdown, true).write();
  return {};
}

async function publish(view: { log: string; markdown: string }): Promise<StepResult> {
  core.info(view.log);
  await core.summary.addRaw(view.markdown, true).write();
  return {};
}

function mutation(deps: ActionDeps) {
  return { store: deps.store, clock: deps.clock, signal: deps.signal, holder: holderOf(deps) };
}

function holderOf(deps: ActionDeps): string {
  return `github-run-${deps.context.runId ?? 'local'}-${deps.context.runAttempt ?? '1'}-${process.pid}`;
}

/** Settings parsing requires these inputs with their commands; this only narrows the type. */
function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('a required input is missing');
  return value;
}
