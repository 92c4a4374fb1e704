import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { killAtStep, killPointEnv, lineCount } from '../support/kill-point.js';
import { demoClockEnv } from '../support/shifted-clock.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const hooks = join(here, '../support/ts-hooks.mjs');
const child = join(here, 'support/crash-analysis-child.ts');
let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'finops-crash-analysis-'));
});
afterAll(async () => rm(base, { recursive: true, force: true }));

/**
 * Runs the child to the end; with `killAt`, until it halts at that step (0: the executor's start,
 * n: its n-th task event) and is killed there with SIGKILL.
 */
async function run(dir: string, killAt?: number): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  const log = join(dir, 'events.log');
  const steps = join(dir, 'steps.log');
  const proc = spawn(
    process.execPath,
    ['--no-warnings', '--experimental-transform-types', '--import', hooks, child, join(dir, 'state'), log, join(dir, 'result.json')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...demoClockEnv, ...(killAt === undefined ? {} : killPointEnv(steps, killAt)) },
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

describe('crash suite: the full analysis killed with SIGKILL at 30 pseudo-random points', () => {
  let reference: { content: unknown; events: number };

  beforeAll(async () => {
    const dir = await mkdtemp(join(base, 'reference-'));
    const end = await run(dir);
    expect(end.code, end.stderr).toBe(0);
    const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as { status: string; content: unknown };
    expect(result.status).toBe('completed');
    reference = { content: result.content, events: await lineCount(join(dir, 'events.log')) };
  });

  it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
    'seed %i: the re-run completes the same execution with the same report and no succeeded task runs again',
    async (seed) => {
      const dir = await mkdtemp(join(base, `seed-${seed}-`));
      const random = seeded(seed);
      // Kill somewhere in the first 90% of a run's events (0 = during start-up): a step every run reaches.
      const killAt = Math.floor(random() * reference.events * 0.9);
      const crashed = await run(dir, killAt);
      expect(crashed.killed, `seed ${seed} exited before its kill point ${killAt}: ${crashed.stderr}`).toBe(true);
      const store = new StateStore(new LocalObjectStore(join(dir, 'state')));
      // The kill landed mid-run: the execution is left running, so the re-run has something to resume.
      expect((await store.listExecutions()).map((e) => e.status)).toEqual(['running']);
      const end = await run(dir);
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
});
