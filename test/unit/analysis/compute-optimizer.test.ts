import { describe, expect, it } from 'vitest';
import { adviceFindings, AWS_COMPUTE_OPTIMIZER } from '../../../src/analysis/advice/aws-compute-optimizer.js';
import { defaultChecksConfig, parseCheckSelection, parseChecksConfig } from '../../../src/analysis/config.js';
import { buildAnalysisGraph } from '../../../src/analysis/graph.js';
import { potentialSavings } from '../../../src/analysis/savings.js';
import type {
  AdviceListing,
  AdviceSaving,
  EbsVolumeRecommendation,
  Ec2InstanceRecommendation,
  IdleRecommendation,
} from '../../../src/aws/ports/index.js';
import { createDemoAdapters } from '../../../src/demo/index.js';
import type { Finding } from '../../../src/records/report.js';
import { memoryCache } from '../../../src/state/cache.js';

const usd = (value: number, currency = 'USD'): AdviceSaving => ({ currency, value, percent: 50 });
const listing = <T>(recommendations: T[], errors: AdviceListing<T>['errors'] = []): AdviceListing<T> => ({ recommendations, errors });
const none = {
  ec2: listing<Ec2InstanceRecommendation>([]),
  ebs: listing<EbsVolumeRecommendation>([]),
  idle: listing<IdleRecommendation>([]),
};
const params = { minMonthlySavingsUsd: 0 };

function instance(overrides: Partial<Ec2InstanceRecommendation> = {}): Ec2InstanceRecommendation {
  return {
    instanceArn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0c0ffee000000001a',
    instanceId: 'i-0c0ffee000000001a',
    instanceName: 'batch-worker',
    currentInstanceType: 'm5.2xlarge',
    finding: 'Overprovisioned',
    findingReasonCodes: ['CPUOverprovisioned', 'MemoryOverprovisioned'],
    lookBackPeriodInDays: 14,
    lastRefreshTimestamp: '2026-11-24T03:12:45.000Z',
    options: [
      {
        instanceType: 'm5.xlarge',
        rank: 2,
        performanceRisk: 1,
        migrationEffort: 'VeryLow',
        listPrice: usd(140.16),
        afterDiscounts: usd(98.11),
      },
      {
        instanceType: 'm6i.large',
        rank: 1,
        performanceRisk: 1.5,
        migrationEffort: 'Low',
        listPrice: usd(210.24),
        afterDiscounts: usd(147.17),
      },
    ],
    ...overrides,
  };
}

function idle(overrides: Partial<IdleRecommendation> = {}): IdleRecommendation {
  return {
    resourceArn: 'arn:aws:ec2:us-east-1:123456789012:volume/vol-0c0ffee0000000b2',
    resourceId: 'vol-0c0ffee0000000b2',
    resourceType: 'EBSVolume',
    name: 'old-export',
    finding: 'Unattached',
    findingDescription: 'The volume is not attached.',
    lookBackPeriodInDays: 32,
    lastRefreshTimestamp: null,
    listPrice: usd(100),
    afterDiscounts: null,
    ...overrides,
  };
}

