import {
  COMPUTE_OPTIMIZER_NOT_ENROLLED,
  type ComputeOptimizerPort,
  type EbsVolumeRecommendation,
  type Ec2InstanceRecommendation,
  type IdleRecommendation,
} from '../../../src/aws/ports/index.js';
import { TaskSkippedError } from '../../../src/primitives/errors.js';

const ARN = 'arn:aws:ec2:us-east-1:123456789012';
const usd = (value: number, percent: number | null = 40) => ({ currency: 'USD', value, percent });

const INSTANCES: Ec2InstanceRecommendation[] = [
  {
    instanceArn: `${ARN}:instance/i-1`,
    instanceId: 'i-1',
    instanceName: 'web',
    currentInstanceType: 'm5.2xlarge',
    finding: 'Overprovisioned',
    findingReasonCodes: ['CPUOverprovisioned', 'MemoryOverprovisioned'],
    lookBackPeriodInDays: 14,
    lastRefreshTimestamp: '2026-11-24T03:12:45.000Z',
    options: [
      {
        instanceType: 'm6i.large',
        rank: 1,
        performanceRisk: 1.5,
        migrationEffort: 'Low',
        listPrice: usd(210.24, 75),
        afterDiscounts: usd(147.17, 75),
      },
      { instanceType: 'm5.xlarge', rank: 2, performanceRisk: 1, migrationEffort: null, listPrice: usd(140.16), afterDiscounts: null },
    ],
  },
  {
    instanceArn: `${ARN}:instance/i-2`,
    instanceId: 'i-2',
    instanceName: null,
    currentInstanceType: 't3.large',
    finding: 'Optimized',
    findingReasonCodes: [],
    lookBackPeriodInDays: null,
    lastRefreshTimestamp: null,
    options: [],
  },
  {
    instanceArn: `${ARN}:instance/i-3`,
    instanceId: 'i-3',
    instanceName: null,
    currentInstanceType: 'c5.xlarge',
    finding: 'Overprovisioned',
    findingReasonCodes: ['CPUOverprovisioned'],
    lookBackPeriodInDays: 93,
    lastRefreshTimestamp: '2026-11-23T00:00:00.000Z',
    options: [
      {
        instanceType: 'c6g.large',
        rank: null,
        performanceRisk: null,
        migrationEffort: 'High',
        listPrice: { currency: 'CNY', value: 512.5, percent: null },
        afterDiscounts: null,
      },
    ],
  },
];

const VOLUMES: EbsVolumeRecommendation[] = [
  {
    volumeArn: `${ARN}:volume/vol-1`,
    volumeId: 'vol-1',
    name: 'data',
    current: { volumeType: 'gp2', sizeGiB: 500, baselineIops: 1500, baselineThroughputMiBps: 250 },
    finding: 'NotOptimized',
    lookBackPeriodInDays: 14,
    lastRefreshTimestamp: '2026-11-24T03:12:45.000Z',
    options: [
      {
        configuration: { volumeType: 'gp3', sizeGiB: 500, baselineIops: 3000, baselineThroughputMiBps: 125 },
        rank: 1,
        performanceRisk: 0,
        listPrice: usd(10, 20),
        afterDiscounts: { currency: '', value: 9, percent: null },
      },
    ],
  },
  {
    volumeArn: `${ARN}:volume/vol-2`,
    volumeId: 'vol-2',
    name: null,
    current: { volumeType: 'io1', sizeGiB: null, baselineIops: null, baselineThroughputMiBps: null },
    finding: 'Optimized',
    lookBackPeriodInDays: 14,
    lastRefreshTimestamp: null,
    options: [],
  },
];

const IDLE: IdleRecommendation[] = [
  {
    resourceArn: `${ARN}:instance/i-4`,
    resourceId: 'i-4',
    resourceType: 'EC2Instance',
    name: 'old',
    finding: 'Idle',
    findingDescription: 'Low CPU and network.',
    lookBackPeriodInDays: 14,
    lastRefreshTimestamp: '2026-11-24T03:12:45.000Z',
    listPrice: usd(146, 100),
    afterDiscounts: usd(102.2, 100),
  },
  {
    resourceArn: 'arn:aws:rds:us-east-1:123456789012:db:reports',
    resourceId: 'reports',
    resourceType: 'RDSDBInstance',
    name: null,
    finding: 'Idle',
    findingDescription: null,
    lookBackPeriodInDays: 14,
    lastRefreshTimestamp: null,
    listPrice: usd(49.64),
    afterDiscounts: null,
  },
  {
    resourceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
    resourceId: 'prod/web',
    resourceType: 'ECSService',
    name: null,
    finding: 'Unused',
    findingDescription: null,
    lookBackPeriodInDays: null,
    lastRefreshTimestamp: null,
    listPrice: null,
    afterDiscounts: null,
  },
];

/**
 * A small Compute Optimizer for the wire tests: us-east-1 enrolled with a bit of every shape
 * (unranked options, null members, a CNY saving, an API error), eu-west-1 not enrolled.
 */
export function tinyComputeOptimizer(region: string): ComputeOptimizerPort {
  const enrolled = () => {
    if (region === 'eu-west-1') {
      throw new TaskSkippedError(COMPUTE_OPTIMIZER_NOT_ENROLLED, {
        cause: Object.assign(new Error('The account is not opted in to AWS Compute Optimizer.'), { name: 'OptInRequiredException' }),
      });
    }
    return region === 'us-east-1';
  };
  const pick = <T extends { finding: string }>(items: T[], findings: string[] | undefined) =>
    items.filter((r) => !findings?.length || findings.includes(r.finding));
  return {
    ec2InstanceRecommendations: async ({ findings }) => ({
      recommendations: enrolled() ? pick(INSTANCES, findings) : [],
      errors: enrolled() ? [{ identifier: `${ARN}:instance/i-9`, code: 'InsufficientData', message: 'Not enough data.' }] : [],
    }),
    ebsVolumeRecommendations: async ({ findings }) => ({ recommendations: enrolled() ? pick(VOLUMES, findings) : [], errors: [] }),
    idleRecommendations: async () => ({ recommendations: enrolled() ? IDLE : [], errors: [] }),
  };
}
