import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { inject } from 'vitest';
import { DEMO_ACCOUNT_ID } from '../../../src/demo/index.js';
import type { ExecutionManifest } from '../../../src/records/state.js';
import { tempDir, type Backend } from './harness.js';
import { whenOnlyHungTaskRuns } from './scenarios.js';

const here = fileURLToPath(new URL('.', import.meta.url));
export const TS_HOOKS = join(here, '../../support/ts-hooks.mjs');
export const CLI_ENTRY = join(here, '../../../src/cli.ts');

/** Environment of a child CLI process: the S3 test server on loopback, dummy keys, no instance metadata. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    AWS_ENDPOINT_URL_S3: inject('s3Endpoint'),
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/**
 * Starts `run --demo` in a child process whose CloudWatch call for us-east-1 never returns,
 * waits until its manifest shows that task running and every other task settled or waiting on
 * it, then kills it with SIGKILL: the execution is left `running`, with the other tasks
 * succeeded (but the demo's one skip), the hung one running, its dependants pending, and the
 * account lease live. The kill waits for that state rather than for the first checkpoint with
 * the task running, in which a task slowed by a loaded machine (a cache write) could still show
 * running too: what the killed run finished does not depend on the machine's speed.
 * @returns the execution as the killed process left it
 */
export async function killedRun(backend: Backend): Promise<ExecutionManifest> {
  const child = spawn(
    process.execPath,
    [
      '--no-warnings',
      '--experimental-transform-types',
      '--import',
      TS_HOOKS,
      join(here, '../process/hanging-run.ts'),
      JSON.stringify(backend.args),
      await tempDir('report'),
    ],
    {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => line === 'HUNG' && resolve());
      child.on('exit', (code) => reject(new Error(`child exited ${code} before hanging: ${stderr}`)));
    });
    const store = backend.store();
    const execution = await whenOnlyHungTaskRuns(store, DEMO_ACCOUNT_ID, exited).catch((error: unknown) => {
      throw new Error(`${String(error)}: ${stderr}`);
    });
    child.kill('SIGKILL');
    await exited;
    return (await store.loadExecution(execution.executionId))!.manifest;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
