import type { CostAnomaly, CostExplorerPort, CostPeriod, CostQuery } from '../aws/ports/index.js';
import { addDays, addMonths, monthStart, utcDay } from '../analysis/dates.js';
import { roundUsd } from '../primitives/money.js';
import { DEMO_ACCOUNT_ID } from './catalogue.js';
import { between } from './random.js';

/** One line of the bill: a service in a region, owned by a team ('' = untagged). */
interface CostLine {
  service: string;
  region: string;
  team: string;
  /** USD per day at the start of the data. */
  base: number;
  /** Cheaper at weekends (customer-facing capacity scales down). */
  weekly?: boolean;
}

const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const EC2_OTHER = 'EC2 - Other';

const LINES: CostLine[] = [
  { service: EC2, region: 'us-east-1', team: 'web', base: 48, weekly: true },
  { service: EC2_OTHER, region: 'us-east-1', team: '', base: 12 },
  { service: 'Amazon Relational Database Service', region: 'us-east-1', team: 'data', base: 13 },
  { service: 'Amazon Elastic Load Balancing', region: 'us-east-1', team: 'web', base: 3.2, weekly: true },
  { service: 'Amazon Simple Storage Service', region: 'us-east-1', team: 'data', base: 9 },
  { service: 'Amazon CloudFront', region: 'global', team: 'web', base: 6.5, weekly: true },
  { service: 'AWS Lambda', region: 'us-east-1', team: 'platform', base: 2.1 },
  { service: 'AmazonCloudWatch', region: 'us-east-1', team: 'platform', base: 3.4 },
  { service: 'Amazon DynamoDB', region: 'us-east-1', team: 'data', base: 4 },
  { service: 'AWS Key Management Service', region: 'us-east-1', team: 'platform', base: 0.4 },
  { service: EC2, region: 'eu-west-1', team: 'web', base: 14, weekly: true },
  { service: EC2_OTHER, region: 'eu-west-1', team: '', base: 5 },
  { service: 'Amazon Relational Database Service', region: 'eu-west-1', team: 'data', base: 7.5 },
  { service: 'Amazon Elastic Load Balancing', region: 'eu-west-1', team: 'web', base: 1.5 },
  { service: 'Amazon Simple Storage Service', region: 'eu-west-1', team: 'data', base: 3 },
  { service: 'AmazonCloudWatch', region: 'eu-west-1', team: 'platform', base: 1.1 },
  { service: EC2, region: 'ap-southeast-2', team: 'web', base: 7.5, weekly: true },
  { service: EC2_OTHER, region: 'ap-southeast-2', team: '', base: 2.5 },
  { service: 'Amazon Relational Database Service', region: 'ap-southeast-2', team: 'data', base: 0.8 },
  { service: 'Amazon Elastic Load Balancing', region: 'ap-southeast-2', team: 'web', base: 0.7 },
  { service: 'Amazon Simple Storage Service', region: 'ap-southeast-2', team: 'data', base: 0.6 },
];

/**
 * The visible spike: NAT gateway data processing in us-east-1 (a job started pulling images
 * through the NAT) adds this much a day to EC2 - Other from `SPIKE_DAYS` days before now.
 */
export const SPIKE = { service: EC2_OTHER, region: 'us-east-1', usdPerDay: 78, days: 9, usageType: 'NatGateway-Bytes' };

/** The demo's spend model, anchored at `now`: data from the 1st of the month three months back. */
export function demoSpend(now: Date) {
  const today = utcDay(now);
  const firstDay = addMonths(monthStart(today), -3);
  const spikeStart = addDays(today, -SPIKE.days);
  const amount = (line: CostLine, day: string): number => {
    if (day < firstDay || day >= today) return 0;
    const age = Math.round((Date.parse(day) - Date.parse(firstDay)) / 86_400_000);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekly = line.weekly && (weekday === 0 || weekday === 6) ? 0.85 : 1;
    let usd = line.base * (1 + 0.001 * age) * weekly * between(`${line.service}|${line.region}|${day}`, [0.96, 1.04]);
    if (line.service === SPIKE.service && line.region === SPIKE.region && day >= spikeStart) usd += SPIKE.usdPerDay;
    return Math.round(usd * 1e6) / 1e6;
  };
  return { today, firstDay, spikeStart, lines: LINES, amount };
}

