import { expect } from 'vitest';
import { NonRetryableError } from '../../../src/primitives/errors.js';
import type { ExecutionManifest } from '../../../src/records/state.js';
import { cli, tempDir, type Backend } from './harness.js';
import { hangUntilAborted, instrumentedDemo } from './instrumented.js';

/** A partial execution: the run was stopped (Ctrl-C) while CloudWatch in us-east-1 hung. */
export async function interruptedRun(backend: Backend, accountId?: string, flags: string[] = []): Promise<ExecutionManifest> {
  const stop = new AbortController();
  const aws = instrumentedDemo({
    ...(accountId ? { accountId } : {}),
    intercept: (call, signal) => {
      if (call !== 'cloudwatch[us-east-1].getMetricData') return undefined;
      setTimeout(() => stop.abort(new Error('SIGINT')), 20);
      return hangUntilAborted(signal);
    },
  });
  const result = await cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('r'), '--json', ...flags], {
    deps: { ...backend.deps, adaptersFor: aws.adaptersFor, signal: stop.signal },
  });
  expect(result.code).toBe(130);
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
