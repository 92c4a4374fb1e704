/**
 * A realistic report of a fictional account (123456789012): eleven services, thirty daily points,
 * fifteen findings of ten checks (two of them alternatives on a resource another finding counts,
 * one a cost spike), and a partial execution with two pending tasks and an open breaker. Deterministic, so golden files stay stable. `baselineReport()` is the same account's
 * previous scheduled run, for PR comment deltas.
 */
import { REPORT_SCHEMA_VERSION, type CostSummary, type Finding, type Report, type ServiceCost } from '../../../src/records/report.js';
import { roundUsd } from '../../../src/primitives/money.js';
import { countedSavingsTotal, markCountedSavings } from '../../../src/records/counted-savings.js';

const SERVICES: Array<[string, number, number]> = [
  ['Amazon Elastic Compute Cloud - Compute', 4812.4, 4390.15],
  ['Amazon Relational Database Service', 2145.88, 2151.02],
  ['EC2 - Other', 1203.67, 988.3],
  ['Amazon Simple Storage Service', 642.19, 598.77],
  ['Amazon Virtual Private Cloud', 418.56, 301.12],
  ['Elastic Load Balancing', 312.4, 318.04],
  ['AmazonCloudWatch', 205.11, 187.93],
  ['AWS Lambda', 96.32, 71.45],
  ['Amazon DynamoDB', 88.74, 90.1],
  ['Amazon CloudFront', 61.05, 0],
  ['AWS Key Management Service', 24, 24],
];

function serviceCost(service: string, current: number, previous: number): ServiceCost {
  const change = roundUsd(current - previous);
  return { service, current, previous, change, changePercent: previous === 0 ? null : Math.round((change / previous) * 1000) / 10 };
}

function sum(values: number[]): number {
  return roundUsd(values.reduce((a, b) => a + b, 0));
}

/** 30 days, 2026-10-26 → 2026-11-24: weekday load, quieter weekends, and a NAT spike from 11-18. */
function dailySeries(): Array<{ date: string; amount: number }> {
  const out: Array<{ date: string; amount: number }> = [];
  const start = Date.UTC(2026, 9, 26);
  for (let i = 0; i < 30; i++) {
    const d = new Date(start + i * 86_400_000);
    const weekday = d.getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const spike = d.getUTCDate() >= 18 && d.getUTCMonth() === 10 ? 38.4 : 0;
    const amount = roundUsd(402.17 + (weekend ? -61.5 : 0) + ((i * 37) % 23) - 11 + spike);
    out.push({ date: d.toISOString().slice(0, 10), amount });
  }
  return out;
}

function costs(services: Array<[string, number, number]>, end: string, daily: Array<{ date: string; amount: number }>): CostSummary {
  const byService = services.map(([s, c, p]) => serviceCost(s, c, p));
  const current = sum(byService.map((s) => s.current));
  const previous = sum(byService.map((s) => s.previous));
  const change = roundUsd(current - previous);
  const movers = [...byService].filter((s) => s.change !== 0).sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, 8);
  return {
    metric: 'UnblendedCost',
    currency: 'USD',
    current: { period: { start: '2026-11-01', end }, total: current },
    previous: { period: { start: '2026-10-01', end: end.replace('-11-', '-10-') }, total: previous },
    change,
    changePercent: Math.round((change / previous) * 1000) / 10,
    lastMonth: {
      period: { start: '2026-10-01', end: '2026-11-01' },
      total: 11874.33,
      priorTotal: 11402.87,
      change: 471.46,
      changePercent: 4.1,
    },
    forecast: { total: 12480, lower: 11900, upper: 13050 },
    byService,
    byRegion: [
      { region: 'us-east-1', amount: 6120.55 },
      { region: 'eu-west-1', amount: 3641.23 },
      { region: 'global', amount: 248.54 },
    ],
    byTag: {
      key: 'team',
      values: [
        { value: 'platform', amount: 5210.4 },
        { value: 'data', amount: 3488.12 },
        { value: '', amount: 1311.8 },
      ],
    },
    daily,
    movers,
    anomalies: [{ id: 'a1b2c3d4-0000-4000-8000-000000000001', service: 'EC2 - Other', start: '2026-11-18', impact: 143.2 }],
  };
}

function finding(f: Omit<Finding, 'priceSource'> & { priceSource?: Finding['priceSource'] }): Finding {
  return { priceSource: 'price-list', ...f };
}

const ELB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/legacy-api/50dc6c495c0c9188';

