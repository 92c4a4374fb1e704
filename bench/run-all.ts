// Runs every benchmark (each in its own process), checks each figure against its goal, prints
// a Markdown summary for docs/benchmarks.md, and saves everything to bench/results/latest.json.
// Usage: npm run bench [-- cost-explorer s3-requests ...]; BENCH_RUNS=n overrides the repeats.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { machine, ROOT, runScript } from './support/harness.js';

// Loose shapes of each script's result (see the scripts); only what the summary reads.
type Rows = Array<Record<string, any>>;

const SCRIPTS = ['cost-explorer', 's3-requests', 'cloudwatch', 'latency', 'executor', 'cold-start'] as const;
const ok = (pass: boolean) => (pass ? 'met' : '**missed**');

function summarise(name: string, result: any): string[] {
  switch (name) {
    case 'cost-explorer':
      return (result as Rows)
        .filter((r) => r.goal !== null)
        .map(
          (r) =>
            `| Cost Explorer requests, ${r.run}${r.tagKey ? `, tag-key ${r.tagKey}` : ''} | ${r.requests} (${r.status}) | ≤ ${r.goal} | ${ok(r.requests <= r.goal && r.status === 'completed')} |`,
        );
    case 's3-requests':
      return (result as Rows).map(
        (r) =>
          `| S3 requests, ${r.account} ${r.run} (${r.tasks} tasks): GET ${r.gets} PUT ${r.puts} LIST ${r.lists} DELETE ${r.deletes} | ${r.total} | ≤ ${r.goal} | ${ok(r.total <= r.goal)} |`,
      );
    case 'cloudwatch': {
      const bySize = new Map<number, Rows>();
      for (const r of result as Rows) bySize.set(r.instances, [...(bySize.get(r.instances) ?? []), r]);
      return [...bySize].map(
        ([size, rows]) =>
          `| CloudWatch requests per region, ${size} instances (${rows.map((r) => r.queries).join('/')} queries) | ${rows.map((r) => r.requests).join('/')} | ${rows.map((r) => r.goal).join('/')} | ${ok(rows.every((r) => r.requests <= r.goal))} |`,
      );
    }
    case 'latency':
      return (result as Rows).flatMap((r) => [
        `| Wall time, 100 ms per call, ${r.size}, ${r.concurrency} concurrent: ${r.wallMs} ms vs bound ${r.boundMs} ms | ${r.ratio}× | ≤ 1.3× | ${ok(r.ratio <= 1.3)} |`,
        ...(r.size === '5000'
          ? [`| Peak RSS, 5000 instances, ${r.concurrency} concurrent | ${r.maxRssMB} MB | ≤ 300 MB | ${ok(r.maxRssMB <= 300)} |`]
          : []),
      ]);
    case 'executor': {
      const rows = result as Rows;
      const first = rows[0]!;
      const last = rows[rows.length - 1]!;
      const growth = last.full.perTaskMs / first.full.perTaskMs;
      return [
        ...rows.map(
          (r) =>
            `| Executor, ${r.tasks} no-op tasks, local store (scheduler alone ${r.memory.wallMs} ms) | ${r.full.wallMs} ms (${r.full.perTaskMs} ms/task) | ${r.tasks === 10000 ? '≤ 2000 ms' : '—'} | ${r.tasks === 10000 ? ok(r.full.wallMs <= 2000) : ''} |`,
        ),
        `| Executor linearity: ms/task at ${last.tasks} ÷ at ${first.tasks} (scheduler alone ${(last.memory.perTaskMs / first.memory.perTaskMs).toFixed(2)}) | ${growth.toFixed(2)} | ≈ 1 | ${ok(growth <= 1.25 && last.memory.perTaskMs / first.memory.perTaskMs <= 1.25)} |`,
      ];
    }
    case 'cold-start':
      return [
        `| Cold start of dist/index.js to the first AWS request (${result.firstRequest}) | ${result.firstRequestMs} ms (bare node ${result.bareNodeMs} ms) | — | |`,
      ];
    default:
      return [];
  }
}

const only = process.argv.slice(2);
const selected = SCRIPTS.filter((s) => only.length === 0 || only.includes(s));
const file = join(ROOT, 'bench/results/latest.json');
// Timings depend on what else the machine runs: the load average is recorded with them.
const loadAtStart = loadavg().map((l) => Number(l.toFixed(2)));
// Keep earlier figures of scripts not re-run this time.
const saved = JSON.parse(await readFile(file, 'utf8').catch(() => '{"figures":{}}')) as {
  figures: Record<string, { at: string; result: unknown }>;
};
for (const name of selected) {
  const t0 = Date.now();
  process.stdout.write(`running bench/${name}.ts …`);
  const result = await runScript<unknown>(`bench/${name}.ts`, [], {
    env: process.env.BENCH_RUNS ? { BENCH_RUNS: process.env.BENCH_RUNS } : {},
  });
  saved.figures[name] = { at: new Date().toISOString(), result };
  process.stdout.write(` ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' }).trim();
const host = {
  ...machine(),
  nproc: sh('nproc', []),
  free: sh('free', ['-h']),
  loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((l) => Number(l.toFixed(2))) },
  cpuModel: /model name\s*:\s*(.*)/.exec(await readFile('/proc/cpuinfo', 'utf8'))?.[1] ?? machine().cpuModel,
};
await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), machine: host, figures: saved.figures }, null, 2)}\n`);

const lines = ['| Figure | Measured | Goal | |', '| --- | --- | --- | --- |'];
for (const name of SCRIPTS) if (saved.figures[name]) lines.push(...summarise(name, saved.figures[name]!.result));
process.stdout.write(
  `\n${new Date().toISOString().slice(0, 10)} · Node ${host.node} · ${host.nproc} CPUs (${host.cpuModel}) · ${host.memoryGiB} GiB · load ${host.loadAverage.atStart[0]} → ${host.loadAverage.atEnd[0]}\n\n${lines.join('\n')}\n\nSaved to bench/results/latest.json\n`,
);
