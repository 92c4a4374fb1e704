import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsAdapters } from '../../src/aws/adapters.js';
import { createDemoAdapters, DEMO_NOW } from '../../src/demo/index.js';
import { renderSummaryMarkdown } from '../../src/report/markdown.js';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { startFakeAws, type FakeAws } from '../support/fake-aws/index.js';
import { STATIC_CREDENTIALS, useFakeAwsEndpoint } from '../support/fake-aws/sdk-env.js';
import { demoClock } from '../support/shifted-clock.js';
import { reportContent, runDemoAnalysis } from './support/demo-analysis.js';

// The real SDK adapters against a fake AWS on loopback serving the demo account: faults arrive
// as real throttling and 5xx answers, so the SDK's own retries and the executor's both act.
describe('faults: throttling, 5xx and a service down for the whole run', () => {
  let fake: FakeAws;
  let restore: () => void;
  let base: string;
  let reference: Awaited<ReturnType<typeof runDemoAnalysis>>;

  const run = async (name: string) => {
    const store = new StateStore(new LocalObjectStore(join(base, name)));
    return runDemoAnalysis(store, { adapters: createAwsAdapters({ region: 'us-east-1', credentials: STATIC_CREDENTIALS }) });
  };

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'finops-faults-'));
    fake = await startFakeAws({ data: createDemoAdapters({ now: DEMO_NOW }), now: demoClock.now });
    restore = useFakeAwsEndpoint(fake.endpoint);
    reference = await run('reference');
  });

  afterAll(async () => {
    restore?.();
    await fake?.stop();
    await rm(base, { recursive: true, force: true });
  });

  it('the fault-free run through the wire is the demo analysis', async () => {
    expect(reference.manifest.status).toBe('completed');
    expect(reportContent(reference)).toEqual(
      reportContent(await runDemoAnalysis(new StateStore(new LocalObjectStore(join(base, 'direct'))))),
    );
  });

  it.each([{ seed: 1 }, { seed: 2 }, { seed: 3 }])(
    '30% of requests throttled or 503 (seed $seed): the same findings and costs as a fault-free run',
    async ({ seed }) => {
      fake.setFaults({ throttleRate: 0.3, seed });
      const before = fake.requests.length;
      try {
        const result = await run(`throttled-${seed}`);
        const faults = fake.requests.slice(before).filter((r) => r.fault === 'throttled').length;
        expect(faults).toBeGreaterThan(10);
        const failed = Object.values(result.manifest.tasks)
          .filter((t) => t.status !== 'succeeded')
          .map((t) => `${t.id}: ${t.status} after ${t.attempts}: ${t.error?.message ?? t.skipReason}`);
        // Throttled or not, the demo account is not enrolled in Compute Optimizer in eu-west-1.
        expect(failed).toEqual([
          expect.stringMatching(/^compute-optimizer:eu-west-1: skipped after \d+: Compute Optimizer: not enrolled$/),
        ]);
        expect(result.manifest.status).toBe('completed');
        expect(reportContent(result)).toEqual(reportContent(reference));
      } finally {
        fake.setFaults({});
      }
    },
  );

  it('Cost Explorer down for the whole run: its breaker opens, the rest completes, the report marks the gap and the status says so', async () => {
    fake.setFaults({ downServices: ['ce'] });
    try {
      const result = await run('ce-down');
      const { report, manifest } = result;
      expect(manifest.breakers['aws:ce']?.state).toBe('open');
      expect(report.status).toBe('failed');
      expect(report.costs).toBeNull();
      // Every region's inventory, metrics and checks still ran: the resource findings are all there.
      const resourceFindings = (r: typeof report) => r.findings.filter((f) => f.check !== 'cost-spike');
      expect(resourceFindings(report)).toEqual(resourceFindings(reference.report));
      const gaps = report.gaps.map((g) => g.taskId);
      expect(gaps).toEqual(expect.arrayContaining(['cost-daily', 'cost-analysis']));
      // The four Cost Explorer tasks start together, so the breaker opens as the third fails;
      // it is recorded for the next run, which skips them until the recovery time.
      expect(report.breakers['aws:ce']).toMatchObject({ state: 'open' });
      expect(renderSummaryMarkdown(report)).toMatch(/aws:ce.*open/);
      expect(report.tasks.filter((t) => t.id.startsWith('checks:')).every((t) => t.status === 'succeeded')).toBe(true);
    } finally {
      fake.setFaults({});
    }
  });
});
