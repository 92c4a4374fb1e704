import { bundledPrice } from '../analysis/pricing/snapshot.js';
import {
  COMPUTE_OPTIMIZER_NOT_ENROLLED,
  type AdviceSavings,
  type ComputeOptimizerPort,
  type EbsVolumeRecommendation,
  type Ec2InstanceRecommendation,
  type IdleRecommendation,
} from '../aws/ports/index.js';
import { TaskSkippedError } from '../primitives/errors.js';
import { roundUsd } from '../primitives/money.js';
import { DEMO_ACCOUNT_ID, INSTANCES, LOOSE_VOLUMES, NAT_GATEWAYS } from './catalogue.js';

const DAY_MS = 86_400_000;
const HOURS_PER_MONTH = 730;

/**
 * What Compute Optimizer says about the demo account. us-east-1 and ap-southeast-2 are enrolled;
 * eu-west-1 answers as an account that never opted in, to show the skip. The advice overlaps
 * the checks' own findings (the same idle instance, the same gp2 volume) and adds some they do
 * not make (a rightsizing to another family, a busy-but-oversized instance), so the report
 * shows both the de-duplicated total and AWS's extra advice.
 */
const NOT_ENROLLED = new Set(['eu-west-1']);

interface Rightsizing {
  instanceId: string;
  finding: string;
  reasons: string[];
  options: string[];
}
interface VolumeAdvice {
  volumeId: string;
  finding: string;
  to: string;
}
interface IdleAdvice {
  id: string;
  type: 'EC2Instance' | 'EBSVolume' | 'NatGateway';
  finding: string;
}

const ADVICE: Record<string, { ec2: Rightsizing[]; ebs: VolumeAdvice[]; idle: IdleAdvice[] }> = {
  'us-east-1': {
    ec2: [
      {
        instanceId: 'i-0a1e5c7d2b9f30004',
        finding: 'Overprovisioned',
        reasons: ['CPUOverprovisioned', 'MemoryOverprovisioned'],
        options: ['m6i.large', 'm6i.xlarge', 'm5.xlarge'],
      },
      { instanceId: 'i-0a1e5c7d2b9f30001', finding: 'Optimized', reasons: [], options: ['m6i.large'] },
      { instanceId: 'i-0a1e5c7d2b9f30003', finding: 'Underprovisioned', reasons: ['CPUUnderprovisioned'], options: ['c6i.2xlarge'] },
    ],
    ebs: [
      { volumeId: 'vol-0a1e5c7d2b9f30106', finding: 'NotOptimized', to: 'gp3' },
      { volumeId: 'vol-0a1e5c7d2b9f30101', finding: 'Optimized', to: 'gp3' },
    ],
    idle: [
      { id: 'i-0a1e5c7d2b9f30005', type: 'EC2Instance', finding: 'Idle' },
      { id: 'nat-0a1e5c7d2b9f30602', type: 'NatGateway', finding: 'Idle' },
      { id: 'vol-0a1e5c7d2b9f30201', type: 'EBSVolume', finding: 'Unattached' },
    ],
  },
  'ap-southeast-2': {
    ec2: [{ instanceId: 'i-0c3a7e9f4d1b50001', finding: 'Overprovisioned', reasons: ['CPUOverprovisioned'], options: ['t3.medium'] }],
    ebs: [],
    idle: [{ id: 'i-0c3a7e9f4d1b50002', type: 'EC2Instance', finding: 'Idle' }],
  },
};

const VOLUMES = [...INSTANCES.flatMap((i) => i.volumes.map((v) => ({ ...v, region: i.region }))), ...LOOSE_VOLUMES];

/** Savings as Compute Optimizer states them, from the bundled list prices; no discounts in the demo account. */
function usd(monthlyNow: number, monthlySaving: number): AdviceSavings {
  if (!(monthlySaving > 0)) return { listPrice: null, afterDiscounts: null };
  const value = roundUsd(monthlySaving);
  const saving = { currency: 'USD', value, percent: Math.round((monthlySaving / monthlyNow) * 10_000) / 100 };
  return { listPrice: saving, afterDiscounts: { ...saving } };
}

const monthly = (region: string, key: string) => (bundledPrice(region, key) ?? 0) * HOURS_PER_MONTH;
const arn = (region: string, kind: string, id: string) => `arn:aws:ec2:${region}:${DEMO_ACCOUNT_ID}:${kind}/${id}`;

