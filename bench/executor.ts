// Figure 5: executor overhead for graphs of no-op tasks on the local store (goal: 10,000 tasks
// ≤ 2 s, linear). Each measurement is a fresh process running the compiled JavaScript; two
// variants split the cost (see executor-run.ts): the scheduler alone (in-memory journal), and
// a real run (lease, manifest checkpoints, result batches).
import { compileToJs } from './support/compile.js';
import { emit, isMain, median, round, runScript } from './support/harness.js';

export const GOAL_MS_AT_10K = 2000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = [1000, 2000, 5000, 10000];
const VARIANTS = ['memory', 'full'] as const;

interface Run {
  wallMs: number;
  checkpoints: number;
  resultBatches: number;
  status: string;
  maxRssMB: number;
}

export async function measure(sizes = SIZES, runs = RUNS) {
  const js = await compileToJs();
  try {
    const rows = [];
    for (const tasks of sizes) {
      const row: Record<string, unknown> & { tasks: number } = { tasks };
      for (const variant of VARIANTS) {
        const results: Run[] = [];
        for (let i = 0; i < runs; i++)
          results.push(await runScript<Run>('bench/executor-run.ts', [String(tasks), variant], { jsRoot: js.root }));
        const wall = median(results.map((r) => r.wallMs));
        row[variant] = {
          wallMs: wall,
          perTaskMs: round(wall / tasks, 3),
          runsMs: results.map((r) => r.wallMs),
          statuses: [...new Set(results.map((r) => r.status))],
          maxRssMB: median(results.map((r) => r.maxRssMB)),
        };
        if (variant === 'full') {
          row.checkpoints = median(results.map((r) => r.checkpoints));
          row.resultBatches = median(results.map((r) => r.resultBatches));
        }
      }
      const ms = (v: (typeof VARIANTS)[number]) => (row[v] as { wallMs: number }).wallMs;
      row.breakdownMs = { scheduler: ms('memory'), state: round(ms('full') - ms('memory'), 0) };
      rows.push(row);
    }
    return rows;
  } finally {
    await js.dispose();
  }
}

if (isMain(import.meta.url)) {
  const rows = await measure();
  emit(
    'Executor overhead, no-op tasks, local store',
    rows.map((r) => {
      const v = (k: string) => r[k] as { wallMs: number; perTaskMs: number; runsMs: number[] };
      return `${String(r.tasks).padStart(5)} tasks  full ${v('full').wallMs} ms (${v('full').perTaskMs} ms/task) ${JSON.stringify(v('full').runsMs)}  scheduler-only ${v('memory').wallMs} ms (${v('memory').perTaskMs} ms/task)  checkpoints ${String(r.checkpoints)}  result batches ${String(r.resultBatches)}  breakdown ${JSON.stringify(r.breakdownMs)}`;
    }),
    rows,
  );
}