/** The fifteen findings of the current run, in no particular order, not yet marked as counted or alternatives. */
export function fixtureFindings(): Finding[] {
  return [
    finding({ check: 'ebs-unattached', resourceId: 'vol-0a9b8c7d6e5f40312', resourceType: 'ebs-volume', region: 'us-east-1', title: 'Unattached 500 GiB gp2 volume, available for 41 days', evidence: { sizeGiB: 500, volumeType: 'gp2', ageDays: 41 }, estimatedMonthlySavings: 50, severity: 'medium', recommendation: 'Snapshot it if needed, then delete it.' }),
    finding({ check: 'ec2-idle', resourceId: 'i-0a1b2c3d4e5f60718', resourceType: 'ec2-instance', region: 'us-east-1', title: 'Idle m5.2xlarge "batch-runner-old": max CPU 1.8% over 14 days', evidence: { instanceType: 'm5.2xlarge', maxCpuPercent: 1.8, days: 14, networkMiBPerDay: 3.1 }, estimatedMonthlySavings: 280.32, severity: 'high', recommendation: 'Stop or terminate it.' }),
    finding({ check: 'aws-compute-optimizer', resourceId: 'i-0123456789abcdef0', resourceType: 'ec2-instance', region: 'us-east-1', title: 'Over-provisioned r5.4xlarge instance (i-0123456789abcdef0): Compute Optimizer suggests r5.xlarge', evidence: { currentType: 'r5.4xlarge', recommendedType: 'r5.xlarge', finding: 'Overprovisioned', lookbackDays: 14 }, estimatedMonthlySavings: 551.88, severity: 'high' }),
    finding({ check: 'ec2-underutilised', resourceId: 'i-0123456789abcdef0', resourceType: 'ec2-instance', region: 'us-east-1', title: 'r5.4xlarge peaks at 12% CPU: r5.2xlarge is enough', evidence: { instanceType: 'r5.4xlarge', suggested: 'r5.2xlarge', peakDailyCpuPercent: 12, days: 14 }, estimatedMonthlySavings: 367.92, severity: 'high' }),
    finding({ check: 'rds-idle', resourceId: 'legacy-reporting', resourceType: 'rds-instance', region: 'eu-west-1', title: 'db.r5.large "legacy-reporting" had no connections for 7 days', evidence: { instanceClass: 'db.r5.large', maxConnections: 0, days: 7 }, estimatedMonthlySavings: 182.5, severity: 'high' }),
    finding({ check: 'ebs-snapshot-old', resourceId: 'snap-0123abcd4567ef890', resourceType: 'ebs-snapshot', region: 'us-east-1', title: '2,048 GiB snapshot is 412 days old and used by no AMI', evidence: { sizeGiB: 2048, ageDays: 412 }, estimatedMonthlySavings: 102.4, severity: 'medium' }),
    finding({ check: 'nat-idle', resourceId: 'nat-0f1e2d3c4b5a69788', resourceType: 'nat-gateway', region: 'eu-west-1', title: 'NAT gateway processed 0.2 GB in 14 days', evidence: { processedGB: 0.2, days: 14 }, estimatedMonthlySavings: 35.04, severity: 'medium', priceSource: 'bundled' }),
    finding({ check: 'ebs-gp2-to-gp3', resourceId: 'vol-0a9b8c7d6e5f40312', resourceType: 'ebs-volume', region: 'us-east-1', title: '500 GiB gp2 volume: gp3 costs 20% less', evidence: { sizeGiB: 500, iops: 1500 }, estimatedMonthlySavings: 10, severity: 'low' }),
    finding({ check: 'ebs-gp2-to-gp3', resourceId: 'vol-0aa11bb22cc33dd44', resourceType: 'ebs-volume', region: 'us-east-1', title: '1,000 GiB gp2 volume: gp3 costs 20% less', evidence: { sizeGiB: 1000, iops: 3000 }, estimatedMonthlySavings: 20, severity: 'low' }),
    finding({ check: 'elb-idle', resourceId: ELB_ARN, resourceType: 'load-balancer', region: 'eu-west-1', title: 'Application load balancer "legacy-api" has no healthy targets', evidence: { healthyTargets: 0, requestsPerDay: 4, days: 7 }, estimatedMonthlySavings: 16.43, severity: 'medium' }),
    finding({ check: 'ebs-snapshot-old', resourceId: 'snap-0fed987cba6543210', resourceType: 'ebs-snapshot', region: 'eu-west-1', title: '200 GiB snapshot is 190 days old and used by no AMI', evidence: { sizeGiB: 200, ageDays: 190 }, estimatedMonthlySavings: 10, severity: 'low' }),
    finding({ check: 'ebs-unattached', resourceId: 'vol-0fedcba9876543210', resourceType: 'ebs-volume', region: 'eu-west-1', title: 'Unattached 100 GiB gp3 volume "scratch|tmp *old*", available for 12 days', evidence: { sizeGiB: 100, volumeType: 'gp3', ageDays: 12, name: 'scratch|tmp *old*' }, estimatedMonthlySavings: 8.8, severity: 'low' }),
    finding({ check: 'ebs-gp2-to-gp3', resourceId: 'vol-0ee55ff66aa77bb88', resourceType: 'ebs-volume', region: 'eu-west-1', title: '250 GiB gp2 volume: gp3 costs 20% less', evidence: { sizeGiB: 250, iops: 750 }, estimatedMonthlySavings: 5.5, severity: 'low' }),
    finding({ check: 'eip-unassociated', resourceId: 'eipalloc-0a1b2c3d4e5f67890', resourceType: 'elastic-ip', region: 'us-east-1', title: 'Elastic IP 203.0.113.25 is not associated', evidence: { publicIp: '203.0.113.25' }, estimatedMonthlySavings: 3.65, severity: 'low' }),
    finding({ check: 'cost-spike', resourceId: 'EC2 - Other', resourceType: 'service', region: 'global', title: 'EC2 - Other is up $215.37 (+21.8%) on the same days last month', evidence: { currentUsd: 1203.67, previousUsd: 988.3, currentDays: 24, previousDays: 24, increaseUsd: 215.37, increasePercent: 21.79, projectedMonthlyIncreaseUsd: 272.95 }, estimatedMonthlySavings: 0, severity: 'high', priceSource: 'cost-explorer' }),
  ];
}

