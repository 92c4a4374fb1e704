import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { s3CrashStore, s3StoreEnv, type CrashStoreKind } from '../support/crash-store.js';
import { killAtStep, killPointEnv, lineCount } from '../support/kill-point.js';
import { createTestBucket, testS3Client } from '../support/s3-client.js';
import { demoClockEnv } from '../support/shifted-clock.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const hooks = join(here, '../support/ts-hooks.mjs');
const child = join(here, 'support/crash-analysis-child.ts');
let base: string;
let s3: S3Client;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'finops-crash-analysis-'));
  s3 = testS3Client();
});
afterAll(async () => {
  s3.destroy();
  await rm(base, { recursive: true, force: true });
});

/** One world of a run and its re-runs: a directory, and on S3 also a bucket of its own. */
interface World {
  dir: string;
  /** What points the child at its store. */
  env: Record<string, string>;
  store: StateStore;
}

async function world(kind: CrashStoreKind, label: string): Promise<World> {
  const dir = await mkdtemp(join(base, `${kind}-${label}-`));
  if (kind === 'directory') return { dir, env: {}, store: new StateStore(new LocalObjectStore(join(dir, 'state'))) };
  const bucket = await createTestBucket(s3, `crash-${label}`);
  return { dir, env: s3StoreEnv(inject('s3Endpoint'), bucket), store: new StateStore(s3CrashStore(s3, bucket)) };
}

/**
 * Runs the child to the end; with `killAt`, until it halts at that step (0: the executor's start,
 * n: its n-th task event) and is killed there with SIGKILL.
 */
async function run({ dir, env }: World, killAt?: number): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  const log = join(dir, 'events.log');
  const steps = join(dir, 'steps.log');
  const proc = spawn(
    process.execPath,
    ['--no-warnings', '--experimental-transform-types', '--import', hooks, child, join(dir, 'state'), log, join(dir, 'result.json')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...demoClockEnv, ...env, ...(killAt === undefined ? {} : killPointEnv(steps, killAt)) },
    },
  );
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const sentKill = killAt !== undefined && (await killAtStep(proc, steps, killAt));
  const { code, signal } = await exited;
  return { killed: sentKill && signal === 'SIGKILL', code, stderr };
}

/** Mulberry32: fixed seeds give the same kill points on every machine. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 30 seeds on a directory; on the S3 test server, whose every state access is an HTTP request,
// the first 10 of the same seeds keep the suite's time reasonable.
const variants: Array<{ kind: CrashStoreKind; seeds: number }> = [
  { kind: 'directory', seeds: 30 },
  { kind: 's3', seeds: 10 },
];

describe.each(variants)(
  'crash suite on the $kind store: the full analysis killed with SIGKILL at $seeds pseudo-random points',
  ({ kind, seeds }) => {
    let reference: { content: unknown; events: number };

    beforeAll(async () => {
      const ref = await world(kind, 'reference');
      const { dir } = ref;
      const end = await run(ref);
      expect(end.code, end.stderr).toBe(0);
      const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as { status: string; content: unknown };
      expect(result.status).toBe('completed');
      reference = { content: result.content, events: await lineCount(join(dir, 'events.log')) };
    });

    it.each(Array.from({ length: seeds }, (_, i) => i + 1))(
      'seed %i: the re-run completes the same execution with the same report and no succeeded task runs again',
      async (seed) => {
        const crashWorld = await world(kind, `seed-${seed}`);
        const { dir, store } = crashWorld;
        const random = seeded(seed);
        // Kill somewhere in the first 90% of a run's events (0 = during start-up): a step every run reaches.
        const killAt = Math.floor(random() * reference.events * 0.9);
        const crashed = await run(crashWorld, killAt);
        expect(crashed.killed, `seed ${seed} exited before its kill point ${killAt}: ${crashed.stderr}`).toBe(true);
        // The kill landed mid-run: the execution is left running, so the re-run has something to resume.
        expect((await store.listExecutions()).map((e) => e.status)).toEqual(['running']);
        const end = await run(crashWorld);
        expect(end.code, end.stderr).toBe(0);

        const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as {
          executionId: string;
          status: string;
          content: unknown;
        };
        expect(result.status).toBe('completed');
        expect(result.content).toEqual(reference.content);
        expect((await store.listExecutions()).map((e) => e.executionId)).toEqual([result.executionId]);

        const events = (await readFile(join(dir, 'events.log'), 'utf8')).split('\n').filter(Boolean);
        const succeeded = new Set<string>();
        for (const line of events) {
          const [type, id] = line.split(' ') as [string, string];
          if (type === 'taskStarted') expect(succeeded.has(id), `${id} started again after it succeeded`).toBe(false);
          if (type === 'taskSucceeded') succeeded.add(id);
        }
      },
    );
  },
);
