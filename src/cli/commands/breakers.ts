import { Option, type Command } from 'commander';
import { readBreakers, resetBreakers } from '../../operations/reset-breakers.js';
import { OperationNotApplicableError } from '../../primitives/errors.js';
import type { BreakerState } from '../../records/state.js';
import { EXEC_ID_HELP, parseExecIdArgument, resolveExecId } from '../arguments.js';
import { CliError, ExitCode } from '../context.js';
import { cliHolder } from '../holder.js';
import { addStoreOptions, settingsFrom, type Flags } from '../options.js';
import { renderTable, when } from '../output.js';
import type { Runtime } from '../runtime.js';

/** Breakers worth a row: open, half-open, or counting failures; the quiet ones are only named. */
function isQuiet(b: BreakerState): boolean {
  return b.state === 'closed' && b.consecutiveFailures === 0;
}

function rows(breakers: Record<string, BreakerState>): string[][] {
  return Object.entries(breakers)
    .filter(([, b]) => !isQuiet(b))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, b]) => [
      key,
      b.state,
      String(b.consecutiveFailures),
      b.state === 'open' ? when(b.openedAt) : '—',
      b.state === 'open' ? (b.lastError ?? '') : '',
    ]);
}

/** `breakers EXEC_ID [--reset KEY | --reset-all]`: show or close an execution's circuit breakers. */
export function registerBreakers(program: Command, runtime: Runtime): void {
  const command = program
    .command('breakers')
    .argument('<exec-id>', EXEC_ID_HELP)
    .description("show an execution's circuit breakers (per task type and AWS service); --reset closes one, --reset-all every one")
    .option('--reset <key>', 'close this breaker, e.g. ec2-inventory or aws:cloudwatch')
    .addOption(new Option('--reset-all', 'close every breaker').conflicts('reset'));
  addStoreOptions(command)
    .addHelpText(
      'after',
      `
A reset happens under the account's lease (exit 4 while a run holds it), so a run never
overwrites it; the next run or \`resume\` lets the tasks behind the breaker run again.

Examples:
  $ finops-aws breakers exec_123456789012_20261125T060000Z_4f3a9c1e
  $ finops-aws breakers latest
  $ finops-aws breakers exec_123456789012_20261125T060000Z_4f3a9c1e --reset aws:cloudwatch
  $ finops-aws breakers exec_123456789012_20261125T060000Z_4f3a9c1e --reset-all --json`,
    )
    .action(async (rawId: string, flags: Flags, self: Command) => {
      const argument = parseExecIdArgument(rawId);
      const key = typeof flags['reset'] === 'string' ? flags['reset'].trim() : undefined;
      const resetAll = flags['resetAll'] === true;
      const store = runtime.store(settingsFrom(flags, runtime.io.env, self));
      const { out, signal } = runtime;
      const { executionId } = await resolveExecId(argument, store, signal);
      const deps = { store, clock: runtime.clock, signal, holder: cliHolder('breakers') };
      let result;
      try {
        result =
          key !== undefined || resetAll ? await resetBreakers(deps, { executionId, key }) : await readBreakers(deps, { executionId });
      } catch (error) {
        if (error instanceof OperationNotApplicableError) throw new CliError(ExitCode.Usage, `--reset: ${error.message}`);
        throw error;
      }
      const { breakers, reset } = result;
      if (flags['json']) {
        out.json({ executionId, breakers, reset });
        return;
      }
      if (key !== undefined || resetAll) out.line(reset.length === 0 ? 'No breaker to reset.' : `Closed: ${reset.join(', ')}`);
      const quiet = Object.keys(breakers)
        .filter((k) => isQuiet(breakers[k]!))
        .sort();
      if (Object.keys(breakers).length === 0) out.line(`${executionId} has no circuit breakers recorded.`);
      else if (quiet.length === Object.keys(breakers).length) out.line(`All ${quiet.length} breakers closed, no failures.`);
      else {
        out.lines(renderTable(['BREAKER', 'STATE', 'FAILURES', 'OPENED', 'LAST ERROR'], rows(breakers)));
        if (quiet.length > 0) out.line(`Closed, no failures: ${quiet.join(', ')}`);
      }
    });
}