const TASKS: Report['tasks'] = [
  { id: 'cost-analysis', type: 'cost-analysis', status: 'succeeded', attempts: 1, durationMs: 4210, error: null },
  { id: 'ec2-inventory:us-east-1', type: 'ec2-inventory', status: 'succeeded', attempts: 1, durationMs: 1830, error: null },
  { id: 'ec2-inventory:eu-west-1', type: 'ec2-inventory', status: 'succeeded', attempts: 2, durationMs: 2511, error: null },
  { id: 'ec2-inventory:ap-southeast-2', type: 'ec2-inventory', status: 'failed', attempts: 1, durationMs: 312, error: 'UnauthorizedOperation: You are not authorized to perform this operation.' },
  { id: 'ebs-inventory:us-east-1', type: 'ebs-inventory', status: 'succeeded', attempts: 1, durationMs: 1204, error: null },
  { id: 'ebs-inventory:eu-west-1', type: 'ebs-inventory', status: 'succeeded', attempts: 1, durationMs: 988, error: null },
  { id: 'rds-inventory:eu-west-1', type: 'rds-inventory', status: 'succeeded', attempts: 1, durationMs: 744, error: null },
  { id: 'ec2-metrics:us-east-1', type: 'ec2-metrics', status: 'succeeded', attempts: 3, durationMs: 18_420, error: null },
  { id: 'ec2-metrics:eu-west-1', type: 'ec2-metrics', status: 'failed', attempts: 3, durationMs: 30_002, error: 'ThrottlingException: Rate exceeded' },
  { id: 'elb-metrics:us-east-1', type: 'elb-metrics', status: 'skipped', attempts: 0, durationMs: null, error: null },
  { id: 'elb-metrics:eu-west-1', type: 'elb-metrics', status: 'pending', attempts: 0, durationMs: null, error: null },
  { id: 'rds-metrics:eu-west-1', type: 'rds-metrics', status: 'pending', attempts: 1, durationMs: null, error: null },
  { id: 'compute-optimizer', type: 'compute-optimizer', status: 'skipped', attempts: 1, durationMs: 402, error: null },
  { id: 'pricing', type: 'pricing', status: 'succeeded', attempts: 2, durationMs: 6120, error: null },
  { id: 'checks:us-east-1', type: 'checks', status: 'succeeded', attempts: 1, durationMs: 95, error: null },
  { id: 'checks:eu-west-1', type: 'checks', status: 'succeeded', attempts: 1, durationMs: 71, error: null },
];

/** Marks the findings as the analysis does: each resource counted once; a cost spike is not a saving. */
function marked(findings: Finding[]): Finding[] {
  return markCountedSavings(findings, (f) => f.check !== 'cost-spike');
}

/**
 * The potential saving of the fixture, added up by hand: every saving but the two alternatives
 * ($367.92 underutilised under Compute Optimizer's $551.88, $10.00 gp3 under $50.00 unattached).
 */
export const FIXTURE_POTENTIAL_SAVINGS = 1266.52;

