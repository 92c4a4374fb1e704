import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/state/local-store.js';

interface WorkerReport {
  holder: string;
  created: number[];
  increments: number;
  leases: Array<{ account: string; held: boolean; blockedBy?: string }>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Starts a worker process; resolves `ready` once it waits for "go", and `done` with its report. */
function startWorker(dir: string, holder: string, rounds: number) {
  const child = spawn(
    process.execPath,
    [
      '--no-warnings',
      '--experimental-transform-types',
      '--import',
      join(here, '../support/ts-hooks.mjs'),
      join(here, 'process/race-worker.ts'),
      dir,
      holder,
      String(rounds),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<void>((resolve) => lines.once('line', () => resolve()));
  const done = new Promise<WorkerReport>((resolve, reject) => {
    let last = '';
    lines.on('line', (line) => (last = line));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(last) as WorkerReport) : reject(new Error(`worker ${holder} exited ${code}: ${stderr}`)),
    );
  });
  return { child, ready, done };
}

it('two processes racing on one directory: one creator per key, no lost update, one lease holder per account', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'finops-two-processes-'));
  dirs.push(dir);
  await new LocalObjectStore(dir).put('race/counter.json', '0');
  const rounds = 25;
  const workers = [startWorker(dir, 'process-A', rounds), startWorker(dir, 'process-B', rounds)];
  try {
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.write('go\n');
    const [a, b] = await Promise.all(workers.map((w) => w.done));

    // Every key created by exactly one process, and the file holds the winner's name.
    expect([...a!.created, ...b!.created].sort((x, y) => x - y)).toEqual(Array.from({ length: rounds }, (_, i) => i));
    expect(a!.created.filter((i) => b!.created.includes(i))).toEqual([]);
    const store = new LocalObjectStore(dir);
    for (const i of a!.created) expect((await store.get(`race/create-${i}.json`))?.body).toBe('process-A');

    expect(a!.increments + b!.increments).toBe(2 * rounds);
    expect((await store.get('race/counter.json'))?.body).toBe(String(2 * rounds));

    for (let round = 0; round < rounds; round++) {
      const [la, lb] = [a!.leases[round]!, b!.leases[round]!];
      expect(Number(la.held) + Number(lb.held)).toBe(1);
      const loser = la.held ? lb : la;
      expect(loser.blockedBy).toBe(la.held ? 'process-A' : 'process-B');
    }
    // No temporary or lock files left behind.
    expect((await readdir(join(dir, 'race'))).filter((name) => name.startsWith('.'))).toEqual([]);
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill();
  }
});
