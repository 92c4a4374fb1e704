import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { crashGraphSpec, expectedValues } from './graph.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const hooks = join(here, '../support/ts-hooks.mjs');
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

interface ChildEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the child; with `killAfterRuns`, kills it with SIGKILL as soon as that many more task
 * bodies have finished (0: during start-up), so crash points follow progress, not timing.
 */
async function runChild(stateDir: string, logDir: string, killAfterRuns?: number): Promise<ChildEnd> {
  const before = (await lines(join(logDir, 'runs.log'))).length;
  const child = spawn(
    process.execPath,
    ['--no-warnings', '--experimental-transform-types', '--import', hooks, join(here, 'crash-child.ts'), stateDir, logDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let watching = killAfterRuns !== undefined;
  const watch = async () => {
    while (watching) {
      if ((await lines(join(logDir, 'runs.log'))).length - before >= (killAfterRuns ?? 0)) {
        child.kill('SIGKILL');
        return;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  if (killAfterRuns === 0) setTimeout(() => child.kill('SIGKILL'), 120);
  else void watch();
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      watching = false;
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function lines(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
}

// Kill points, in task bodies finished since the child started: before the first checkpoint,
// between checkpoints, while results are being written, and just before the end.
const scenarios: Array<{ name: string; kills: number[] }> = [
  { name: 'killed during start-up', kills: [0] },
  { name: 'killed after the first tasks', kills: [3] },
  { name: 'killed twice mid-run', kills: [18, 12] },
  { name: 'killed three times', kills: [10, 10, 10] },
  { name: 'killed just before the end', kills: [49] },
  { name: 'killed at many points', kills: [4, 15, 7, 11, 9] },
];

describe('crash recovery of a 50-task execution (SIGKILL)', () => {
  it.each(scenarios)('$name: the re-run completes, results are written once, no succeeded task runs twice', async ({ kills }) => {
    const base = await mkdtemp(join(tmpdir(), 'finops-crash-'));
    dirs.push(base);
    const stateDir = join(base, 'state');
    const killedMidRun: boolean[] = [];
    for (const killAfterRuns of kills) {
      const end = await runChild(stateDir, base, killAfterRuns);
      expect(end.signal, `the run finished before the kill point ${killAfterRuns}: ${end.stdout}`).toBe('SIGKILL');
      killedMidRun.push(true);
    }
    const final = await runChild(stateDir, base);
    expect(final.code, final.stderr).toBe(0);
    const summary = JSON.parse(final.stdout.trim().split('\n').at(-1) as string) as { executionId: string; status: string };
    expect(summary.status).toBe('completed');

    const store = new StateStore(new LocalObjectStore(stateDir));
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
    expect(killedMidRun).toHaveLength(kills.length);
  });
});
