import type { Command } from 'commander';
import { runAnalysis } from '../analysis-run.js';
import { resumability } from '../../operations/continue-execution.js';
import { EXEC_ID_HELP } from '../arguments.js';
import { CliError, ExitCode } from '../context.js';
import { openContinuation, regionsFor, targetFor } from '../continue.js';
import { addAnalysisOptions, addStoreOptions, type Flags } from '../options.js';
import type { Runtime } from '../runtime.js';

/** `resume EXEC_ID`: run a partial or interrupted execution's pending tasks now. */
export function registerResume(program: Command, runtime: Runtime): void {
  const command = program
    .command('resume')
    .argument('<exec-id>', EXEC_ID_HELP)
    .description('run the pending tasks of a partial or interrupted execution now; succeeded tasks are reused, never re-run');
  addAnalysisOptions(addStoreOptions(command), { resumeWindow: false })
    .addHelpText(
      'after',
      `
Takes the account's lease (exit 4 while another run holds it), marks the execution running and
runs what is pending or was left running by a stopped run, then writes the report files.
The execution keeps the checks, config file settings, cost metric and tag key it was started
with (flags that differ only warn); the regions default to those it was built for.

Examples:
  $ finops-aws resume exec_123456789012_20261125T060000Z_4f3a9c1e
  $ finops-aws resume latest --demo
  $ finops-aws resume exec_123456789012_20261125T060000Z_4f3a9c1e --demo --time-budget-minutes 5`,
    )
    .action(async (rawId: string, flags: Flags, self: Command) => {
      const c = await openContinuation(runtime, rawId, flags, self);
      switch (resumability(c.handle.manifest)) {
        case 'cancelled':
          throw new CliError(
            ExitCode.Usage,
            `${c.executionId} was cancelled, so it is not resumed; \`finops-aws retry ${c.executionId}\` reopens its tasks and runs them`,
          );
        case 'completed':
          runtime.out.line(`Nothing to resume: ${c.executionId} is completed.`);
          return;
        case 'failed':
          throw new CliError(
            ExitCode.Failed,
            `${c.executionId} failed and has nothing pending; \`finops-aws retry ${c.executionId}\` runs its failed tasks again`,
          );
        case 'resumable':
          break;
      }
      const target = await targetFor(runtime, c);
      runtime.outcome = await runAnalysis({
        runtime,
        flags: c.flags,
        store: c.store,
        target,
        command: 'resume',
        execution: c.handle,
        regions: regionsFor(c),
      });
    });
}
