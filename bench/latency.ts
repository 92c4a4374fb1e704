// Figure 4: wall time of a full analysis with 100 ms injected on every AWS port call, against
// the lower bound for the same calls (support/critical-path.ts: resolveRegions + max(longest
// dependency chain, total sequential call time / concurrency)), goal ≤ 1.3×; peak RSS of the
// run's own process at the largest size, goal ≤ 300 MB. Medians of RUNS runs, each in a fresh
// process running the compiled JavaScript.
import { compileToJs } from './support/compile.js';
import { emit, isMain, median, round, runScript } from './support/harness.js';

export const GOALS = { ratio: 1.3, maxRssMB: 300 };
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = ['demo', '1000', '5000'];
const CONCURRENCY = [4, 8, 16];

interface RunResult {
  size: string;
  concurrency: number;
  latencyMs: number;
  wallMs: number;
  boundMs: number;
  criticalPathMs: number;
  workPerSlotMs: number;
  ratio: number | null;
  maxRssMB: number;
  tasks: number;
  calls: number;
  status: string;
  chain: string[];
}

export async function measure(sizes = SIZES, concurrencies = CONCURRENCY, runs = RUNS) {
  const js = await compileToJs();
  try {
    const rows = [];
    for (const size of sizes) {
      // 0 ms first: what the run costs without AWS waiting (CPU, state writes), for the overhead column.
      const idle: RunResult[] = [];
      for (let i = 0; i < runs; i++) idle.push(await runScript<RunResult>('bench/latency-run.ts', [size, '4', '0'], { jsRoot: js.root }));
      for (const concurrency of concurrencies) {
        const results: RunResult[] = [];
        for (let i = 0; i < runs; i++)
          results.push(await runScript<RunResult>('bench/latency-run.ts', [size, String(concurrency), '100'], { jsRoot: js.root }));
        const first = results[0]!;
        rows.push({
          size,
          concurrency,
          runs,
          tasks: first.tasks,
          calls: first.calls,
          statuses: [...new Set(results.map((r) => r.status))],
          wallMs: median(results.map((r) => r.wallMs)),
          boundMs: median(results.map((r) => r.boundMs)),
          criticalPathMs: first.criticalPathMs,
          workPerSlotMs: first.workPerSlotMs,
          chain: first.chain,
          ratio: round(median(results.map((r) => r.wallMs / r.boundMs)), 2),
          ratios: results.map((r) => r.ratio),
          zeroLatencyWallMs: median(idle.map((r) => r.wallMs)),
          maxRssMB: median(results.map((r) => r.maxRssMB)),
          maxRssMBRange: [Math.min(...results.map((r) => r.maxRssMB)), Math.max(...results.map((r) => r.maxRssMB))],
        });
      }
    }
    return rows;
  } finally {
    await js.dispose();
  }
}

if (isMain(import.meta.url)) {
  const rows = await measure();
  emit(
    'Wall time with 100 ms per AWS call, and peak memory',
    rows.map(
      (r) =>
        `${r.size.padEnd(5)} ×${String(r.concurrency).padEnd(2)} tasks ${r.tasks} calls ${r.calls}  wall ${r.wallMs} ms  bound ${r.boundMs} ms (chain ${r.criticalPathMs}, work/k ${r.workPerSlotMs})  ` +
        `ratio ${r.ratio} (goal ≤ ${GOALS.ratio}) ${JSON.stringify(r.ratios)}  at 0 ms ${r.zeroLatencyWallMs} ms  maxRSS ${r.maxRssMB} MB ${JSON.stringify(r.maxRssMBRange)}  ${r.statuses.join(',')}`,
    ),
    rows,
  );
}
