import type { Command } from 'commander';
import type { ManifestHandle, StateStore } from '../state/state-store.js';
import { analysisFlags, type AnalysisFlags } from './analysis-flags.js';
import type { AwsTarget } from './context.js';
import { assertSameAccount, regionsToContinue } from '../operations/continue-execution.js';
import { loadOrNotFound } from '../operations/executions.js';
import { parseExecIdArgument, resolveExecId } from './arguments.js';
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

/** Validates the id and every flag, resolves `latest`, then loads the execution (exit 3 when it does not exist). */
export async function openContinuation(runtime: Runtime, rawId: string, flags: Flags, command: Command): Promise<Continuation> {
  const argument = parseExecIdArgument(rawId);
  const parsed = await analysisFlags(flags, command, runtime.io.env);
  const store = runtime.store(parsed.settings);
  const { executionId, accountId } = await resolveExecId(argument, store, runtime.signal);
  const handle = await loadOrNotFound(store, executionId, runtime.signal);
  return { executionId, accountId, flags: parsed, store, handle };
}

/**
 * The adapters of the execution's own account: continuing an execution with credentials of
 * another account would mix two accounts' data in one report.
 * @throws OperationNotApplicableError (usage) when the credentials (or the demo account) are another account
 */
export async function targetFor(runtime: Runtime, c: Continuation): Promise<AwsTarget> {
  const target = await runtime.target(c.flags.demo, c.flags.settings.awsRegion);
  const who = c.flags.demo ? 'the demo account is' : 'these AWS credentials are for account';
  assertSameAccount(c.handle.manifest, target.accountId, who, c.flags.demo ? '' : ' (or --demo if it is a demo execution)');
  return target;
}

/**
 * The regions to continue with: `--regions` when given, otherwise the regions the execution's
 * graph was built for, so the same tasks are rebuilt and none is added.
 */
export function regionsFor(c: Continuation): readonly string[] | 'all' {
  return regionsToContinue(c.handle.manifest, c.flags.regionsGiven ? c.flags.settings.regions : undefined, c.flags.settings.regions);
}
