import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { inject } from 'vitest';
import type { ExecutionManifest } from '../../../src/records/state.js';
import { tempDir, type Backend } from './harness.js';

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
 * Starts `run --demo` in a child process, waits until it is stuck in a task and its manifest
 * shows that task running, then kills it with SIGKILL: the execution is left `running`, with
 * some tasks succeeded, some running, some pending, and the account lease live.
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
    for (let i = 0; i < 200; i++) {
      const [execution] = await store.listExecutions();
      if (execution?.tasks['metrics:us-east-1']?.status === 'running') {
        child.kill('SIGKILL');
        await exited;
        return (await store.loadExecution(execution.executionId))!.manifest;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the child never checkpointed metrics:us-east-1 as running: ${stderr}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
