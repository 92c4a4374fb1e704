import { ANALYSIS_TASK_ID, buildAnalysisGraph } from '../../src/analysis/graph.js';
import type { AnalysisResult } from '../../src/records/analysis.js';
import type { AwsAdapters } from '../../src/aws/ports/index.js';
import { executeGraph } from '../../src/executor/execute.js';
import { memoryCache } from '../../src/state/cache.js';
import { createMemoryJournal } from '../support/memory-journal.js';
import { shiftedClock } from '../support/shifted-clock.js';
import { ACCOUNT } from './harness.js';

/**
 * What the analysis finds when it reads `data` directly, in process, for an execution
 * created at `createdAt`: the yardstick for what the bundled action found through the wire.
 */
export async function analyseDirectly(data: AwsAdapters, createdAt: string, regions: string[]): Promise<AnalysisResult> {
  const tasks = buildAnalysisGraph({ accountId: ACCOUNT, regions, adapters: data, cache: memoryCache(), now: new Date(createdAt) });
  const outcome = await executeGraph({ tasks, journal: createMemoryJournal(), clock: shiftedClock(Date.parse(createdAt)) });
  if (outcome.status !== 'completed') throw new Error(`direct analysis ended ${outcome.status}`);
  return outcome.results.get(ANALYSIS_TASK_ID) as AnalysisResult;
}

/**
 * `check|resource|region → saving and evidence`: the identity of a finding, its value and what
 * it was measured from (so a metric read wrong shows even where the finding stays).
 */
export function findingIndex(
  findings: ReadonlyArray<{ check: string; resourceId: string; region: string; estimatedMonthlySavings: number; evidence: unknown }>,
): Record<string, { saving: number; evidence: unknown }> {
  return Object.fromEntries(
    findings.map((f) => [`${f.check}|${f.resourceId}|${f.region}`, { saving: f.estimatedMonthlySavings, evidence: f.evidence }]),
  );
}
