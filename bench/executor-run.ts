// One run of the executor over N no-op tasks, in its own process. argv: tasks variant
//   full     runExecution on a LocalObjectStore in a temp dir (lease, manifest checkpoints, result batches)
//   memory   executeGraph on an in-memory journal: the scheduler alone
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExecution } from '../src/operations/run-execution.js';
import { systemClock } from '../src/primitives/clock.js';
import { executeGraph } from '../src/executor/execute.js';
import { taskId, type TaskDefinition } from '../src/executor/types.js';
import { LocalObjectStore } from '../src/state/local-store.js';
import { StateStore } from '../src/state/state-store.js';
import { createMemoryJournal } from '../test/support/memory-journal.js';
import { emit, round } from './support/harness.js';

const [tasksArg = '1000', variant = 'full'] = process.argv.slice(2);
const n = Number(tasksArg);
/** Chains of this many independent lanes: task i waits for task i − LANES, so dependencies are exercised without a fan-in. */
const LANES = 100;

function graph(count: number): TaskDefinition[] {
  return Array.from({ length: count }, (_, i) => ({
    id: taskId('noop', String(i)),
    type: 'noop',
    ...(i >= LANES ? { dependsOn: [taskId('noop', String(i - LANES))] } : {}),
    run: async () => null,
  }));
}

const dir = await mkdtemp(join(tmpdir(), 'finops-bench-exec-'));
try {
  const store = new StateStore(new LocalObjectStore(dir));
  const tasks = graph(n);
  const t0 = performance.now();
  let status: string;
  let checkpoints = 0;
  let resultBatches = 0;
  if (variant === 'full') {
    const run = await runExecution({
      store,
      accountId: '123456789012',
      holder: 'bench',
      clock: systemClock,
      tasks: () => tasks,
      trigger: { event: 'cli' },
      resumeWindowMs: 3_600_000,
      maxConcurrentTasks: 4,
    });
    [status, checkpoints, resultBatches] = [run.outcome.status, run.checkpoints, run.manifest.resultBatches?.length ?? 0];
  } else {
    status = (await executeGraph({ tasks, journal: createMemoryJournal(), maxConcurrentTasks: 4, clock: systemClock })).status;
  }
  const wallMs = performance.now() - t0;
  emit(`executor ${n} ${variant}`, [], {
    tasks: n,
    variant,
    status,
    checkpoints,
    resultBatches,
    wallMs: round(wallMs, 0),
    perTaskMs: round(wallMs / n, 3),
    maxRssMB: round(process.resourceUsage().maxRSS / 1024, 0),
  });
} finally {
  await rm(dir, { recursive: true, force: true });
}
