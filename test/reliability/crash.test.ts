import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { demoClockEnv } from '../support/shifted-clock.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const hooks = join(here, '../support/ts-hooks.mjs');
const child = join(here, 'support/crash-analysis-child.ts');
let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'finops-crash-analysis-'));
});
afterAll(async () => rm(base, { recursive: true, force: true }));

async function lineCount(path: string): Promise<number> {
  return (await readFile(path, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
}

/** Runs the child; kills it with SIGKILL once `killAfterEvents` more events are logged. */
async function run(dir: string, killAfterEvents?: number): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  const log = join(dir, 'events.log');
  const before = await lineCount(log);
  const proc = spawn(
    process.execPath,
    ['--no-warnings', '--experimental-transform-types', '--import', hooks, child, join(dir, 'state'), log, join(dir, 'result.json')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...demoClockEnv },
    },
  );
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let running = true;
  if (killAfterEvents !== undefined) {
    void (async () => {
      while (running) {
        if ((await lineCount(log)) - before >= killAfterEvents) proc.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
  }
  return new Promise((resolve) =>
    proc.on('exit', (code, signal) => {
      running = false;
      resolve({ killed: signal === 'SIGKILL', code, stderr });
    }),
  );
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
      // Kill somewhere in the first 90% of a run's events (0 = during start-up).
      const killAt = Math.floor(random() * reference.events * 0.9);
      const crashed = await run(dir, killAt);
      expect(crashed.killed, `seed ${seed} finished before its kill point ${killAt}`).toBe(true);
      const end = await run(dir);
      expect(end.code, end.stderr).toBe(0);

      const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as {
        executionId: string;
        status: string;
        content: unknown;
      };
      expect(result.status).toBe('completed');
      expect(result.content).toEqual(reference.content);
      const store = new StateStore(new LocalObjectStore(join(dir, 'state')));
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