describe('Compute Optimizer advice as findings', () => {
  it('an over-provisioned instance: rightsizing to the top-ranked option, evidence traced to the API data', () => {
    const { findings, warnings } = adviceFindings('us-east-1', { ...none, ec2: listing([instance()]) }, params);
    expect(warnings).toEqual([]);
    expect(findings).toEqual([
      {
        check: 'aws-compute-optimizer',
        resourceId: 'i-0c0ffee000000001a',
        resourceType: 'ec2-instance',
        region: 'us-east-1',
        title: 'Over-provisioned m5.2xlarge instance batch-worker (i-0c0ffee000000001a): Compute Optimizer suggests m6i.large',
        evidence: {
          source: 'AWS Compute Optimizer',
          findingReasonCodes: 'CPUOverprovisioned, MemoryOverprovisioned',
          currentType: 'm5.2xlarge',
          recommendedType: 'm6i.large',
          optionRank: 1,
          performanceRisk: 1.5,
          migrationEffort: 'Low',
          finding: 'Overprovisioned',
          lookbackDays: 14,
          lastRefreshed: '2026-11-24T03:12:45.000Z',
          savingsValue: 210.24,
          savingsCurrency: 'USD',
          savingsPercent: 50,
          savingsAfterDiscountsValue: 147.17,
          savingsAfterDiscountsCurrency: 'USD',
        },
        estimatedMonthlySavings: 210.24,
        severity: 'high',
        recommendation: expect.stringContaining('m6i.large'),
      },
    ]);
  });

  it('only Overprovisioned instances and NotOptimized volumes, and only positive savings', () => {
    const volume: EbsVolumeRecommendation = {
      volumeArn: 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1',
      volumeId: 'vol-1',
      name: null,
      current: { volumeType: 'gp2', sizeGiB: 100, baselineIops: 300, baselineThroughputMiBps: 128 },
      finding: 'Optimized',
      lookBackPeriodInDays: 14,
      lastRefreshTimestamp: null,
      options: [
        {
          configuration: { volumeType: 'gp3', sizeGiB: 100, baselineIops: 3000, baselineThroughputMiBps: 125 },
          rank: 1,
          performanceRisk: 0,
          listPrice: usd(2),
          afterDiscounts: null,
        },
      ],
    };
    const { findings, warnings } = adviceFindings(
      'us-east-1',
      {
        ec2: listing([
          instance({ finding: 'Underprovisioned' }),
          instance({ finding: 'Optimized' }),
          instance({
            instanceId: 'i-2',
            options: [
              { instanceType: 't4g.micro', rank: 1, performanceRisk: 1, migrationEffort: null, listPrice: usd(0), afterDiscounts: null },
            ],
          }),
          instance({ instanceId: 'i-3', options: [] }),
        ]),
        ebs: listing([volume, { ...volume, volumeId: 'vol-2', finding: 'NotOptimized' }]),
        idle: listing([idle({ resourceId: 'vol-3', listPrice: null }), idle({ resourceId: 'vol-4', listPrice: usd(-3) })]),
      },
      params,
    );
    expect(
      findings.map((f) => [f.resourceId, f.resourceType, f.estimatedMonthlySavings, f.evidence.recommendedVolumeType ?? null]),
    ).toEqual([['vol-2', 'ebs-volume', 2, 'gp3']]);
    expect(warnings).toEqual([]);
  });

  it('a saving in another currency is left out with a warning, never converted', () => {
    const cny = instance({
      options: [
        {
          instanceType: 'm6i.large',
          rank: 1,
          performanceRisk: 1,
          migrationEffort: 'Low',
          listPrice: usd(1520.5, 'CNY'),
          afterDiscounts: null,
        },
      ],
    });
    const { findings, warnings } = adviceFindings(
      'cn-north-1',
      { ...none, ec2: listing([cny]), idle: listing([idle({ listPrice: usd(80, '') })]) },
      params,
    );
    expect(findings).toEqual([]);
    expect(warnings).toEqual([
      'i-0c0ffee000000001a (rightsizing to m6i.large): saving of 1520.5 CNY is not in USD; left out, never converted',
      'vol-0c0ffee0000000b2 (unattached EBSVolume): saving of 80 (no currency) is not in USD; left out, never converted',
    ]);
  });

  it('idle resources take our resource types, and API errors become warnings', () => {
    const nat = idle({
      resourceArn: 'arn:aws:ec2:us-east-1:123456789012:natgateway/nat-1',
      resourceId: 'nat-1',
      resourceType: 'NatGateway',
      name: null,
      finding: 'Idle',
      listPrice: usd(32.85),
    });
    const asg = idle({
      resourceArn: 'arn:aws:autoscaling:…',
      resourceId: 'web-asg',
      resourceType: 'AutoScalingGroup',
      name: null,
      finding: 'Idle',
      listPrice: usd(61.32),
    });
    const future = idle({ resourceId: 'q-1', resourceType: 'QuantumComputer', name: null, finding: 'Idle', listPrice: usd(5) });
    const errors = [
      { identifier: 'arn:aws:ec2:us-east-1:123456789012:instance/i-9', code: 'InsufficientData', message: 'Not enough data.' },
    ];
    const { findings, warnings } = adviceFindings(
      'us-east-1',
      { ...none, ec2: listing([], errors), idle: listing([idle(), nat, asg, future]) },
      params,
    );
    expect(findings.map((f) => [f.resourceType, f.title])).toEqual([
      ['ebs-volume', 'Unattached EBS volume old-export (vol-0c0ffee0000000b2), per Compute Optimizer'],
      ['nat-gateway', 'Idle NAT gateway nat-1, per Compute Optimizer'],
      ['auto-scaling-group', 'Idle Auto Scaling group web-asg, per Compute Optimizer'],
      ['quantumcomputer', 'Idle QuantumComputer q-1, per Compute Optimizer'],
    ]);
    expect(findings[0]!.recommendation).toMatch(/^Snapshot it/);
    expect(findings[0]!.evidence).toMatchObject({
      awsResourceType: 'EBSVolume',
      finding: 'Unattached',
      lookbackDays: 32,
      findingDescription: 'The volume is not attached.',
    });
    expect(warnings).toEqual([
      'GetEC2InstanceRecommendations reported an error for arn:aws:ec2:us-east-1:123456789012:instance/i-9: InsufficientData: Not enough data.',
    ]);
  });

  it('minMonthlySavingsUsd leaves out the small ones', () => {
    const { findings } = adviceFindings(
      'us-east-1',
      { ...none, idle: listing([idle({ listPrice: usd(4.99) }), idle({ resourceId: 'vol-9', listPrice: usd(5.01) })]) },
      { minMonthlySavingsUsd: 5 },
    );
    expect(findings.map((f) => f.resourceId)).toEqual(['vol-9']);
  });

  it('one resource advised by Compute Optimizer and by our checks counts once, at the larger saving', () => {
    const ours: Finding = {
      check: 'ec2-underutilised',
      resourceId: 'i-0c0ffee000000001a',
      resourceType: 'ec2-instance',
      region: 'us-east-1',
      title: 't',
      evidence: {},
      estimatedMonthlySavings: 140.16,
      severity: 'high',
    };
    const aws = adviceFindings('us-east-1', { ...none, ec2: listing([instance()]) }, params).findings;
    expect(potentialSavings([ours, ...aws])).toBe(210.24);
    const smaller = adviceFindings(
      'us-east-1',
      {
        ...none,
        ec2: listing([
          instance({
            options: [
              { instanceType: 'm5.xlarge', rank: 1, performanceRisk: 1, migrationEffort: null, listPrice: usd(99.5), afterDiscounts: null },
            ],
          }),
        ]),
      },
      params,
    ).findings;
    expect(potentialSavings([ours, ...smaller])).toBe(140.16);
    // Another region's instance with the same id is another resource.
    expect(potentialSavings([ours, { ...aws[0]!, region: 'eu-west-1' }])).toBe(350.4);
  });
});
