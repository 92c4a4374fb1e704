import type { Command } from 'commander';
import { LeaseHeldError } from '../../primitives/errors.js';
import type { ExecutionManifest } from '../../records/state.js';
import type { StateStore } from '../../state/state-store.js';
import { ExitCode } from '../context.js';
import { executionSummary } from '../executions.js';
import { describeLease, liveLease, withAccountLease } from '../lease.js';
import { addStoreOptions, integerFlag, settingsFrom, type Flags } from '../options.js';
import { renderTable, when } from '../output.js';
import type { Runtime } from '../runtime.js';
import { accountArgument } from './list.js';

const DAY_MS = 86_400_000;

interface Removal {
  execution: ExecutionManifest;
  /** Objects deleted (manifest, results, stored report); 0 in a dry run. */
  objects: number;
}

interface Skip {
  executionId: string;
  accountId: string;
  reason: string;
}

/**
 * Removes one account's old executions while holding its lease, so no run can start on the
 * account meanwhile; each is re-read under the lease and kept if a run touched it since.
 */
async function removeUnderLease(
  store: StateStore,
  accountId: string,
  candidates: ExecutionManifest[],
  cutoff: number,
  signal?: AbortSignal,
): Promise<Removal[]> {
  return withAccountLease(store, accountId, 'cleanup', async () => {
    const removed: Removal[] = [];
    for (const candidate of candidates) {
      const current = await store.loadExecution(candidate.executionId, signal);
      if (current && Date.parse(current.manifest.updatedAt) >= cutoff) continue;
      const keys = await store.deleteExecution(candidate.executionId, signal);
      removed.push({ execution: current?.manifest ?? candidate, objects: keys.length });
    }
    return removed;
  });
}

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
      const cutoff = runtime.clock.now() - days * DAY_MS;
      const candidates = (await store.listExecutions(account, signal)).filter((m) => Date.parse(m.updatedAt) < cutoff);
      const byAccount = Map.groupBy(candidates, (m) => m.accountId);
      const removed: Removal[] = [];
      const skipped: Skip[] = [];
      for (const [accountId, executions] of byAccount) {
        const skipAll = (reason: string) => skipped.push(...executions.map((m) => ({ executionId: m.executionId, accountId, reason })));
        if (dryRun) {
          const lease = await liveLease(store, accountId, signal);
          if (lease) skipAll(`account ${describeLease(lease)}`);
          else removed.push(...executions.map((execution) => ({ execution, objects: 0 })));
          continue;
        }
        try {
          removed.push(...(await removeUnderLease(store, accountId, executions, cutoff, signal)));
        } catch (error) {
          if (!(error instanceof LeaseHeldError)) throw error;
          skipAll(`account ${describeLease(error)}`);
        }
      }
      if (skipped.length > 0) runtime.exitCode = ExitCode.LeaseHeld;

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
