import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll } from 'vitest';
import { main, type CliDeps } from '../../../src/cli/main.js';
import { LocalObjectStore } from '../../../src/state/local-store.js';
import type { ObjectStore } from '../../../src/state/object-store.js';
import { S3ObjectStore } from '../../../src/state/s3-store.js';
import { StateStore } from '../../../src/state/state-store.js';
import type { Clock } from '../../../src/primitives/clock.js';
import { createTestBucket, testS3Client } from '../../support/s3-client.js';

/** What one in-process CLI invocation produced. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  deps?: CliDeps;
  isTTY?: boolean;
}

/** Runs `finops-aws <argv>` in this process and captures its output and exit code. */
export async function cli(argv: string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    // Nothing from the developer's environment: no AWS profile, no FINOPS_STATE_BUCKET.
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
  };
  const code = await main(argv, io, options.deps ?? {});
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh temporary directory, removed after the file's tests. */
export async function tempDir(label = 'cli'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `finops-${label}-`));
  dirs.push(dir);
  return dir;
}

/** One state backend the CLI is tested against: the flags that select it and a store on the same state. */
export interface Backend {
  name: 'local' | 's3';
  /** `--state-dir …` or `--state-bucket …`. */
  args: string[];
  /** Injects the S3 client (the test server on 127.0.0.1) for the S3 backend. */
  deps: CliDeps;
  /** The same state, for seeding and asserting; `clock` for stores that must see time as the CLI does. */
  store(clock?: Clock): StateStore;
  /** The objects under that state, keys as the store names them (`cache/…`, `executions/…`). */
  objects(): ObjectStore;
  client?: S3Client;
  bucket?: string;
}

export async function localBackend(): Promise<Backend> {
  const dir = await tempDir('state');
  return {
    name: 'local',
    args: ['--state-dir', dir],
    deps: {},
    store: (clock) => new StateStore(new LocalObjectStore(dir), clock ? { clock } : {}),
    objects: () => new LocalObjectStore(dir),
  };
}

export async function s3Backend(): Promise<Backend> {
  const client = testS3Client();
  const bucket = await createTestBucket(client, 'cli');
  return {
    name: 's3',
    args: ['--state-bucket', bucket],
    deps: { s3Client: () => client },
    store: (clock) => new StateStore(new S3ObjectStore({ client, bucket, prefix: 'finops/' }), clock ? { clock } : {}),
    objects: () => new S3ObjectStore({ client, bucket, prefix: 'finops/' }),
    client,
    bucket,
  };
}

/** Both backends, fresh, for `describe.each`. */
export const BACKENDS = [
  ['local', localBackend],
  ['s3', s3Backend],
] as const;

/** Removes every cache entry (Cost Explorer months and anomalies, prices) from the backend's state. */
export async function emptyCache(backend: Backend): Promise<void> {
  const objects = backend.objects();
  for await (const key of objects.list('cache/')) await objects.delete(key);
}

/** A clock `offsetMs` ahead of real time (a lease left by a killed run has lapsed by then). */
export function clockAhead(offsetMs: number): Clock {
  return {
    now: () => Date.now() + offsetMs,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      }),
  };
}

/**
 * A clock that runs `factor` times faster than real time (and sleeps that much shorter), so a
 * run's 30-second cancel poll or lease renewal happens within a test, while every timer keeps
 * its proportions (the time budget does not fire early).
 */
export function warpClock(factor: number): Clock {
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * factor,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = setTimeout(resolve, ms / factor);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      }),
  };
}

/** Execution ids and manifests for seeding a store directly. */
export { executionId, manifest } from '../../contract/fixtures.js';