/** The current, partial run. */
export function fixtureReport(): Report {
  const findings = marked(fixtureFindings());
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    executionId: 'exec_123456789012_20261125T060000Z_4f3a9c1e',
    accountId: '123456789012',
    status: 'partial',
    generatedAt: '2026-11-25T06:14:37.000Z',
    period: { start: '2026-11-01', end: '2026-11-25' },
    costs: costs(SERVICES, '2026-11-25', dailySeries()),
    findings,
    potentialMonthlySavings: FIXTURE_POTENTIAL_SAVINGS,
    tasks: TASKS.map((t) => ({ ...t })),
    breakers: {
      'aws:cloudwatch': { state: 'open', consecutiveFailures: 3, openedAt: '2026-11-25T06:12:02.000Z', lastError: 'ThrottlingException: Rate exceeded' },
      'ec2-inventory': { state: 'closed', consecutiveFailures: 1 },
    },
    pending: ['elb-metrics:eu-west-1', 'rds-metrics:eu-west-1'],
    gaps: [
      { taskId: 'ec2-inventory:ap-southeast-2', reason: 'Access denied: ec2:DescribeInstances is not allowed by the role (UnauthorizedOperation).' },
      { taskId: 'compute-optimizer', reason: 'Not enrolled in AWS Compute Optimizer: its recommendations were not ingested.' },
      { taskId: 'ec2-metrics:eu-west-1', reason: 'Failed after 3 attempts: ThrottlingException: Rate exceeded.' },
      { taskId: 'elb-metrics:us-east-1', reason: 'Skipped: circuit breaker aws:cloudwatch is open.' },
    ],
    usedBundledPrices: true,
  };
}

/**
 * The previous scheduled run of the same account: one day less of the month, two findings since
 * fixed, and neither the cost spike nor the gp3 alternative on the unattached volume yet.
 */
export function baselineReport(): Report {
  const current = fixtureReport();
  const services = SERVICES.filter(([s]) => s !== 'Amazon CloudFront').map(([s, c, p]): [string, number, number] => {
    const factor = s === 'EC2 - Other' ? 0.9 : 0.955;
    return [s, roundUsd(c * factor), roundUsd(p * 0.96)];
  });
  services.push(['AWS Glue', 42.17, 39.8]);
  const gone = new Set(['ec2-idle', 'rds-idle', 'cost-spike']);
  const findings: Finding[] = marked([
    ...current.findings
      .filter((f) => !gone.has(f.check) && !(f.check === 'ebs-gp2-to-gp3' && f.resourceId === 'vol-0a9b8c7d6e5f40312')).map((f) => (f.check === 'nat-idle' ? { ...f, estimatedMonthlySavings: 32.85 } : f)),
    finding({ check: 'ec2-stopped-long', resourceId: 'i-0c0ffee0c0ffee001', resourceType: 'ec2-instance', region: 'us-east-1', title: 'Stopped for 64 days, still paying for 300 GiB of EBS', evidence: { stoppedDays: 64, ebsGiB: 300 }, estimatedMonthlySavings: 30, severity: 'medium' }),
    finding({ check: 'ec2-previous-generation', resourceId: 'i-0deadbeef00000001', resourceType: 'ec2-instance', region: 'eu-west-1', title: 'm4.large: m6i.large is current generation and cheaper', evidence: { instanceType: 'm4.large', suggested: 'm6i.large' }, estimatedMonthlySavings: 7.3, severity: 'low' }),
  ]);
  return {
    ...current,
    executionId: 'exec_123456789012_20261124T060000Z_9b2e71d0',
    status: 'completed',
    generatedAt: '2026-11-24T06:11:52.000Z',
    period: { start: '2026-11-01', end: '2026-11-24' },
    costs: costs(services, '2026-11-24', dailySeries().slice(0, 29)),
    findings,
    potentialMonthlySavings: countedSavingsTotal(findings),
    tasks: TASKS.map((t) => ({ ...t, status: 'succeeded', error: null })),
    breakers: {},
    pending: [],
    gaps: [],
    usedBundledPrices: false,
  };
}

/** A report with `count` findings of invented resources, for size caps. */
export function largeReport(count: number): Report {
  const base = fixtureReport();
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const id = `vol-${i.toString(16).padStart(17, '0')}`;
    findings.push({
      check: i % 3 === 0 ? 'ebs-unattached' : i % 3 === 1 ? 'ebs-gp2-to-gp3' : 'ebs-snapshot-old',
      resourceId: id,
      resourceType: 'ebs-volume',
      region: i % 2 === 0 ? 'us-east-1' : 'eu-west-1',
      title: `Volume ${id} tagged "team|data-platform *nightly* [batch]" unused for ${(i % 300) + 7} days`,
      evidence: { sizeGiB: (i % 50) * 10 + 10, ageDays: (i % 300) + 7 },
      estimatedMonthlySavings: roundUsd(((i * 7919) % 100_000) / 100),
      severity: i % 5 === 0 ? 'high' : i % 2 === 0 ? 'medium' : 'low',
    });
  }
  return { ...base, findings, potentialMonthlySavings: sum(findings.map((f) => f.estimatedMonthlySavings)) };
}