/**
 * What each Cost Explorer metric makes of the demo's usage: a fixed factor per metric. The demo
 * models no discount or upfront fee line by line, yet a run in another metric must show other
 * numbers, as it would on a real account. One account, so blended rates are the unblended ones.
 */
const METRIC_FACTORS: Record<string, number> = {
  UnblendedCost: 1,
  BlendedCost: 1,
  AmortizedCost: 0.92,
  NetUnblendedCost: 0.97,
  NetAmortizedCost: 0.8924,
};

function metricFactor(metric: string): number {
  const factor = METRIC_FACTORS[metric];
  if (factor === undefined) throw new RangeError(`The demo account has no cost metric ${metric}`);
  return factor;
}

function keyOf(line: CostLine, group: CostQuery['groupBy'][number]): string {
  if (group.type === 'TAG') return `${group.key}$${group.key === 'team' ? line.team : ''}`;
  switch (group.key) {
    case 'SERVICE':
      return line.service;
    case 'REGION':
      return line.region;
    case 'LINKED_ACCOUNT':
      return DEMO_ACCOUNT_ID;
    default:
      return 'NoValue';
  }
}

/** Cost Explorer for the demo account, computed from the spend model. */
export function demoCostExplorer(now: Date): CostExplorerPort {
  const spend = demoSpend(now);
  const estimatedFrom = addDays(spend.today, -2);
  return {
    async getCostAndUsage(query) {
      const factor = metricFactor(query.metric);
      const periods: CostPeriod[] = [];
      for (let start = query.start; start < query.end;) {
        const next = query.granularity === 'DAILY' ? addDays(start, 1) : addMonths(start, 1);
        const end = next < query.end ? next : query.end;
        const groups = new Map<string, { keys: string[]; amount: number }>();
        for (const line of spend.lines) {
          const keys = query.groupBy.map((g) => keyOf(line, g));
          let usd = 0;
          for (let day = start; day < end; day = addDays(day, 1)) usd += spend.amount(line, day) * factor;
          if (usd === 0) continue;
          const id = keys.join('\u0000');
          const group = groups.get(id) ?? { keys, amount: 0 };
          group.amount += usd;
          groups.set(id, group);
        }
        const list = [...groups.values()];
        periods.push({
          start,
          end,
          estimated: end > estimatedFrom,
          groups: query.groupBy.length > 0 ? list : [],
          ...(query.groupBy.length === 0 ? { total: list.reduce((s, g) => s + g.amount, 0) } : {}),
        });
        start = end;
      }
      return periods;
    },
    async getCostForecast({ start, end, metric }) {
      const factor = metricFactor(metric);
      let lastWeek = 0;
      for (let day = addDays(spend.today, -7); day < spend.today; day = addDays(day, 1))
        for (const line of spend.lines) lastWeek += spend.amount(line, day);
      const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
      const mean = (lastWeek / 7) * days * factor;
      return { mean, lower: mean * 0.93, upper: mean * 1.07 };
    },
    async getAnomalies({ start, end }): Promise<CostAnomaly[]> {
      if (spend.spikeStart < start || spend.spikeStart > end) return [];
      const days = Math.round((Date.parse(spend.today) - Date.parse(spend.spikeStart)) / 86_400_000);
      return [
        {
          id: 'a1b2c3d4-demo-4e5f-8a9b-0c1d2e3f4a5b',
          start: spend.spikeStart,
          end: addDays(spend.today, -1),
          dimensionValue: SPIKE.service,
          rootCauses: [{ service: SPIKE.service, region: SPIKE.region, linkedAccount: DEMO_ACCOUNT_ID, usageType: SPIKE.usageType }],
          totalImpact: roundUsd(SPIKE.usdPerDay * days),
          maxImpact: SPIKE.usdPerDay,
          monitorArn: `arn:aws:ce::${DEMO_ACCOUNT_ID}:anomalymonitor/demo-services-monitor`,
        },
      ];
    },
  };
}
