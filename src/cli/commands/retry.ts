import type { Command } from 'commander';
import { pendingIds } from '../../operations/executions.js';
import { markForRetry } from '../../operations/retry-execution.js';
import { runAnalysis } from '../analysis-run.js';
import { EXEC_ID_HELP } from '../arguments.js';
import type { AwsTarget } from '../context.js';
import { openContinuation, regionsFor, targetFor } from '../continue.js';
import { cliHolder } from '../holder.js';
import { addAnalysisOptions, addStoreOptions, type Flags } from '../options.js';
import type { Runtime } from '../runtime.js';

/** `retry EXEC_ID [--no-run] [--reset-breakers]`: reopen what failed or was skipped, then run it. */
export function registerRetry(program: Command, runtime: Runtime): void {
  const command = program
    .command('retry')
    .argument('<exec-id>', EXEC_ID_HELP)
    .description('put failed, cancelled and breaker-skipped tasks (and what they blocked or fed) back to pending, then run them')
    .option('--no-run', 'only mark the tasks pending; the next run or `resume` runs them')
    .option('--reset-breakers', "also close the execution's circuit breakers, so tasks behind an open one run now");
  addAnalysisOptions(addStoreOptions(command), { resumeWindow: false })
    .addHelpText(
      'after',
      `
Succeeded tasks are not re-run, except the summaries that used a retried task's output (its
region's checks, the analysis), which are recomputed so the report includes the new data. The
marking happens under the account's lease (exit 4 while a run holds it); a cancelled execution
is un-cancelled. Attempts stay counted.

Examples:
  $ finops-aws retry exec_123456789012_20261125T060000Z_4f3a9c1e
  $ finops-aws retry latest
  $ finops-aws retry exec_123456789012_20261125T060000Z_4f3a9c1e --no-run
  $ finops-aws retry exec_123456789012_20261125T060000Z_4f3a9c1e --reset-breakers --demo`,
    )
    .action(async (rawId: string, flags: Flags, self: Command) => {
      const c = await openContinuation(runtime, rawId, flags, self);
      const run = flags['run'] !== false;
      // Before anything changes: a run with the wrong account's credentials must not reopen tasks.
      const target: AwsTarget | undefined = run ? await targetFor(runtime, c) : undefined;
      const marking = await markForRetry(
        { store: c.store, clock: runtime.clock, signal: runtime.signal, holder: cliHolder('retry') },
        { executionId: c.executionId, resetBreakers: flags['resetBreakers'] === true },
      );
      const { after, reopened, recomputed, closedBreakers: closed, openBreakers: open } = marking;
      const { out } = runtime;
      if (!after) {
        if (flags['json']) out.json({ executionId: c.executionId, reopened: [], status: c.handle.manifest.status, ran: false });
        else
          out.line(`Nothing to retry: ${c.executionId} is ${c.handle.manifest.status} with no failed, cancelled or breaker-skipped task.`);
        return;
      }
      if (!flags['json']) {
        out.line(
          reopened.length === 0
            ? `No task to reopen in ${c.executionId}.`
            : `Reopened ${reopened.length} task(s) of ${c.executionId}: ${reopened.join(', ')}`,
        );
        if (recomputed.length > 0) out.line(`Recomputed with them: ${recomputed.join(', ')}`);
        if (closed.length > 0) out.line(`Closed breakers: ${closed.join(', ')}`);
        if (open.length > 0)
          out.warn(
            `breakers still open: ${open.join(', ')}; tasks behind them are skipped again until they recover (--reset-breakers closes them)`,
          );
      }
      if (!target) {
        if (flags['json'])
          out.json({ executionId: c.executionId, reopened, recomputed, closedBreakers: closed, status: after.manifest.status, ran: false });
        else out.line(`Marked only (--no-run): \`finops-aws resume ${c.executionId}\` or the next run runs them.`);
        return;
      }
      if (pendingIds(after.manifest).length === 0) {
        if (flags['json'])
          out.json({ executionId: c.executionId, reopened, closedBreakers: closed, status: after.manifest.status, ran: false });
        else out.line(`Nothing pending in ${c.executionId}: nothing to run.`);
        return;
      }
      runtime.outcome = await runAnalysis({
        runtime,
        flags: c.flags,
        store: c.store,
        target,
        command: 'retry',
        execution: after,
        regions: regionsFor(c),
        extra: { reopened, recomputed, closedBreakers: closed },
      });
    });
}
