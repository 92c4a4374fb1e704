import type { Command } from 'commander';
import { LeaseHeldError } from '../../primitives/errors.js';
import type { ExecutionManifest } from '../../records/state.js';
import { parseExecIdArgument } from '../executions.js';
import { describeLease, withAccountLease } from '../lease.js';
import { addStoreOptions, settingsFrom, type Flags } from '../options.js';
import type { Runtime } from '../runtime.js';
import { finishCancelled, updateExecution } from '../update.js';

const FINISHED = new Set<ExecutionManifest['status']>(['completed', 'failed', 'cancelled']);

/** `cancel EXEC_ID`: end an execution `cancelled`, or ask the live run holding it to (see the help text). */
export function registerCancel(program: Command, runtime: Runtime): void {
  const command = program
    .command('cancel')
    .argument('<exec-id>', 'execution id')
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
  $ finops-aws cancel exec_123456789012_20261125T060000Z_4f3a9c1e --state-bucket my-finops-state --json`,
    );
  addStoreOptions(command).action(async (rawId: string, flags: Flags, self: Command) => {
    const { executionId, accountId } = parseExecIdArgument(rawId);
    const store = runtime.store(settingsFrom(flags, runtime.io.env, self));
    const { clock, signal, out } = runtime;
    // Assigned inside the update callbacks, which TypeScript's narrowing does not follow.
    let action = 'none' as 'none' | 'cancelled' | 'requested';
    let holder: LeaseHeldError | undefined;

    // No run works on a partial execution: resuming one first marks it running, and our
    // conditional write loses to that (then the loop sees `running` and takes the lease path).
    let { before } = await updateExecution(
      store,
      executionId,
      (m) => {
        if (m.status !== 'partial') return undefined;
        action = 'cancelled';
        return finishCancelled(m, clock.now());
      },
      signal,
    );

    if (before.status === 'running') {
      try {
        // Holding the lease proves the run that marked it running is gone.
        ({ before } = await withAccountLease(store, accountId, 'cancel', () =>
          updateExecution(
            store,
            executionId,
            (m) => {
              if (FINISHED.has(m.status)) return undefined;
              action = 'cancelled';
              return finishCancelled(m, clock.now());
            },
            signal,
          ),
        ));
      } catch (error) {
        if (!(error instanceof LeaseHeldError)) throw error;
        holder = error;
        ({ before } = await updateExecution(
          store,
          executionId,
          (m) => {
            if (FINISHED.has(m.status) || m.cancelRequested) return undefined;
            action = 'requested';
            return { ...m, cancelRequested: true };
          },
          signal,
        ));
      }
    }

    const status = action === 'cancelled' ? 'cancelled' : before.status;
    if (flags['json']) {
      out.json({
        executionId,
        action,
        previousStatus: before.status,
        status,
        cancelRequested: action !== 'none' || before.cancelRequested,
        lease: holder ? { holder: holder.holder, expiresAt: holder.expiresAt } : null,
      });
      return;
    }
    if (action === 'cancelled') out.line(`Cancelled ${executionId} (was ${before.status}); its unfinished tasks will not run.`);
    else if (action === 'requested')
      out.line(
        `Cancel requested for ${executionId}: the run holding account ${accountId} (${describeLease(holder!)}) stops at its next checkpoint and ends it cancelled.`,
      );
    else if (before.cancelRequested && !FINISHED.has(before.status))
      out.line(`Cancel of ${executionId} was already requested; the run holding the account ends it at its next checkpoint.`);
    else out.line(`Nothing to cancel: ${executionId} is already ${before.status}.`);
  });
}
