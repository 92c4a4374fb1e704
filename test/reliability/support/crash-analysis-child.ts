// One run of the full demo analysis, for the crash suite to kill: on a local state directory, or
// on a bucket of the S3 test server when the environment names one (then stateDir is unused).
// argv: stateDir logFile resultFile. With a kill point in the environment it halts at that step
// (0: the executor's start; n: the n-th taskStarted or taskSucceeded event) until it is killed.
import { appendFileSync, writeFileSync } from 'node:fs';
import { StateStore } from '../../../src/state/state-store.js';
import { analyse } from '../../../src/operations/analyse.js';
import { defaultChecksConfig } from '../../../src/analysis/config.js';
import { DEMO_ACCOUNT_ID, DEMO_REGIONS } from '../../../src/demo/index.js';
import { childObjectStore } from '../../support/crash-store.js';
import { killPointFromEnv } from '../../support/kill-point.js';
import { demoClock } from '../../support/shifted-clock.js';
import { slowDemoAdapters } from './slow-demo.js';

const [stateDir, logFile, resultFile] = process.argv.slice(2) as [string, string, string];
const step = killPointFromEnv();
// A killed run leaves its lock files (on a directory) and lease behind: take them over quickly.
const store = new StateStore(childObjectStore(stateDir, 500));
const result = await analyse(
  {
    store,
    clock: demoClock,
    target: { accountId: DEMO_ACCOUNT_ID, adapters: slowDemoAdapters(4) },
    holder: `crash-${process.pid}`,
    // The executor calls listeners synchronously: a halt here stops the run at this very event.
    onEvent: (event) => {
      if (event.type === 'executionStarted') step(event.type);
      if (event.type === 'taskStarted' || event.type === 'taskSucceeded') {
        appendFileSync(logFile, `${event.type} ${event.taskId}\n`);
        step(`${event.type} ${event.taskId}`);
      }
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
