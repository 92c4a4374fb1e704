import { errorMessage } from '../primitives/errors.js';
import { isValidAccountId, parseExecutionId, type ParsedExecutionId } from '../state/execution-id.js';
import { CliError, ExitCode } from './context.js';

/**
 * Validates an `EXEC_ID` argument before anything is read.
 * @throws CliError (usage) naming the argument and the expected shape
 */
export function parseExecIdArgument(raw: string): ParsedExecutionId {
  try {
    return parseExecutionId(raw.trim());
  } catch (error) {
    throw new CliError(ExitCode.Usage, `EXEC_ID: ${errorMessage(error)}`);
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