function rightsizing(
  region: string,
  a: Rightsizing,
  common: { lookBackPeriodInDays: number; lastRefreshTimestamp: string },
): Ec2InstanceRecommendation {
  const instance = INSTANCES.find((i) => i.id === a.instanceId)!;
  const now = monthly(region, `ec2:${instance.type}`);
  return {
    instanceArn: arn(region, 'instance', instance.id),
    instanceId: instance.id,
    instanceName: instance.name,
    currentInstanceType: instance.type,
    finding: a.finding,
    findingReasonCodes: a.reasons,
    ...common,
    options: a.options.map((type, i) => ({
      instanceType: type,
      rank: i + 1,
      performanceRisk: 1 + i * 0.5,
      migrationEffort: type.split('.')[0] === instance.type.split('.')[0] ? 'VeryLow' : 'Low',
      ...usd(now, now - monthly(region, `ec2:${type}`)),
    })),
  };
}

function volume(
  region: string,
  a: VolumeAdvice,
  common: { lookBackPeriodInDays: number; lastRefreshTimestamp: string },
): EbsVolumeRecommendation {
  const v = VOLUMES.find((x) => x.id === a.volumeId)!;
  const now = v.size * (bundledPrice(region, `ebs:${v.type}`) ?? 0);
  const current = { volumeType: v.type, sizeGiB: v.size, baselineIops: v.iops ?? null, baselineThroughputMiBps: v.throughput ?? null };
  const to = { volumeType: a.to, sizeGiB: v.size, baselineIops: 3000, baselineThroughputMiBps: 125 };
  return {
    volumeArn: arn(region, 'volume', v.id),
    volumeId: v.id,
    name: v.name ?? null,
    current,
    finding: a.finding,
    ...common,
    options: [{ configuration: to, rank: 1, performanceRisk: 0, ...usd(now, now - v.size * (bundledPrice(region, `ebs:${a.to}`) ?? 0)) }],
  };
}

function idle(region: string, a: IdleAdvice, common: { lookBackPeriodInDays: number; lastRefreshTimestamp: string }): IdleRecommendation {
  const instance = INSTANCES.find((i) => i.id === a.id);
  const nat = NAT_GATEWAYS.find((n) => n.id === a.id);
  const v = VOLUMES.find((x) => x.id === a.id);
  const cost = instance
    ? monthly(region, `ec2:${instance.type}`)
    : nat
      ? monthly(region, 'nat-hour')
      : v!.size * (bundledPrice(region, `ebs:${v!.type}`) ?? 0);
  const kind = { EC2Instance: 'instance', EBSVolume: 'volume', NatGateway: 'natgateway' }[a.type];
  const description = {
    EC2Instance: 'CPU and network utilisation stayed below the idle thresholds',
    EBSVolume: 'The volume is not attached to any instance',
    NatGateway: 'No meaningful traffic was processed',
  }[a.type];
  return {
    resourceArn: arn(region, kind, a.id),
    resourceId: a.id,
    resourceType: a.type,
    name: instance?.name ?? nat?.name ?? v?.name ?? null,
    finding: a.finding,
    findingDescription: `${description} over the last ${common.lookBackPeriodInDays} days.`,
    ...common,
    ...usd(cost, cost),
  };
}

function notEnrolled(): never {
  const cause = Object.assign(new Error('The account is not opted in to AWS Compute Optimizer.'), { name: 'OptInRequiredException' });
  throw new TaskSkippedError(COMPUTE_OPTIMIZER_NOT_ENROLLED, { cause });
}

/** The demo account's Compute Optimizer in one region; regions outside the demo have no advice. */
export function demoComputeOptimizer(region: string, now: Date): ComputeOptimizerPort {
  const advice = ADVICE[region] ?? { ec2: [], ebs: [], idle: [] };
  const common = {
    lookBackPeriodInDays: 14,
    lastRefreshTimestamp: new Date(Math.floor((now.getTime() - DAY_MS) / 1000) * 1000).toISOString(),
  };
  const matches = (finding: string, findings: string[] | undefined) => !findings?.length || findings.includes(finding);
  return {
    async ec2InstanceRecommendations(request) {
      if (NOT_ENROLLED.has(region)) notEnrolled();
      return {
        recommendations: advice.ec2.filter((a) => matches(a.finding, request.findings)).map((a) => rightsizing(region, a, common)),
        errors: [],
      };
    },
    async ebsVolumeRecommendations(request) {
      if (NOT_ENROLLED.has(region)) notEnrolled();
      return {
        recommendations: advice.ebs.filter((a) => matches(a.finding, request.findings)).map((a) => volume(region, a, common)),
        errors: [],
      };
    },
    async idleRecommendations() {
      if (NOT_ENROLLED.has(region)) notEnrolled();
      return { recommendations: advice.idle.map((a) => idle(region, a, common)), errors: [] };
    },
  };
}
