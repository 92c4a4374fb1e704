import { defaultChecksConfig } from '../../src/analysis/config.js';
import type { AwsAdapters } from '../../src/aws/ports/index.js';
import { analyse, type AnalyseResult } from '../../src/operations/analyse.js';
import type { Clock } from '../../src/primitives/clock.js';
import type { ExecutorEventListener } from '../../src/executor/events.js';
import type { StateStore } from '../../src/state/state-store.js';

export interface BenchAnalysisOptions {
  store: StateStore;
  adapters: AwsAdapters;
  accountId: string;
  regions: readonly string[];
  clock: Clock;
  /** @default 4 (the action's default) */
  maxConcurrentTasks?: number;
  /** The `tag-key` input (by-tag breakdown). @default none, as in the action */
  tagKey?: string;
  onEvent?: ExecutorEventListener;
}

/**
 * One full analysis the way the action's `run` command does it (engine `analyse()`: lease,
 * execution, task graph, report, baseline), with the action's defaults: every check, no tag key, 300 s
 * task timeout, 20 min budget, a scheduled trigger.
 */
export function runAnalysis(options: BenchAnalysisOptions): Promise<AnalyseResult> {
  return analyse(
    {
      store: options.store,
      clock: options.clock,
      target: { accountId: options.accountId, adapters: options.adapters },
      holder: `bench-${process.pid}`,
      onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
      onEvent: options.onEvent,
    },
    {
      settings: {
        regions: [...options.regions],
        costMetric: 'UnblendedCost',
        tagKey: options.tagKey,
        maxConcurrentTasks: options.maxConcurrentTasks ?? 4,
        taskTimeoutMs: 300_000,
        timeBudgetMs: 20 * 60_000,
        resumeWindowMs: 24 * 3_600_000,
        leaseWaitMs: 0,
      },
      checks: defaultChecksConfig(),
      trigger: { event: 'schedule' },
    },
  );
}
