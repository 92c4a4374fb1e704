import type { Command } from 'commander';
import { cleanupExecutions } from '../../operations/cleanup-executions.js';
import { executionSummary } from '../../operations/executions.js';
import { accountArgument } from '../arguments.js';
import { cliHolder } from '../holder.js';
import { addStoreOptions, integerFlag, settingsFrom, type Flags } from '../options.js';
import { renderTable, when } from '../output.js';
import type { Runtime } from '../runtime.js';

/** `cleanup [ACCOUNT] --days N [--dry-run]`: remove old executions, never an account a live run holds. */
export function registerCleanup(program: Command, runtime: Runtime): void {
  const command = program
    .command('cleanup')
    .argument('[account]', "only this AWS account's executions (default: every account in the store)")
    .description('remove executions not updated for --days days, with their results and reports')
    .requiredOption('--days <n>', 'age, from the last update, of the executions to remove (1-3650)')
    .option('--dry-run', 'list what would be removed; delete nothing');
  addStoreOptions(command)
    .addHelpText(
      'after',
      `
Reads every page of the listing. Each account is cleaned while holding its lease; an account a
run is working on (live lease) is skipped entirely, with the holder named, and the exit code is 4.
Age is measured from an execution's last update, so one that was just resumed is never removed.

Examples:
  $ finops-aws cleanup --days 90 --dry-run
  $ finops-aws cleanup 123456789012 --days 30 --state-bucket my-finops-state
  $ finops-aws cleanup --days 30 --json | jq '.removed[].executionId'`,
    )
    .action(async (rawAccount: string | undefined, flags: Flags, self: Command) => {
      const account = accountArgument(rawAccount);
      const days = integerFlag('--days', flags['days'], 1, 3650);
      const dryRun = flags['dryRun'] === true;
      const store = runtime.store(settingsFrom(flags, runtime.io.env, self));
      const { out, signal } = runtime;
      const { cutoff, removed, skipped } = await cleanupExecutions(
        { store, clock: runtime.clock, signal, holder: cliHolder('cleanup') },
        { accountId: account, days, dryRun },
      );
      if (skipped.length > 0) runtime.outcome = 'account-busy';

      if (flags['json']) {
        out.json({
          dryRun,
          days,
          account: account ?? null,
          cutoff: new Date(cutoff).toISOString(),
          location: store.location,
          removed: removed.map((r) => ({ ...executionSummary(r.execution), objects: r.objects })),
          skipped,
        });
        return;
      }
      const scope = account ? ` of account ${account}` : '';
      if (removed.length === 0 && skipped.length === 0) {
        out.line(`No executions${scope} older than ${days} day(s) in ${store.location}.`);
        return;
      }
      if (removed.length > 0) {
        out.line(
          dryRun
            ? `Would remove ${removed.length} execution(s)${scope} not updated for ${days} day(s) (dry run: nothing deleted):`
            : `Removed ${removed.length} execution(s)${scope} not updated for ${days} day(s) from ${store.location}:`,
        );
        const header = ['EXECUTION', 'STATUS', 'STARTED', 'UPDATED', ...(dryRun ? [] : ['OBJECTS'])];
        out.lines(
          renderTable(
            header,
            removed.map((r) => [
              r.execution.executionId,
              r.execution.status,
              when(r.execution.createdAt),
              when(r.execution.updatedAt),
              ...(dryRun ? [] : [String(r.objects)]),
            ]),
          ),
        );
      }
      for (const [reason, group] of Map.groupBy(skipped, (s) => s.reason)) {
        out.line(`Skipped ${group.length} execution(s): ${reason}; a run is working on the account, run cleanup again once it is done.`);
      }
    });
}
