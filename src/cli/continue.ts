import type { Command } from 'commander';
import { regionsOfTaskIds } from '../analysis/regions.js';
import type { ManifestHandle, StateStore } from '../state/state-store.js';
import { analysisFlags, type AnalysisFlags } from './analysis-flags.js';
import { CliError, ExitCode, type AwsTarget } from './context.js';
import { loadOrNotFound, parseExecIdArgument } from './executions.js';
import type { Flags } from './options.js';
import type { Runtime } from './runtime.js';

/** What `resume` and `retry` establish before they touch an execution. */
export interface Continuation {
  executionId: string;
  accountId: string;
  flags: AnalysisFlags;
  store: StateStore;
  /** The execution as loaded (its etag guards the run's first write). */
  handle: ManifestHandle;
}

/** Validates the id and every flag, then loads the execution (exit 3 when it does not exist). */
export async function openContinuation(runtime: Runtime, rawId: string, flags: Flags, command: Command): Promise<Continuation> {
  const { executionId, accountId } = parseExecIdArgument(rawId);
  const parsed = await analysisFlags(flags, command, runtime.io.env);
  const store = runtime.store(parsed.settings);
  const handle = await loadOrNotFound(store, executionId, runtime.signal);
  return { executionId, accountId, flags: parsed, store, handle };
}

/**
 * The adapters of the execution's own account: continuing an execution with credentials of
 * another account would mix two accounts' data in one report.
 * @throws CliError (usage) when the credentials (or the demo account) are another account
 */
export async function targetFor(runtime: Runtime, c: Continuation): Promise<AwsTarget> {
  const target = await runtime.target(c.flags.demo, c.flags.settings.awsRegion);
  if (target.accountId !== c.accountId) {
    const who = c.flags.demo ? 'the demo account is' : 'these AWS credentials are for account';
    throw new CliError(
      ExitCode.Usage,
      `${c.executionId} belongs to account ${c.accountId}, but ${who} ${target.accountId}: continue it with credentials of account ${c.accountId}${c.flags.demo ? '' : ' (or --demo if it is a demo execution)'}`,
    );
  }
  return target;
}

/**
 * The regions to continue with: `--regions` when given, otherwise the regions the execution's
 * graph was built for (from its task ids), so the same tasks are rebuilt and none is added.
 */
export function regionsFor(c: Continuation): readonly string[] | 'all' {
  if (c.flags.regionsGiven) return c.flags.settings.regions;
  const stored = regionsOfTaskIds(Object.keys(c.handle.manifest.tasks));
  return stored.length > 0 ? stored : c.flags.settings.regions;
}
