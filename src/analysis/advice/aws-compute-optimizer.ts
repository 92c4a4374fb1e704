import type {
  AdviceListing,
  AdviceSavings,
  EbsVolumeRecommendation,
  Ec2InstanceRecommendation,
  IdleRecommendation,
  VolumeConfiguration,
} from '../../aws/ports/index.js';
import type { Finding } from '../../records/report.js';
import { roundUsd } from '../../primitives/money.js';
import { label, severityFor } from '../checks/helpers.js';
import { param, type ParamSpecs, type ParamValues } from '../checks/types.js';

/**
 * A check whose findings are AWS's own advice, read by its own task per region rather than
 * computed from inventory, metrics and prices: the graph plans it apart from the region and
 * account checks, and config, the `checks` input and the savings total treat it like any check.
 */
export interface AdviceCheck<S extends ParamSpecs = ParamSpecs> {
  id: string;
  scope: 'aws-advice';
  description: string;
  params: S;
  countsTowardSavings: boolean;
}

export const AWS_COMPUTE_OPTIMIZER = 'aws-compute-optimizer';

/** AWS Compute Optimizer's EC2 rightsizing, EBS volume and idle-resource advice. */
export const awsComputeOptimizer = {
  id: AWS_COMPUTE_OPTIMIZER,
  scope: 'aws-advice',
  description:
    'AWS Compute Optimizer advice: over-provisioned EC2 instances, EBS volumes to reconfigure, idle resources (skipped where the account is not enrolled)',
  params: {
    minMonthlySavingsUsd: param.number(0, 0, 1_000_000, 'monthly saving in USD a recommendation must exceed to be reported'),
  },
  countsTowardSavings: true,
} as const satisfies AdviceCheck;

export type ComputeOptimizerParams = ParamValues<typeof awsComputeOptimizer.params>;

/** What one region's listings turn into. */
export interface AdviceOutcome {
  findings: Finding[];
  /** Recommendations left out for a reason the user should see (a saving not in USD, an API error). */
  warnings: string[];
}

/** Compute Optimizer's types of idle resources: ours where we have one, and how titles name them. */
const IDLE_TYPES: Readonly<Record<string, [resourceType: string, name: string]>> = {
  EC2Instance: ['ec2-instance', 'EC2 instance'],
  EBSVolume: ['ebs-volume', 'EBS volume'],
  RDSDBInstance: ['rds-instance', 'RDS instance'],
  NatGateway: ['nat-gateway', 'NAT gateway'],
  AutoScalingGroup: ['auto-scaling-group', 'Auto Scaling group'],
  ECSService: ['ecs-service', 'ECS service'],
  DocumentDBCluster: ['documentdb-cluster', 'DocumentDB cluster'],
  DynamoDBTable: ['dynamodb-table', 'DynamoDB table'],
  ElastiCacheCluster: ['elasticache-cluster', 'ElastiCache cluster'],
  MemoryDBCluster: ['memorydb-cluster', 'MemoryDB cluster'],
  SageMakerEndpoint: ['sagemaker-endpoint', 'SageMaker endpoint'],
  WorkSpaces: ['workspace', 'WorkSpace'],
};

type Usd = { usd: number; evidence: Finding['evidence'] };

/**
 * The saving a finding carries: `savingsOpportunity` (public on-demand prices), the basis every
 * other check's saving has, so overlapping findings compare like with like. The after-discounts
 * figure goes into the evidence. A saving in another currency is never converted: the
 * recommendation is left out with a warning.
 */
function usdSaving(savings: AdviceSavings, what: string, params: ComputeOptimizerParams, warnings: string[]): Usd | null {
  const s = savings.listPrice;
  if (!s) return null;
  if (s.currency !== 'USD') {
    warnings.push(`${what}: saving of ${s.value} ${s.currency || '(no currency)'} is not in USD; left out, never converted`);
    return null;
  }
  if (!(s.value > params.minMonthlySavingsUsd)) return null;
  const after = savings.afterDiscounts;
  return {
    usd: roundUsd(s.value),
    evidence: {
      savingsValue: s.value,
      savingsCurrency: s.currency,
      savingsPercent: s.percent,
      savingsAfterDiscountsValue: after?.value ?? null,
      savingsAfterDiscountsCurrency: after?.currency ?? null,
    },
  };
}

/** Compute Optimizer's best option: rank 1 (options without a rank last, AWS's order otherwise). */
function topRanked<T extends { rank: number | null }>(options: readonly T[]): T | undefined {
  return [...options].sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY))[0];
}

function finding(base: Omit<Finding, 'check' | 'severity' | 'estimatedMonthlySavings'>, saving: Usd, common: Finding['evidence']): Finding {
  return {
    check: AWS_COMPUTE_OPTIMIZER,
    ...base,
    evidence: { source: 'AWS Compute Optimizer', ...base.evidence, ...common, ...saving.evidence },
    estimatedMonthlySavings: saving.usd,
    severity: severityFor(saving.usd),
  };
}

const common = (r: { finding: string; lookBackPeriodInDays: number | null; lastRefreshTimestamp: string | null }) => ({
  finding: r.finding,
  lookbackDays: r.lookBackPeriodInDays,
  lastRefreshed: r.lastRefreshTimestamp,
});

