import {
  CostExplorerClient,
  GetAnomaliesCommand,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type Anomaly,
  type Metric,
  type ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { amountOf } from './convert.js';
import { awsCall } from './errors.js';
import { collectPages } from './paginate.js';
import type { CostAnomaly, CostExplorerPort, CostPeriod, CostQuery } from './ports/index.js';

/** GetCostForecast spells the metrics of GetCostAndUsage differently. */
const FORECAST_METRIC: Record<string, Metric> = {
  UnblendedCost: 'UNBLENDED_COST',
  BlendedCost: 'BLENDED_COST',
  AmortizedCost: 'AMORTIZED_COST',
  NetUnblendedCost: 'NET_UNBLENDED_COST',
  NetAmortizedCost: 'NET_AMORTIZED_COST',
};

/** Cost Explorer behind {@link CostExplorerPort}. Every request here is billed ($0.01 each). */
export function costExplorerAdapter(client: CostExplorerClient): CostExplorerPort {
  return {
    async getCostAndUsage(query, signal) {
      if (query.groupBy.length > 2) throw new RangeError('Cost Explorer groups by at most two keys');
      const pages = await collectPages('ce:GetCostAndUsage', async (token) => {
        const out = await awsCall('ce:GetCostAndUsage', 'global', () =>
          client.send(
            new GetCostAndUsageCommand({
              TimePeriod: { Start: query.start, End: query.end },
              Granularity: query.granularity,
              Metrics: [query.metric],
              ...(query.groupBy.length > 0 ? { GroupBy: query.groupBy.map((g) => ({ Type: g.type, Key: g.key })) } : {}),
              ...(token ? { NextPageToken: token } : {}),
            }),
            { abortSignal: signal },
          ),
        );
        return { items: out.ResultsByTime, next: out.NextPageToken };
      });
      return mergePeriods(pages, query);
    },

    async getCostForecast(request, signal) {
      const metric = FORECAST_METRIC[request.metric];
      if (!metric) throw new RangeError(`No forecast metric for ${request.metric}`);
      const out = await awsCall('ce:GetCostForecast', 'global', () =>
        client.send(
          new GetCostForecastCommand({
            TimePeriod: { Start: request.start, End: request.end },
            Metric: metric,
            Granularity: 'MONTHLY',
            PredictionIntervalLevel: 80,
          }),
          { abortSignal: signal },
        ),
      );
      const results = out.ForecastResultsByTime ?? [];
      const sum = (pick: (r: (typeof results)[number]) => string | undefined) => {
        const values = results.map(pick).filter((v): v is string => v !== undefined && v !== '');
        return values.length === 0 ? undefined : values.reduce((acc, v) => acc + Number(v), 0);
      };
      return {
        mean: out.Total ? amountOf(out.Total) : (sum((r) => r.MeanValue) ?? 0),
        ...optional(
          'lower',
          sum((r) => r.PredictionIntervalLowerBound),
        ),
        ...optional(
          'upper',
          sum((r) => r.PredictionIntervalUpperBound),
        ),
      };
    },

    async getAnomalies(request, signal) {
      const anomalies = await collectPages('ce:GetAnomalies', async (token) => {
        const out = await awsCall('ce:GetAnomalies', 'global', () =>
          client.send(
            new GetAnomaliesCommand({
              DateInterval: { StartDate: request.start, EndDate: request.end },
              ...(token ? { NextPageToken: token } : {}),
            }),
            { abortSignal: signal },
          ),
        );
        return { items: out.Anomalies, next: out.NextPageToken };
      });
      return anomalies.map(toAnomaly);
    },
  };
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

/** Pages may split one period's groups; merge them by period start, in time order. */
function mergePeriods(results: ResultByTime[], query: CostQuery): CostPeriod[] {
  const byStart = new Map<string, CostPeriod>();
  for (const result of results) {
    const start = result.TimePeriod?.Start;
    const end = result.TimePeriod?.End;
    if (!start || !end) continue;
    let period = byStart.get(start);
    if (!period) {
      period = { start, end, estimated: result.Estimated ?? false, groups: [] };
      byStart.set(start, period);
    }
    period.estimated ||= result.Estimated ?? false;
    const total = result.Total?.[query.metric];
    if (total) period.total = (period.total ?? 0) + amountOf(total);
    for (const group of result.Groups ?? []) {
      period.groups.push({ keys: group.Keys ?? [], amount: amountOf(group.Metrics?.[query.metric]) });
    }
  }
  return [...byStart.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

function toAnomaly(anomaly: Anomaly): CostAnomaly {
  return {
    id: anomaly.AnomalyId ?? '',
    start: anomaly.AnomalyStartDate?.slice(0, 10) ?? null,
    end: anomaly.AnomalyEndDate?.slice(0, 10) ?? null,
    dimensionValue: anomaly.DimensionValue ?? null,
    rootCauses: (anomaly.RootCauses ?? []).map((cause) => ({
      ...(cause.Service ? { service: cause.Service } : {}),
      ...(cause.Region ? { region: cause.Region } : {}),
      ...(cause.LinkedAccount ? { linkedAccount: cause.LinkedAccount } : {}),
      ...(cause.UsageType ? { usageType: cause.UsageType } : {}),
    })),
    totalImpact: anomaly.Impact?.TotalImpact ?? anomaly.Impact?.MaxImpact ?? 0,
    maxImpact: anomaly.Impact?.MaxImpact ?? 0,
    monitorArn: anomaly.MonitorArn ?? null,
  };
}
