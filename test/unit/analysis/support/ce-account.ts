import {
  CostExplorerClient,
  GetAnomaliesCommand,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type GetCostAndUsageCommandInput,
} from '@aws-sdk/client-cost-explorer';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import {
  anomaliesResponse,
  costAndUsagePages,
  days,
  forecastResponse,
  nextDay,
  type FixturePeriod,
} from '../../../fixtures/aws/cost-explorer.js';

/** A fictional account's spend: USD per day by service, region, linked account and tag value. */
export interface CostModel {
  lines: Array<{ service: string; region: string; account: string; team: string; perDay: (day: string) => number }>;
  groupsPerPage?: number;
  /** Months Cost Explorer still marks estimated (YYYY-MM). */
  estimatedMonths?: string[];
}

function keyOf(line: CostModel['lines'][number], group: { Type?: string; Key?: string }): string {
  if (group.Type === 'TAG') return `${group.Key}$${line.team}`;
  switch (group.Key) {
    case 'SERVICE':
      return line.service;
    case 'REGION':
      return line.region;
    case 'LINKED_ACCOUNT':
      return line.account;
    default:
      throw new Error(`fixture cannot group by ${group.Key}`);
  }
}

function monthEnd(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** Answers GetCostAndUsage from the model, as Cost Explorer would for that input. */
export function answer(model: CostModel, input: GetCostAndUsageCommandInput): FixturePeriod[] {
  const start = input.TimePeriod!.Start!;
  const end = input.TimePeriod!.End!;
  const buckets: Array<{ start: string; end: string; days: string[] }> = [];
  if (input.Granularity === 'DAILY') {
    for (const day of days(start, end)) buckets.push({ start: day, end: nextDay(day), days: [day] });
  } else {
    for (let s = start; s < end; s = monthEnd(s))
      buckets.push({ start: s, end: monthEnd(s) < end ? monthEnd(s) : end, days: days(s, monthEnd(s) < end ? monthEnd(s) : end) });
  }
  return buckets.map((bucket) => {
    const totals = new Map<string, { keys: string[]; amount: number }>();
    for (const line of model.lines) {
      const keys = (input.GroupBy ?? []).map((g) => keyOf(line, g));
      const id = keys.join('\u0000');
      const amount = bucket.days.reduce((sum, day) => sum + line.perDay(day), 0);
      const entry = totals.get(id) ?? { keys, amount: 0 };
      entry.amount += amount;
      totals.set(id, entry);
    }
    return {
      start: bucket.start,
      end: bucket.end,
      estimated: (model.estimatedMonths ?? []).includes(bucket.start.slice(0, 7)),
      groups: [...totals.values()].filter((g) => g.amount !== 0),
    };
  });
}

/** Wires a Cost Explorer mock to the model, following NextPageToken through the pages. */
export function installCostExplorer(stub: AwsClientStub<CostExplorerClient>, model: CostModel, forecast = 1234.5): void {
  stub.on(GetCostAndUsageCommand).callsFake((input: GetCostAndUsageCommandInput) => {
    const pages = costAndUsagePages(answer(model, input), input, model.groupsPerPage ? { groupsPerPage: model.groupsPerPage } : {});
    const index = input.NextPageToken ? Number(/page-(\d+)-token/.exec(input.NextPageToken)![1]) : 0;
    return pages[index];
  });
  stub.on(GetCostForecastCommand).resolves(forecastResponse(forecast, forecast * 0.9, forecast * 1.1));
  stub.on(GetAnomaliesCommand).resolves(anomaliesResponse([]));
}
