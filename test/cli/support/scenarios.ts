import { expect } from 'vitest';
import { DEMO_ACCOUNT_ID } from '../../../src/demo/index.js';
import { NonRetryableError } from '../../../src/primitives/errors.js';
import type { ExecutionManifest } from '../../../src/records/state.js';
import type { StateStore } from '../../../src/state/state-store.js';
import { cli, tempDir, type Backend } from './harness.js';
import { hangUntilAborted, instrumentedDemo } from './instrumented.js';

/** The task whose CloudWatch call (`cloudwatch[us-east-1].getMetricData`) the scenarios hang. */
export const HUNG_TASK = 'metrics:us-east-1';

/**
 * Resolves once a checkpoint of the account's latest execution shows it running with
 * {@link HUNG_TASK} as its only running task: every other task has settled or waits on it, so
 * what the run has finished no longer depends on how fast the machine is. Throws when `ended`
 * settles first (the run is over) or after 30 s.
 */
export async function whenOnlyHungTaskRuns(store: StateStore, accountId: string, ended: Promise<unknown>): Promise<ExecutionManifest> {
  let over = false;
  const end = () => void (over = true);
  ended.then(end, end);
  for (const deadline = Date.now() + 30_000; !over && Date.now() < deadline;) {
    const latest = await store.getLatest(accountId);
    const running = Object.values(latest?.tasks ?? {}).filter((t) => t.status === 'running');
    if (latest?.status === 'running' && running.length === 1 && running[0]!.id === HUNG_TASK) return latest;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no checkpoint showed ${HUNG_TASK} as the only running task${over ? ' before the run ended' : ' within 30 s'}`);
}

/**
 * A partial execution: the run was stopped (Ctrl-C) while CloudWatch in us-east-1 hung, once
 * every other task had settled or was waiting on the hung one (not at a moment picked by a
 * timer, which on a loaded machine could catch a Cost Explorer task half-way).
 */
export async function interruptedRun(backend: Backend, accountId?: string, flags: string[] = []): Promise<ExecutionManifest> {
  const stop = new AbortController();
  const aws = instrumentedDemo({
    ...(accountId ? { accountId } : {}),
    intercept: (call, signal) => (call === 'cloudwatch[us-east-1].getMetricData' ? hangUntilAborted(signal) : undefined),
  });
  const run = cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('r'), '--json', ...flags], {
    deps: { ...backend.deps, adaptersFor: aws.adaptersFor, signal: stop.signal },
  });
  const waited = await whenOnlyHungTaskRuns(backend.store(), accountId ?? DEMO_ACCOUNT_ID, run).then(
    () => undefined,
    (error: unknown) => String(error),
  );
  stop.abort(new Error('SIGINT'));
  const result = await run;
  expect(waited, result.stderr).toBeUndefined();
  expect(result.code, result.stderr).toBe(130);
  const execution = (await backend.store().loadExecution(result.json().executionId))?.manifest;
  expect(execution?.status).toBe('partial');
  return execution!;
}

/** A failed execution: the calls `failing` picks fail for good (non-retryable). */
export async function failedRun(backend: Backend, failing: (call: string) => boolean): Promise<ExecutionManifest> {
  const aws = instrumentedDemo({
    intercept: (call) => (failing(call) ? Promise.reject(new NonRetryableError(`${call}: invalid request`)) : undefined),
  });
  const result = await cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('r'), '--json'], {
    deps: { ...backend.deps, adaptersFor: aws.adaptersFor },
  });
  expect(result.code).toBe(1);
  return (await backend.store().loadExecution(result.json().executionId))!.manifest;
}

/** A completed execution of the demo account. */
export async function completedRun(backend: Backend): Promise<ExecutionManifest> {
  const result = await cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('r'), '--json'], { deps: backend.deps });
  expect(result.code).toBe(0);
  return (await backend.store().loadExecution(result.json().executionId))!.manifest;
}
