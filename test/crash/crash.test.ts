import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalObjectStore } from '../../src/state/local-store.js';
import type { ObjectStore } from '../../src/state/object-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { s3CrashStore, s3StoreEnv, type CrashStoreKind } from '../support/crash-store.js';
import { killAtStep, killPointEnv } from '../support/kill-point.js';
import { createTestBucket, testS3Client } from '../support/s3-client.js';
import { crashGraphSpec, expectedValues } from './graph.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const hooks = join(here, '../support/ts-hooks.mjs');
const dirs: string[] = [];
let children = 0;
let s3: S3Client;
beforeAll(() => {
  s3 = testS3Client();
});
afterAll(async () => {
  s3.destroy();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

interface ChildEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the child; with `killAt`, until it halts at that step and is killed there with SIGKILL:
 * 0 as it starts, n at the end of the n-th task body it runs. Crash points follow progress, not
 * timing: however slow the machine, the child does nothing between its step and the kill.
 */
async function runChild(stateDir: string, logDir: string, storeEnv: Record<string, string>, killAt?: number): Promise<ChildEnd> {
  const steps = join(logDir, `steps-${++children}.log`);
  const child = spawn(
    process.execPath,
    ['--no-warnings', '--experimental-transform-types', '--import', hooks, join(here, 'crash-child.ts'), stateDir, logDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...storeEnv, ...(killAt === undefined ? {} : killPointEnv(steps, killAt)) },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const sentKill = killAt !== undefined && (await killAtStep(child, steps, killAt));
  const { code, signal } = await exited;
  return { code, signal: sentKill ? signal : null, stdout, stderr };
}

async function lines(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
}

// Kill points, in task bodies finished since the child started (0: as it starts): before the
// first checkpoint, between checkpoints, while results are being written, and just before the
// end. Each child has at least 50 minus the earlier kill points' sum of bodies to run, so every
// kill point is reached.
const scenarios: Array<{ name: string; kills: number[] }> = [
  { name: 'killed during start-up', kills: [0] },
  { name: 'killed after the first tasks', kills: [3] },
  { name: 'killed twice mid-run', kills: [18, 12] },
  { name: 'killed three times', kills: [10, 10, 10] },
  { name: 'killed just before the end', kills: [49] },
  { name: 'killed at many points', kills: [4, 15, 7, 11, 9] },
];

describe.each(['directory', 's3'] as CrashStoreKind[])('crash recovery of a 50-task execution on the %s store (SIGKILL)', (kind) => {
  it.each(scenarios)('$name: the re-run completes, results are written once, no succeeded task runs twice', async ({ kills }) => {
    const base = await mkdtemp(join(tmpdir(), 'finops-crash-'));
    dirs.push(base);
    const stateDir = join(base, 'state');
    // On S3, each scenario has a bucket of its own.
    let objects: ObjectStore = new LocalObjectStore(stateDir);
    let storeEnv: Record<string, string> = {};
    if (kind === 's3') {
      const bucket = await createTestBucket(s3, 'crash-graph');
      objects = s3CrashStore(s3, bucket);
      storeEnv = s3StoreEnv(inject('s3Endpoint'), bucket);
    }
    const killedMidRun: string[] = [];
    for (const killAt of kills) {
      const end = await runChild(stateDir, base, storeEnv, killAt);
      expect(end.signal, `the run exited before its kill point ${killAt}: ${end.stdout}${end.stderr}`).toBe('SIGKILL');
      // The kill landed mid-run: the one execution is left running for the next run to resume.
      const left = await new StateStore(objects).listExecutions('123456789012');
      expect(left.map((e) => e.status)).toEqual(['running']);
      killedMidRun.push(left[0]!.executionId);
    }
    const final = await runChild(stateDir, base, storeEnv);
    expect(final.code, final.stderr).toBe(0);
    const summary = JSON.parse(final.stdout.trim().split('\n').at(-1) as string) as { executionId: string; status: string };
    expect(summary.status).toBe('completed');

    const store = new StateStore(objects);
    const executions = await store.listExecutions('123456789012');
    // Every run resumed the one execution the first run created.
    expect(executions.map((e) => e.executionId)).toEqual([summary.executionId]);
    const manifest = executions[0]!;
    const specs = crashGraphSpec();
    expect(Object.values(manifest.tasks).map((t) => t.status)).toEqual(specs.map(() => 'succeeded'));

    const runs = await lines(join(base, 'runs.log'));
    const writes = await lines(join(base, 'writes.log'));
    const expected = expectedValues();
    for (const spec of specs) {
      const result = (await store.getResult(summary.executionId, spec.id)) as { value: number; nonce: string };
      expect(result.value, spec.id).toBe(expected.get(spec.id));
      const runsOfTask = runs.filter((l) => l.startsWith(`${spec.id} `));
      // The stored result came from the task's last run: nothing ran it after it succeeded.
      expect(runsOfTask.at(-1), spec.id).toBe(`${spec.id} ${result.nonce}`);
      expect(writes.filter((id) => id === spec.id).length, spec.id).toBeLessThanOrEqual(1);
    }
    const stored = await store.loadResults(manifest);
    expect(new Set([...stored.recorded.keys(), ...stored.unrecorded.keys()]).size).toBe(specs.length);
    expect(killedMidRun).toEqual(kills.map(() => summary.executionId));
  });
});
