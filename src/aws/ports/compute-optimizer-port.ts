/** AWS Compute Optimizer port: its recommendations as it states them, one region at a time. */

/**
 * Skip reason of a region whose account is not opted in to Compute Optimizer (the service's
 * `OptInRequiredException`). Ports throw it as a `TaskSkippedError`, so the task ends skipped.
 */
export const COMPUTE_OPTIMIZER_NOT_ENROLLED = 'Compute Optimizer: not enrolled';

/** An estimated monthly saving exactly as Compute Optimizer reports it: never converted. */
export interface AdviceSaving {
  /** ISO 4217 code: `USD`, or `CNY` in the China regions. */
  currency: string;
  value: number;
  /** Saving as a percentage of the resource's current cost, when given. */
  percent: number | null;
}

/** The two savings Compute Optimizer gives for one option. */
export interface AdviceSavings {
  /** `savingsOpportunity`: at public on-demand prices. */
  listPrice: AdviceSaving | null;
  /** `savingsOpportunityAfterDiscounts`: after the account's Savings Plans, RIs and discounts. */
  afterDiscounts: AdviceSaving | null;
}

/** A per-resource error Compute Optimizer returned beside the recommendations. */
export interface AdviceError {
  identifier: string | null;
  code: string | null;
  message: string | null;
}

export interface Ec2InstanceOption extends AdviceSavings {
  instanceType: string;
  /** 1 is Compute Optimizer's best option. */
  rank: number | null;
  performanceRisk: number | null;
  migrationEffort: string | null;
}

export interface Ec2InstanceRecommendation {
  instanceArn: string;
  /** The instance id, from the ARN (what the inventory and the other checks use). */
  instanceId: string;
  instanceName: string | null;
  currentInstanceType: string;
  /** `Overprovisioned`, `Underprovisioned`, `Optimized`. */
  finding: string;
  findingReasonCodes: string[];
  lookBackPeriodInDays: number | null;
  /** ISO 8601. */
  lastRefreshTimestamp: string | null;
  /** In the order AWS returned them. */
  options: Ec2InstanceOption[];
}

export interface VolumeConfiguration {
  volumeType: string | null;
  sizeGiB: number | null;
  baselineIops: number | null;
  baselineThroughputMiBps: number | null;
}

export interface EbsVolumeOption extends AdviceSavings {
  configuration: VolumeConfiguration;
  rank: number | null;
  performanceRisk: number | null;
}

export interface EbsVolumeRecommendation {
  volumeArn: string;
  /** The volume id, from the ARN. */
  volumeId: string;
  /** The volume's Name tag. */
  name: string | null;
  current: VolumeConfiguration;
  /** `NotOptimized` or `Optimized`. */
  finding: string;
  lookBackPeriodInDays: number | null;
  lastRefreshTimestamp: string | null;
  options: EbsVolumeOption[];
}

export interface IdleRecommendation extends AdviceSavings {
  resourceArn: string;
  /** The id the inventory uses, from the ARN where its form is known (`i-…`, `vol-…`, `nat-…`, a DB identifier). */
  resourceId: string;
  /** Compute Optimizer's type: `EC2Instance`, `EBSVolume`, `RDSDBInstance`, `NatGateway`... */
  resourceType: string;
  /** The resource's Name tag. */
  name: string | null;
  /** `Idle`, `Unattached`, `Unused`. */
  finding: string;
  findingDescription: string | null;
  lookBackPeriodInDays: number | null;
  lastRefreshTimestamp: string | null;
}

/** One listing: every page's recommendations, and the per-resource errors AWS reported. */
export interface AdviceListing<T> {
  recommendations: T[];
  errors: AdviceError[];
}

export interface ComputeOptimizerPort {
  /** GetEC2InstanceRecommendations, every page; `findings` filters server-side (`Finding` filter). */
  ec2InstanceRecommendations(request: { findings?: string[] }, signal?: AbortSignal): Promise<AdviceListing<Ec2InstanceRecommendation>>;
  /** GetEBSVolumeRecommendations, every page; `findings` filters server-side. */
  ebsVolumeRecommendations(request: { findings?: string[] }, signal?: AbortSignal): Promise<AdviceListing<EbsVolumeRecommendation>>;
  /** GetIdleRecommendations, every page. */
  idleRecommendations(signal?: AbortSignal): Promise<AdviceListing<IdleRecommendation>>;
}
