import type { Command } from 'commander';
import { describeLease } from '../../operations/account-lease.js';
import { cancelExecution, isFinished } from '../../operations/cancel-execution.js';
import { EXEC_ID_HELP, parseExecIdArgument, resolveExecId } from '../arguments.js';
import { cliHolder } from '../holder.js';
import { addStoreOptions, settingsFrom, type Flags } from '../options.js';
import type { Runtime } from '../runtime.js';

/** `cancel EXEC_ID`: end an execution `cancelled`, or ask the live run holding it to (see the help text). */
export function registerCancel(program: Command, runtime: Runtime): void {
  const command = program
    .command('cancel')
    .argument('<exec-id>', EXEC_ID_HELP)
    .description('cancel an execution: it ends `cancelled` and is never resumed')
    .addHelpText(
      'after',
      `
A partial execution, or a running one whose run is gone (no live lease), ends cancelled at once:
its unfinished tasks become cancelled. A running execution whose run still holds the account's
lease gets cancelRequested; that run sees it at its next checkpoint or cancel poll (within ~30 s),
stops scheduling and ends the execution cancelled. Finished executions are left as they are.
\`retry\` reopens a cancelled execution's tasks.

Examples:
  $ finops-aws cancel exec_123456789012_20261125T060000Z_4f3a9c1e
  $ finops-aws cancel latest:123456789012
  $ finops-aws cancel exec_123456789012_20261125T060000Z_4f3a9c1e --state-bucket my-finops-state --json`,
    );
  addStoreOptions(command).action(async (rawId: string, flags: Flags, self: Command) => {
    const argument = parseExecIdArgument(rawId);
    const store = runtime.store(settingsFrom(flags, runtime.io.env, self));
    const { clock, signal, out } = runtime;
    const { executionId, accountId } = await resolveExecId(argument, store, signal);
    const result = await cancelExecution({ store, clock, signal, holder: cliHolder('cancel') }, { executionId });
    const { action, before, lease } = result;
    if (flags['json']) {
      out.json({
        executionId,
        action,
        previousStatus: before.status,
        status: result.status,
        cancelRequested: action !== 'none' || before.cancelRequested,
        lease: lease ?? null,
      });
      return;
    }
    if (action === 'cancelled') out.line(`Cancelled ${executionId} (was ${before.status}); its unfinished tasks will not run.`);
    else if (action === 'requested')
      out.line(
        `Cancel requested for ${executionId}: the run holding account ${accountId} (${describeLease(lease!)}) stops at its next checkpoint and ends it cancelled.`,
      );
    else if (before.cancelRequested && !isFinished(before.status))
      out.line(`Cancel of ${executionId} was already requested; the run holding the account ends it at its next checkpoint.`);
    else out.line(`Nothing to cancel: ${executionId} is already ${before.status}.`);
  });
}
