import { latestExecution } from '../operations/latest-execution.js';
import { errorMessage } from '../primitives/errors.js';
import { isValidAccountId, parseExecutionId, type ParsedExecutionId } from '../state/execution-id.js';
import type { StateStore } from '../state/state-store.js';
import { CliError, ExitCode } from './context.js';

/** The `<exec-id>` argument's help: what every command that takes one accepts. */
export const EXEC_ID_HELP =
  'execution id (exec_…), or latest: the latest execution of the only account in the store (latest:ACCOUNT when it holds several)';

/** An `EXEC_ID` argument as typed: an execution id, or `latest[:ACCOUNT]`, which only the store can resolve. */
export type ExecIdArgument = { kind: 'id'; id: ParsedExecutionId } | { kind: 'latest'; accountId: string | undefined };

/**
 * Validates an `EXEC_ID` argument before anything is read: an execution id, `latest` or
 * `latest:ACCOUNT`. Resolve it with {@link resolveExecId}.
 * @throws CliError (usage) naming the argument and the expected shape
 */
export function parseExecIdArgument(raw: string): ExecIdArgument {
  const value = raw.trim();
  if (value === 'latest') return { kind: 'latest', accountId: undefined };
  if (value.startsWith('latest:')) {
    const account = value.slice('latest:'.length);
    if (!isValidAccountId(account)) {
      throw new CliError(
        ExitCode.Usage,
        `EXEC_ID ${JSON.stringify(raw)}: expected latest:ACCOUNT with a 12-digit AWS account id, such as latest:123456789012`,
      );
    }
    return { kind: 'latest', accountId: account };
  }
  try {
    return { kind: 'id', id: parseExecutionId(value) };
  } catch (error) {
    throw new CliError(ExitCode.Usage, `EXEC_ID: ${errorMessage(error)} (or latest, latest:ACCOUNT)`);
  }
}

/**
 * The execution an `EXEC_ID` argument names; `latest` is looked up in the store (see
 * {@link latestExecution}).
 * @throws CliError: not found (3) when there is no latest execution, usage (2) when the store
 * holds several accounts and none was named, listing them
 */
export async function resolveExecId(argument: ExecIdArgument, store: StateStore, signal?: AbortSignal): Promise<ParsedExecutionId> {
  if (argument.kind === 'id') return argument.id;
  const { accountId } = argument;
  const latest = await latestExecution({ store, signal }, { accountId });
  switch (latest.kind) {
    case 'found':
      return parseExecutionId(latest.manifest.executionId);
    case 'none':
      throw new CliError(
        ExitCode.NotFound,
        accountId === undefined
          ? `latest: no execution in ${store.location}`
          : `latest:${accountId}: account ${accountId} has no execution in ${store.location}`,
      );
    case 'ambiguous':
      throw new CliError(
        ExitCode.Usage,
        `latest: ${store.location} holds executions of ${latest.accounts.length} accounts (${latest.accounts.join(', ')}); name one, e.g. latest:${latest.accounts[0]}`,
      );
  }
}

/** `ACCOUNT` argument: a 12-digit account id (or a local label); a usage error otherwise. */
export function accountArgument(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const account = raw.trim();
  if (!isValidAccountId(account)) {
    throw new CliError(
      ExitCode.Usage,
      `ACCOUNT ${JSON.stringify(raw)} is not an account id: expected a 12-digit AWS account id such as 123456789012`,
    );
  }
  return account;
}
