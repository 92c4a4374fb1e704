// One run of the full demo analysis on a local state directory, for the crash suite to kill.
// argv: stateDir logFile resultFile
import { appendFileSync, writeFileSync } from 'node:fs';
import { LocalObjectStore } from '../../../src/state/local-store.js';
import { StateStore } from '../../../src/state/state-store.js';
import { analyse } from '../../../src/operations/analyse.js';
import { defaultChecksConfig } from '../../../src/analysis/config.js';
import { DEMO_ACCOUNT_ID, DEMO_REGIONS } from '../../../src/demo/index.js';
import { demoClock } from '../../support/shifted-clock.js';
import { slowDemoAdapters } from './slow-demo.js';

const [stateDir, logFile, resultFile] = process.argv.slice(2) as [string, string, string];
// A killed run leaves its lock files and lease behind: take them over quickly.
const store = new StateStore(new LocalObjectStore(stateDir, { staleLockMs: 500 }));
const result = await analyse(
  {
    store,
    clock: demoClock,
    target: { accountId: DEMO_ACCOUNT_ID, adapters: slowDemoAdapters(4) },
    holder: `crash-${process.pid}`,
    onEvent: (event) => {
      if (event.type === 'taskStarted' || event.type === 'taskSucceeded') appendFileSync(logFile, `${event.type} ${event.taskId}\n`);
    },
  },
  {
    settings: {
      regions: [...DEMO_REGIONS],
      costMetric: 'UnblendedCost',
      maxConcurrentTasks: 4,
      taskTimeoutMs: 60_000,
      timeBudgetMs: 600_000,
      resumeWindowMs: 3_600_000,
      leaseWaitMs: 10_000,
    },
    checks: defaultChecksConfig(),
    trigger: { event: 'schedule' },
    leaseTtlMs: 500,
  },
);
const { report } = result;
writeFileSync(
  resultFile,
  JSON.stringify({
    executionId: report.executionId,
    status: report.status,
    content: { costs: report.costs, findings: report.findings, savings: report.potentialMonthlySavings, gaps: report.gaps },
  }),
);
