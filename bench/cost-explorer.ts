// Figure 1: Cost Explorer requests of a cold and a warm run (goal ≤ 4 / ≤ 2). Each request
// costs $0.01, so these are counted at the SDK (one `send` = one HTTP request, pages included)
// under the real adapter, for full analyses of the demo account sharing one state store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoAdapters, DEMO_ACCOUNT_ID, DEMO_NOW, DEMO_REGIONS, demoCostExplorer } from '../src/demo/index.js';
import { LocalObjectStore } from '../src/state/local-store.js';
import { StateStore } from '../src/state/state-store.js';
import { runAnalysis } from './support/analysis.js';
import { stubbedCostExplorer } from './support/ce-stub.js';
import { shiftedClock } from '../test/support/shifted-clock.js';
import { emit, isMain } from './support/harness.js';
import { byCommand } from './support/sdk-stub.js';

export const GOALS = { cold: 4, warm: 2 };
const HOUR = 3_600_000;

/** Runs after the cold one: 2 h later (same day: the warm case) and 24 h later (anomaly cache expired). */
const LATER = [
  { name: 'warm (+2 h)', afterMs: 2 * HOUR, goal: GOALS.warm },
  { name: 'next day (+24 h)', afterMs: 22 * HOUR, goal: undefined },
];

/** Cold, warm and next-day runs on one store; `tagKey` adds the by-tag breakdown (the `tag-key` input). */
export async function measure(tagKey?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'finops-bench-ce-'));
  try {
    const clock = shiftedClock(DEMO_NOW.getTime());
    const store = new StateStore(new LocalObjectStore(dir), { clock });
    const ce = stubbedCostExplorer(demoCostExplorer(DEMO_NOW));
    const adapters = { ...createDemoAdapters({ now: DEMO_NOW }), costExplorer: ce.port };
    const runs = [];
    for (const step of [{ name: 'cold', afterMs: 0, goal: GOALS.cold }, ...LATER]) {
      clock.advance(step.afterMs);
      const before = ce.calls.length;
      const result = await runAnalysis({
        store,
        adapters,
        accountId: DEMO_ACCOUNT_ID,
        regions: DEMO_REGIONS,
        clock,
        ...(tagKey ? { tagKey } : {}),
      });
      const calls = ce.calls.slice(before);
      runs.push({
        run: step.name,
        tagKey: tagKey ?? null,
        requests: calls.length,
        goal: step.goal ?? null,
        byCommand: byCommand(calls),
        status: result.manifest.status,
        gaps: result.report.gaps,
      });
    }
    return runs;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  // Without a tag key (the action's default), then with one: both are supported configurations.
  const runs = [...(await measure()), ...(await measure('team'))];
  emit(
    'Cost Explorer requests',
    runs.map(
      (r) =>
        `${r.run.padEnd(18)} tag-key ${(r.tagKey ?? '-').padEnd(5)} ${String(r.requests).padStart(2)} requests${r.goal === null ? '' : ` (goal ≤ ${r.goal})`}  ${JSON.stringify(r.byCommand)}  status ${r.status}${r.gaps.length ? ` gaps ${JSON.stringify(r.gaps)}` : ''}`,
    ),
    runs,
  );
}
