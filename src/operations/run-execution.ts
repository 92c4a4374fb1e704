import type { Clock } from '../primitives/clock.js';
import type { ExecutorEventListener } from '../executor/events.js';
import { executeGraph, type ExecutionOutcome } from '../executor/execute.js';
import type { PolicySet } from '../executor/policy.js';
import type { TaskDefinition } from '../executor/types.js';
import { StoreJournal } from '../state/journal-store.js';
import { LeaseKeeper } from '../state/lease-keeper.js';
import type { AnalysisSettings, ExecutionManifest, Trigger } from '../records/state.js';
import type { ManifestHandle, StateStore } from '../state/state-store.js';
import { openExecution, reopenExecution, type OpenExecutionOptions } from './open-execution.js';

export interface RunExecutionOptions {
  store: StateStore;
  accountId: string;
  /** Who holds the lease while this run works, shown to a run that finds it held. */
  holder: string;
  clock: Clock;
  /** Builds the task graph once the execution id is known. */
  tasks: (manifest: ExecutionManifest) => readonly TaskDefinition[];
  trigger: Trigger;
  /** Stored in a new execution (see {@link OpenExecutionOptions.analysis}). */
  analysis?: AnalysisSettings;
  resumeWindowMs: number;
  /** How long to wait for another run's lease, in ms. @default 0 */
  leaseWaitMs?: number;
  /** @default 120000 */
  leaseTtlMs?: number;
  maxConcurrentTasks: number;
  policy?: PolicySet;
  /** Epoch ms when this run's time budget ends. */
  deadline?: number;
  safetyMarginMs?: number;
  /** Stops the run from outside (SIGTERM): pending work is left for the next run. */
  signal?: AbortSignal;
  onEvent?: ExecutorEventListener;
  onWarning?: (message: string) => void;
  /** Work on this execution instead of applying the resume rule (`resume`, `retry`). */
  execution?: ManifestHandle;
}

export interface RunExecutionResult {
  manifest: ExecutionManifest;
  outcome: ExecutionOutcome;
  resumed: boolean;
  /** Manifest writes this run made. */
  checkpoints: number;
}

/**
 * One run on an account: lease → resume or create the execution → execute the graph within
 * the budget → checkpoint → release the lease. A lost lease stops the run like the budget
 * does, so it never writes over another run's state.
 * @throws LeaseHeldError when another run holds the account (after `leaseWaitMs`).
 */
export async function runExecution(options: RunExecutionOptions): Promise<RunExecutionResult> {
  const { store, accountId, clock } = options;
  const keeper = await LeaseKeeper.acquire(store, accountId, options.holder, {
    clock,
    ...(options.leaseTtlMs === undefined ? {} : { ttlMs: options.leaseTtlMs }),
    waitMs: options.leaseWaitMs ?? 0,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
  try {
    const opened = options.execution
      ? { handle: await reopenExecution(store, options.execution, clock), resumed: true }
      : await openExecution({
          store,
          accountId,
          clock,
          resumeWindowMs: options.resumeWindowMs,
          trigger: options.trigger,
          ...(options.analysis ? { analysis: options.analysis } : {}),
        });
    const stop = options.signal ? AbortSignal.any([options.signal, keeper.signal]) : keeper.signal;
    const journal = new StoreJournal(store, opened.handle, {
      clock,
      created: !opened.resumed,
      signal: keeper.signal,
      ...(options.onWarning ? { onError: (error: unknown) => options.onWarning?.(`checkpoint: ${String(error)}`) } : {}),
    });
    const outcome = await executeGraph({
      tasks: options.tasks(opened.handle.manifest),
      journal,
      maxConcurrentTasks: options.maxConcurrentTasks,
      clock,
      signal: stop,
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
      ...(options.safetyMarginMs === undefined ? {} : { safetyMarginMs: options.safetyMarginMs }),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    return { manifest: journal.manifest, outcome, resumed: opened.resumed, checkpoints: journal.writes };
  } finally {
    // A failed release must not hide the run's own outcome or error: the lease lapses by itself.
    await keeper.release().catch((error: unknown) => options.onWarning?.(`could not release the lease: ${String(error)}`));
  }
}
