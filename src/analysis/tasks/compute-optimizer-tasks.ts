import type { AwsAdapters } from '../../aws/ports/index.js';
import { taskId, type TaskDefinition } from '../../executor/types.js';
import { adviceFindings, AWS_COMPUTE_OPTIMIZER, type ComputeOptimizerParams } from '../advice/aws-compute-optimizer.js';
import type { ChecksResult } from './checks-result.js';

/** Task type of `compute-optimizer:{region}`; the `analysis` task gathers its findings with the checks'. */
export const COMPUTE_OPTIMIZER_TASK_TYPE = 'compute-optimizer';

/** Breaker of the Compute Optimizer API, shared by the regions' tasks (as `aws:ce` is by Cost Explorer's). */
export const COMPUTE_OPTIMIZER_BREAKER = 'aws:compute-optimizer';

/** Result of a `compute-optimizer:{region}` task: a checks result, with what was read and left out. */
export interface ComputeOptimizerResult extends ChecksResult {
  /** Recommendations each listing returned, before they were filtered into findings. */
  read: { ec2Instances: number; ebsVolumes: number; idle: number };
  /** Recommendations left out for a reason to see (a saving not in USD), and API errors. */
  warnings: string[];
}

/**
 * One `compute-optimizer:{region}` task per region when the check is enabled and the account
 * source has Compute Optimizer. The task needs no other task: it reads AWS's advice, not our
 * inventory. A region whose account is not enrolled ends skipped ("Compute Optimizer: not
 * enrolled"), which the report lists as a gap.
 */
export function computeOptimizerTasks(
  regions: readonly string[],
  adapters: AwsAdapters,
  settings: { enabled: boolean; params: Record<string, number | string[]> } | undefined,
): TaskDefinition<ComputeOptimizerResult>[] {
  if (!settings?.enabled || !adapters.computeOptimizer) return [];
  const params = settings.params as ComputeOptimizerParams;
  return regions.map((region) => ({
    id: taskId(COMPUTE_OPTIMIZER_TASK_TYPE, region),
    type: COMPUTE_OPTIMIZER_TASK_TYPE,
    breakerKeys: [COMPUTE_OPTIMIZER_BREAKER],
    run: async (ctx) => {
      const port = adapters.computeOptimizer!(region);
      // One listing after the other: a region that is not enrolled costs one request, and the
      // API's low request rate is not spent three times at once.
      const ec2 = await port.ec2InstanceRecommendations({ findings: ['Overprovisioned'] }, ctx.signal);
      const ebs = await port.ebsVolumeRecommendations({ findings: ['NotOptimized'] }, ctx.signal);
      const idle = await port.idleRecommendations(ctx.signal);
      const { findings, warnings } = adviceFindings(region, { ec2, ebs, idle }, params);
      return {
        region,
        findings,
        ran: [AWS_COMPUTE_OPTIMIZER],
        notRun: [],
        read: { ec2Instances: ec2.recommendations.length, ebsVolumes: ebs.recommendations.length, idle: idle.recommendations.length },
        warnings,
      };
    },
  }));
}
