// Figure 3: CloudWatch GetMetricData requests per region against the metric queries the checks
// need (goal ⌈queries / 500⌉ per region), for synthetic accounts of growing size. Requests are
// counted at the SDK under the real CloudWatch adapter (see support/cw-stub.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricsResult } from '../src/analysis/metrics/types.js';
import { DEMO_NOW } from '../src/demo/index.js';
import { LocalObjectStore } from '../src/state/local-store.js';
import { StateStore } from '../src/state/state-store.js';
import { runAnalysis } from './support/analysis.js';
import { stubbedCloudWatch } from './support/cw-stub.js';
import { shiftedClock } from '../test/support/shifted-clock.js';
import { emit, isMain } from './support/harness.js';
import { createSyntheticAdapters, SYNTHETIC_ACCOUNT_ID, SYNTHETIC_REGIONS } from './support/synthetic-account.js';

export const SIZES = [10, 1000, 2000, 5000];

export async function measure(instances: number) {
  const dir = await mkdtemp(join(tmpdir(), 'finops-bench-cw-'));
  try {
    const clock = shiftedClock(DEMO_NOW.getTime());
    const stubs = new Map(SYNTHETIC_REGIONS.map((r) => [r, stubbedCloudWatch(r)]));
    const adapters = {
      ...createSyntheticAdapters({ instances, now: DEMO_NOW }),
      cloudwatch: (r: string) => stubs.get(r as (typeof SYNTHETIC_REGIONS)[number])!.port,
    };
    const result = await runAnalysis({
      store: new StateStore(new LocalObjectStore(dir), { clock }),
      adapters,
      accountId: SYNTHETIC_ACCOUNT_ID,
      regions: SYNTHETIC_REGIONS,
      clock,
    });
    return SYNTHETIC_REGIONS.map((region) => {
      const metrics = result.outcome.results.get(`metrics:${region}`) as MetricsResult | undefined;
      const queries = metrics?.queries ?? 0;
      const requests = stubs.get(region)!.calls.length;
      return {
        instances,
        region,
        queries,
        requests,
        goal: Math.ceil(queries / 500),
        series: Object.keys(metrics?.series ?? {}).length,
        status: result.manifest.status,
      };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const rows = [];
  for (const size of SIZES) rows.push(...(await measure(size)));
  emit(
    'CloudWatch requests vs instances',
    rows.map(
      (r) =>
        `${String(r.instances).padStart(5)} instances  ${r.region.padEnd(15)} queries ${String(r.queries).padStart(5)}  requests ${r.requests} (goal ${r.goal})  series ${r.series}  ${r.status}`,
    ),
    rows,
  );
}