function rightsizing(region: string, r: Ec2InstanceRecommendation, params: ComputeOptimizerParams, warnings: string[]): Finding[] {
  if (r.finding !== 'Overprovisioned') return [];
  const top = topRanked(r.options);
  const saving = top && usdSaving(top, `${r.instanceId} (rightsizing to ${top.instanceType})`, params, warnings);
  if (!top || !saving) return [];
  const name = label(r.instanceId, r.instanceName);
  return [
    finding(
      {
        resourceId: r.instanceId,
        resourceType: 'ec2-instance',
        region,
        title: `Over-provisioned ${r.currentInstanceType} instance ${name}: Compute Optimizer suggests ${top.instanceType}`,
        evidence: {
          findingReasonCodes: r.findingReasonCodes.join(', '),
          currentType: r.currentInstanceType,
          recommendedType: top.instanceType,
          optionRank: top.rank,
          performanceRisk: top.performanceRisk,
          migrationEffort: top.migrationEffort,
        },
        recommendation: `Change the instance type to ${top.instanceType} (stop, change type, start), Compute Optimizer's top-ranked option; check the migration effort first.`,
      },
      saving,
      common(r),
    ),
  ];
}

const describeVolume = (c: VolumeConfiguration) =>
  [c.volumeType, c.sizeGiB === null ? null : `${c.sizeGiB} GiB`].filter((p) => p !== null).join(', ');

function volume(region: string, r: EbsVolumeRecommendation, params: ComputeOptimizerParams, warnings: string[]): Finding[] {
  if (r.finding !== 'NotOptimized') return [];
  const top = topRanked(r.options);
  const saving = top && usdSaving(top, `${r.volumeId} (volume configuration)`, params, warnings);
  if (!top || !saving) return [];
  const to = top.configuration;
  return [
    finding(
      {
        resourceId: r.volumeId,
        resourceType: 'ebs-volume',
        region,
        title: `Not optimised ${r.current.volumeType ?? 'EBS'} volume ${label(r.volumeId, r.name)}: Compute Optimizer suggests ${describeVolume(to)}`,
        evidence: {
          currentVolumeType: r.current.volumeType,
          currentSizeGiB: r.current.sizeGiB,
          currentBaselineIops: r.current.baselineIops,
          currentBaselineThroughputMiBps: r.current.baselineThroughputMiBps,
          recommendedVolumeType: to.volumeType,
          recommendedSizeGiB: to.sizeGiB,
          recommendedBaselineIops: to.baselineIops,
          recommendedBaselineThroughputMiBps: to.baselineThroughputMiBps,
          optionRank: top.rank,
          performanceRisk: top.performanceRisk,
        },
        recommendation: `Modify the volume to ${describeVolume(to)} (Elastic Volumes, no detach), Compute Optimizer's top-ranked option.`,
      },
      saving,
      common(r),
    ),
  ];
}

function idle(region: string, r: IdleRecommendation, params: ComputeOptimizerParams, warnings: string[]): Finding[] {
  const saving = usdSaving(r, `${r.resourceId} (${r.finding.toLowerCase()} ${r.resourceType})`, params, warnings);
  if (!saving) return [];
  const [resourceType, typeName] = IDLE_TYPES[r.resourceType] ?? [r.resourceType.toLowerCase(), r.resourceType];
  return [
    finding(
      {
        resourceId: r.resourceId,
        resourceType,
        region,
        title: `${r.finding} ${typeName} ${label(r.resourceId, r.name)}, per Compute Optimizer`,
        evidence: { awsResourceType: r.resourceType, findingDescription: r.findingDescription },
        recommendation:
          r.finding === 'Unattached'
            ? 'Snapshot it if its data may be needed, then delete it.'
            : 'Confirm nobody relies on it, then stop, scale down or delete it.',
      },
      saving,
      common(r),
    ),
  ];
}

function apiWarnings(operation: string, listing: AdviceListing<unknown>): string[] {
  return listing.errors.map(
    (e) =>
      `${operation} reported an error for ${e.identifier ?? 'a resource'}: ${[e.code, e.message].filter(Boolean).join(': ') || 'no details'}`,
  );
}

/**
 * Findings from one region's Compute Optimizer listings: EC2 `Overprovisioned` (rightsizing to
 * the top-ranked option), EBS `NotOptimized`, and every idle resource; each only with a USD
 * saving above `minMonthlySavingsUsd`.
 */
export function adviceFindings(
  region: string,
  listings: {
    ec2: AdviceListing<Ec2InstanceRecommendation>;
    ebs: AdviceListing<EbsVolumeRecommendation>;
    idle: AdviceListing<IdleRecommendation>;
  },
  params: ComputeOptimizerParams,
): AdviceOutcome {
  const warnings = [
    ...apiWarnings('GetEC2InstanceRecommendations', listings.ec2),
    ...apiWarnings('GetEBSVolumeRecommendations', listings.ebs),
    ...apiWarnings('GetIdleRecommendations', listings.idle),
  ];
  const findings = [
    ...listings.ec2.recommendations.flatMap((r) => rightsizing(region, r, params, warnings)),
    ...listings.ebs.recommendations.flatMap((r) => volume(region, r, params, warnings)),
    ...listings.idle.recommendations.flatMap((r) => idle(region, r, params, warnings)),
  ];
  return { findings, warnings };
}
