import type { Clock } from '../primitives/clock.js';
import { SCHEMA_VERSION, type AnalysisSettings, type ExecutionManifest, type Trigger } from '../records/state.js';
import { newExecutionId } from '../state/execution-id.js';
import type { ManifestHandle, StateStore } from '../state/state-store.js';

export interface OpenExecutionOptions {
  store: StateStore;
  accountId: string;
  clock: Clock;
  /** A running or partial execution younger than this is resumed, in ms. */
  resumeWindowMs: number;
  trigger: Trigger;
  /** Stored in a new execution, so its later runs analyse the same way. */
  analysis?: AnalysisSettings;
}

export interface OpenedExecution {
  handle: ManifestHandle;
  resumed: boolean;
}

const RESUMABLE = new Set<ExecutionManifest['status']>(['running', 'partial']);

/**
 * The resume rule (SPEC §2): continue the account's latest execution when it is `running`
 * (a crashed run) or `partial` (budget ran out) and younger than the window; otherwise
 * start a new one and point `latest` at it. Call while holding the account lease.
 */
export async function openExecution(options: OpenExecutionOptions): Promise<OpenedExecution> {
  const { store, accountId, clock } = options;
  const latest = await store.getLatest(accountId);
  if (
    latest &&
    RESUMABLE.has(latest.status) &&
    !latest.cancelRequested &&
    clock.now() - Date.parse(latest.createdAt) < options.resumeWindowMs
  ) {
    const handle = await store.loadExecution(latest.executionId);
    if (handle) return { handle: await markRunning(store, handle, clock), resumed: true };
  }
  const now = new Date(clock.now()).toISOString();
  const manifest: ExecutionManifest = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'execution',
    executionId: newExecutionId(accountId, clock),
    accountId,
    status: 'running',
    createdAt: now,
    updatedAt: now,
    trigger: options.trigger,
    ...(options.analysis ? { analysis: options.analysis } : {}),
    cancelRequested: false,
    runs: 1,
    tasks: {},
    breakers: {},
  };
  // The pointer first: a crash between the two leaves a pointer to nothing (the next run starts
  // afresh), never an execution no pointer leads to.
  await store.setLatest(accountId, manifest.executionId);
  const handle = await store.createExecution(manifest);
  return { handle, resumed: false };
}

/** Reopens an execution by id (the CLI's `resume` and `retry`) for one more run. */
export async function reopenExecution(store: StateStore, handle: ManifestHandle, clock: Clock): Promise<ManifestHandle> {
  return markRunning(store, handle, clock);
}

async function markRunning(store: StateStore, handle: ManifestHandle, clock: Clock): Promise<ManifestHandle> {
  const { finishedAt: _finished, ...rest } = handle.manifest;
  const manifest: ExecutionManifest = {
    ...rest,
    status: 'running',
    runs: handle.manifest.runs + 1,
    updatedAt: new Date(clock.now()).toISOString(),
  };
  return store.saveExecution({ manifest, etag: handle.etag });
}
