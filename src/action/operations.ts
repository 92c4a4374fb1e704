import * as core from '@actions/core';
import { main as cli, ExitCode } from '../cli/main.js';
import { stateBucketClient } from '../aws/state-bucket.js';
import type { AwsCredentialsInput } from '../aws/clients.js';
import type { RunCommandDeps } from './run-command.js';

export interface OperationDeps extends RunCommandDeps {
  credentials?: AwsCredentialsInput | undefined;
}

/**
 * The commands besides `run` (`progress`, `retry`, `cancel`, `cleanup`, `reset-breakers`) for
 * `workflow_dispatch`: the CLI's own implementations, run in-process on the action's store and
 * credentials, so both behave the same. Their output goes to the log and the job summary.
 */
export async function runOperation(deps: OperationDeps): Promise<void> {
  const { settings } = deps;
  const executionId =
    settings.executionId ?? (settings.command === 'progress' ? (await deps.store.getLatest(deps.accountId))?.executionId : undefined);
  await runCli(deps, operationArgs(settings.command, executionId, deps.accountId, settings.retentionDays), { summary: true });
}

/** `retention-days` after a run: this account's executions not updated for that long are removed. */
export async function applyRetention(deps: OperationDeps, days: number): Promise<void> {
  await runCli(deps, ['cleanup', deps.accountId, '--days', String(days)], { summary: false });
}

async function runCli(deps: OperationDeps, args: string[], options: { summary: boolean }): Promise<void> {
  const { settings } = deps;
  const store =
    settings.state.kind === 's3'
      ? ['--state-bucket', settings.state.bucket, '--state-prefix', settings.state.prefix]
      : ['--state-dir', settings.state.dir];
  let stdout = '';
  let stderr = '';
  const code = await cli(
    [...args, ...store, '--aws-region', settings.awsRegion],
    {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      env: deps.env,
      isTTY: false,
    },
    {
      clock: deps.clock,
      signal: deps.signal,
      s3Client: ({ region }) => stateBucketClient({ region, credentials: deps.credentials, env: deps.env }),
      adaptersFor: async () => ({ accountId: deps.accountId, adapters: deps.adapters, label: `account ${deps.accountId}` }),
    },
  );
  if (stdout.trim() !== '') core.info(stdout.trimEnd());
  if (options.summary)
    await core.summary
      .addHeading(`finops-aws ${args[0]}`, 3)
      .addCodeBlock(stdout.trimEnd() || stderr.trimEnd(), 'text')
      .write();
  const message = stderr.replace(/^error: /gm, '').trim();
  if (code === ExitCode.LeaseHeld) {
    core.notice(`${message || 'another run holds the account'}: nothing was changed.`);
    return;
  }
  if (code !== ExitCode.Ok) core.setFailed(message || `finops-aws ${args[0]} failed (exit ${code})`);
}

function operationArgs(command: string, executionId: string | undefined, accountId: string, retentionDays: number | undefined): string[] {
  const id = executionId ?? '';
  switch (command) {
    case 'progress':
      if (!executionId) throw new Error(`no execution of account ${accountId} to show: give execution-id`);
      return ['progress', id];
    case 'retry':
      return ['retry', id];
    case 'cancel':
      return ['cancel', id];
    case 'reset-breakers':
      return ['breakers', id, '--reset-all'];
    case 'cleanup':
      return ['cleanup', accountId, '--days', String(retentionDays)];
    default:
      throw new Error(`unknown command ${command}`);
  }
}
