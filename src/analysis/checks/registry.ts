import { awsComputeOptimizer } from '../advice/aws-compute-optimizer.js';
import { costSpike } from './cost-spike.js';
import { ebsGp2ToGp3 } from './ebs-gp2-to-gp3.js';
import { ebsSnapshotOld } from './ebs-snapshot-old.js';
import { ebsUnattached } from './ebs-unattached.js';
import { ec2Idle } from './ec2-idle.js';
import { ec2PreviousGeneration } from './ec2-previous-generation.js';
import { ec2StoppedLong } from './ec2-stopped-long.js';
import { ec2Underutilised } from './ec2-underutilised.js';
import { eipUnassociated } from './eip-unassociated.js';
import { elbIdle } from './elb-idle.js';
import { natIdle } from './nat-idle.js';
import { rdsIdle } from './rds-idle.js';
import type { AccountCheck, CheckDefinition, ParamSpecs, RegionCheck } from './types.js';

/** Every check, in report order. Ids are stable: configs, baselines and PR comments key on them. */
export const CHECKS: readonly CheckDefinition[] = [
  ebsUnattached,
  ebsGp2ToGp3,
  ebsSnapshotOld,
  eipUnassociated,
  ec2Idle,
  ec2Underutilised,
  ec2StoppedLong,
  ec2PreviousGeneration,
  natIdle,
  elbIdle,
  rdsIdle,
  costSpike,
  // AWS's own advice: planned by the graph as its own tasks, neither a region nor an account check.
  awsComputeOptimizer,
] as unknown as readonly CheckDefinition[];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

export function getCheck(id: string): CheckDefinition | undefined {
  return CHECKS.find((c) => c.id === id);
}

export function isRegionCheck(check: CheckDefinition): check is RegionCheck<ParamSpecs> {
  return check.scope === 'region';
}

export function isAccountCheck(check: CheckDefinition): check is AccountCheck<ParamSpecs> {
  return check.scope === 'account';
}
