// One full analysis with injected latency on every AWS port call, in its own process so its
// peak RSS is its own. argv: size (`demo` or a number of instances) concurrency latencyMs
// Prints wall time, the critical-path bound for the same calls, and maxRSS at exit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoAdapters, DEMO_ACCOUNT_ID, DEMO_NOW, DEMO_REGIONS } from '../src/demo/index.js';
import { LocalObjectStore } from '../src/state/local-store.js';
import { StateStore } from '../src/state/state-store.js';
import { runAnalysis } from './support/analysis.js';
import { computeBound } from './support/critical-path.js';
import { shiftedClock } from '../test/support/shifted-clock.js';
import { emit, round } from './support/harness.js';
import { instrumentAdapters } from './support/instrument.js';
import { createSyntheticAdapters, SYNTHETIC_ACCOUNT_ID, SYNTHETIC_REGIONS } from './support/synthetic-account.js';

const [size = 'demo', concurrencyArg = '4', latencyArg = '100'] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const latencyMs = Number(latencyArg);

const account =
  size === 'demo'
    ? { adapters: createDemoAdapters({ now: DEMO_NOW }), accountId: DEMO_ACCOUNT_ID, regions: [...DEMO_REGIONS] }
    : {
        adapters: createSyntheticAdapters({ instances: Number(size), now: DEMO_NOW }),
        accountId: SYNTHETIC_ACCOUNT_ID,
        regions: [...SYNTHETIC_REGIONS],
      };
const instrumented = instrumentAdapters(account.adapters, { latencyMs });
const dir = await mkdtemp(join(tmpdir(), 'finops-bench-latency-'));
const timeline: Record<string, { start: number; end?: number }> = {};
try {
  const clock = shiftedClock(DEMO_NOW.getTime());
  const store = new StateStore(new LocalObjectStore(dir), { clock });
  const t0 = performance.now();
  const result = await runAnalysis({
    store,
    adapters: instrumented.adapters,
    accountId: account.accountId,
    regions: account.regions,
    clock,
    maxConcurrentTasks: concurrency,
    onEvent: (e) => {
      if (e.type === 'taskStarted') timeline[e.taskId] ??= { start: round(performance.now() - t0, 0) };
      if (e.type === 'taskSucceeded' || e.type === 'taskFailed') timeline[e.taskId]!.end = round(performance.now() - t0, 0);
    },
  });
  const wallMs = performance.now() - t0;
  const nodes = Object.values(result.manifest.tasks).map((t) => ({
    id: t.id,
    dependsOn: t.dependsOn ?? [],
    optionalDependsOn: t.optionalDependsOn ?? [],
  }));
  const bound = computeBound(nodes, instrumented.calls, latencyMs, concurrency);
  emit(`latency run ${size} ×${concurrency}`, [], {
    size,
    concurrency,
    latencyMs,
    status: result.manifest.status,
    tasks: nodes.length,
    calls: instrumented.calls.length,
    wallMs: round(wallMs, 0),
    ...bound,
    ratio: latencyMs > 0 ? round(wallMs / bound.boundMs, 2) : null,
    findings: result.report.findings.length,
    maxRssMB: round(process.resourceUsage().maxRSS / 1024, 0),
    timeline,
  });
} finally {
  await rm(dir, { recursive: true, force: true });
}
