import { defaultChecksConfig } from '../../../src/analysis/config.js';
import type { AwsAdapters } from '../../../src/aws/ports/index.js';
import { createDemoAdapters, DEMO_ACCOUNT_ID, DEMO_NOW, DEMO_REGIONS } from '../../../src/demo/index.js';
import { analyse, type AnalyseResult } from '../../../src/operations/analyse.js';
import { demoClock } from '../../support/shifted-clock.js';
import type { StateStore } from '../../../src/state/state-store.js';

export const ACCOUNT = DEMO_ACCOUNT_ID;

/** A full analysis of the demo account on `store`, as the action runs it (warnings collected). */
export async function runDemoAnalysis(
  store: StateStore,
  options: { adapters?: AwsAdapters; warnings?: string[]; timeBudgetMs?: number; event?: string; holder?: string } = {},
): Promise<AnalyseResult> {
  return analyse(
    {
      store,
      clock: demoClock,
      target: { accountId: ACCOUNT, adapters: options.adapters ?? createDemoAdapters({ now: DEMO_NOW }) },
      holder: options.holder ?? `test-${process.pid}`,
      ...(options.warnings ? { onWarning: (m: string) => options.warnings?.push(m) } : {}),
    },
    {
      settings: {
        regions: [...DEMO_REGIONS],
        costMetric: 'UnblendedCost',
        maxConcurrentTasks: 4,
        taskTimeoutMs: 60_000,
        timeBudgetMs: options.timeBudgetMs ?? 600_000,
        resumeWindowMs: 24 * 3_600_000,
        leaseWaitMs: 0,
      },
      checks: defaultChecksConfig(),
      trigger: { event: options.event ?? 'schedule' },
    },
  );
}

/** Comparable content of a report: what a user reads, without ids and times. */
export function reportContent(result: AnalyseResult) {
  const { report } = result;
  return { costs: report.costs, findings: report.findings, savings: report.potentialMonthlySavings, gaps: report.gaps };
}
