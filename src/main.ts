import * as core from '@actions/core';
import { LeaseHeldError, ExecutionInterruptedError } from './primitives/errors.js';
import { createAwsAdapters } from './aws/adapters.js';
import { getCallerIdentity } from './aws/identity.js';
import { loadChecksConfig } from './operations/checks-config.js';
import { openStateStore } from './operations/open-store.js';
import { systemClock } from './primitives/clock.js';
import { renderSummaryNotice } from './report/markdown.js';
import { parseSettings } from './settings/settings.js';
import { defaultSessionName, oidcCredentials } from './aws/oidc-credentials.js';
import { readRunContext } from './action/github-context.js';
import { createActionLogger } from './action/logger.js';
import { runCommand } from './action/run-command.js';
import type { ActionDeps } from './action/action-deps.js';
import { applyRetention, runStateCommand } from './action/state-commands.js';

/**
 * The action: settings → credentials → store → command (`run` analyses and publishes; the
 * others steer stored executions). The only place that fails the step.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const stop = new AbortController();
  const onSignal = (signal: string) => () =>
    stop.abort(new ExecutionInterruptedError(`the job was stopped (${signal}); pending work resumes next run`));
  const onTerm = onSignal('SIGTERM');
  const onInt = onSignal('SIGINT');
  process.once('SIGTERM', onTerm);
  process.once('SIGINT', onInt);
  try {
    // Everything a user typed is validated before any AWS call or state write.
    const settings = parseSettings((name) => core.getInput(name));
    const checks = await loadChecksConfig(settings.configFile, settings.checks);
    const logger = createActionLogger(settings.logFormat);
    const context = readRunContext(env);

    let credentials;
    if (settings.roleToAssume) {
      const tokens = {
        available: () => Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
        getIdToken: (aud: string) => core.getIDToken(aud),
      };
      if (!tokens.available() && context.fromFork) {
        const message =
          'This pull request comes from a fork, which gets no OIDC token: the cost analysis was skipped. It runs on pull requests from this repository and on the schedule.';
        core.notice(message);
        await core.summary.addRaw(renderSummaryNotice(message, 'note'), true).write();
        return;
      }
      credentials = oidcCredentials({
        roleArn: settings.roleToAssume,
        roleSessionName: settings.roleSessionName ?? defaultSessionName(env),
        region: settings.awsRegion,
        tokens,
        mask: (secret) => core.setSecret(secret),
      });
    }
    const aws = { region: settings.awsRegion, ...(credentials ? { credentials } : {}) };
    const identity = await core.group('AWS identity', async () => {
      const who = await getCallerIdentity(aws, stop.signal);
      logger.info(`Analysing account ${who.accountId} as ${who.arn}`);
      return who;
    });
    const store = openStateStore(settings.state, { ...aws, onWarning: (m) => logger.warning(m) });
    logger.info(`Execution state: ${store.location}`);

    const deps: ActionDeps = {
      settings,
      checks,
      store,
      adapters: createAwsAdapters(aws),
      accountId: identity.accountId,
      context,
      logger,
      clock: systemClock,
      env,
      signal: stop.signal,
    };
    const result = settings.command === 'run' ? await runCommand(deps) : await runStateCommand(deps);
    if (settings.command === 'run' && settings.retentionDays !== undefined) {
      const days = settings.retentionDays;
      await core.group('Retention', () => applyRetention(deps, days));
    }
    if (result.failure !== undefined) core.setFailed(result.failure);
  } catch (error) {
    if (error instanceof LeaseHeldError) {
      // Another run is analysing this account right now: nothing is wrong, and nothing to add.
      const message = `${error.message}. This run exits without changes; the next scheduled run continues from the stored state.`;
      core.notice(message);
      await core.summary
        .addRaw(renderSummaryNotice(message, 'note'), true)
        .write()
        .catch(() => undefined);
      return;
    }
    core.setFailed(error instanceof Error ? error.message : String(error));
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
  }
}
