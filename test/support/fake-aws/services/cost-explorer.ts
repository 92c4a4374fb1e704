import type { CostGroupBy, CostPeriod } from '../../../../src/aws/ports/index.js';
import { page } from '../paging.js';
import { fromSource, requireString, type ServiceDefinition } from '../types.js';
import { FakeAwsError, jsonReply } from '../wire.js';

const GRANULARITIES = new Set(['DAILY', 'MONTHLY', 'HOURLY']);
const FORECAST_METRICS: Record<string, string> = {
  UNBLENDED_COST: 'UnblendedCost',
  BLENDED_COST: 'BlendedCost',
  AMORTIZED_COST: 'AmortizedCost',
  NET_UNBLENDED_COST: 'NetUnblendedCost',
  NET_AMORTIZED_COST: 'NetAmortizedCost',
};

/** The cost metrics of GetCostAndUsage (the usage metrics count units, not dollars: the data source has none). */
const COST_METRICS = new Set(Object.values(FORECAST_METRICS));

const usd = (amount: number) => ({ Amount: String(amount), Unit: 'USD' });
const invalid = (message: string) => new FakeAwsError('ValidationException', message);

/**
 * The product sends no `Filter`. Answering a filtered query with unfiltered data would let a
 * filter the product started sending pass unnoticed, so the fake refuses it until it applies it.
 */
function refuseFilter(input: Record<string, unknown>): void {
  if (input.Filter !== undefined) throw invalid('The fake Cost Explorer does not apply Filter: teach it to before sending one');
}

/** Today (UTC) by the fake's clock: Cost Explorer forecasts from today on, never from a past day. */
const todayOf = (ctx: { now: () => number }) => new Date(ctx.now()).toISOString().slice(0, 10);

/** One page unit: a period, with one of its groups (grouped queries) or its total. */
interface Unit {
  period: number;
  group?: { Keys: string[]; Metrics: Record<string, { Amount: string; Unit: string }> };
}

/** Cost Explorer (awsJson1_1, `AWSInsightsIndexService`) answered from the data source. */
export const costExplorer: ServiceDefinition = {
  name: 'ce',
  protocol: 'json1.1',
  namespace: '',
  handlers: {
    async GetCostAndUsage(input, ctx) {
      const start = requireString(input, 'TimePeriod.Start');
      const end = requireString(input, 'TimePeriod.End');
      const granularity = requireString(input, 'Granularity');
      if (!GRANULARITIES.has(granularity)) throw invalid(`Granularity ${granularity} is not one of DAILY, MONTHLY, HOURLY`);
      if (!(start < end)) throw invalid('Start date (inclusive) must be before end date (exclusive)');
      const metrics = Array.isArray(input.Metrics) ? (input.Metrics as string[]) : [];
      if (metrics.length === 0) throw invalid('Metrics must not be empty');
      const unknown = metrics.filter((m) => !COST_METRICS.has(m));
      if (unknown.length > 0)
        throw invalid(`Unsupported metrics: ${unknown.join(', ')} (the fake answers ${[...COST_METRICS].join(', ')})`);
      refuseFilter(input);
      const groupBy = ((input.GroupBy as Array<{ Type?: string; Key?: string }> | undefined) ?? []).map(
        (g) => ({ type: g.Type, key: g.Key }) as CostGroupBy,
      );
      if (groupBy.length > 2) throw invalid('GroupBy accepts at most two keys');
      const perMetric = await Promise.all(
        metrics.map((metric) =>
          fromSource(() =>
            ctx.data.costExplorer.getCostAndUsage({ start, end, granularity: granularity as 'DAILY' | 'MONTHLY', metric, groupBy }),
          ),
        ),
      );
      const periods = perMetric[0]!;
      const units: Unit[] = periods.flatMap((period, index): Unit[] => {
        if (groupBy.length === 0) return [{ period: index }];
        const groups = mergeGroups(
          periods[index]!,
          perMetric.map((p) => p[index]!),
          metrics,
        );
        return groups.length === 0 ? [{ period: index }] : groups.map((group) => ({ period: index, group }));
      });
      const scope = { op: 'GetCostAndUsage', start, end, granularity, metrics, groupBy, filter: input.Filter ?? null };
      const { items, next } = page(units, {
        token: input.NextPageToken as string | undefined,
        size: ctx.pageSizes.costGroups,
        scope,
        invalidTokenCode: 'InvalidNextTokenException',
      });
      const resultsByTime: unknown[] = [];
      let current: { index: number; result: { Groups: unknown[] } & Record<string, unknown> } | undefined;
      for (const unit of items) {
        if (current?.index !== unit.period) {
          const period = periods[unit.period]!;
          const total =
            groupBy.length === 0 ? Object.fromEntries(metrics.map((m, i) => [m, usd(perMetric[i]![unit.period]!.total ?? 0)])) : {};
          current = {
            index: unit.period,
            result: { TimePeriod: { Start: period.start, End: period.end }, Total: total, Groups: [], Estimated: period.estimated },
          };
          resultsByTime.push(current.result);
        }
        if (unit.group) current.result.Groups.push(unit.group);
      }
      return jsonReply('json1.1', {
        ResultsByTime: resultsByTime,
        ...(groupBy.length > 0 ? { GroupDefinitions: groupBy.map((g) => ({ Type: g.type, Key: g.key })) } : {}),
        DimensionValueAttributes: [],
        ...(next ? { NextPageToken: next } : {}),
      });
    },

    async GetCostForecast(input, ctx) {
      const start = requireString(input, 'TimePeriod.Start');
      const end = requireString(input, 'TimePeriod.End');
      const metric = FORECAST_METRICS[requireString(input, 'Metric')];
      if (!metric) throw invalid(`Metric ${String(input.Metric)} is not a forecast metric`);
      refuseFilter(input);
      if (!(start < end)) throw invalid(`Requested Start: ${start} must be before requested End: ${end}`);
      // Cost Explorer forecasts what is still to come: a start before its current (UTC) day is refused.
      const today = todayOf(ctx);
      if (start < today) throw invalid(`Start date (${start}) must be the current date (${today}) or later`);
      const forecast = await fromSource(() => ctx.data.costExplorer.getCostForecast({ start, end, metric }));
      return jsonReply('json1.1', {
        Total: usd(forecast.mean),
        ForecastResultsByTime: [
          {
            TimePeriod: { Start: start, End: end },
            MeanValue: String(forecast.mean),
            ...(forecast.lower === undefined ? {} : { PredictionIntervalLowerBound: String(forecast.lower) }),
            ...(forecast.upper === undefined ? {} : { PredictionIntervalUpperBound: String(forecast.upper) }),
          },
        ],
      });
    },

    async GetAnomalies(input, ctx) {
      const start = requireString(input, 'DateInterval.StartDate');
      const end = requireString(input, 'DateInterval.EndDate');
      const anomalies = await fromSource(() => ctx.data.costExplorer.getAnomalies({ start, end }));
      const scope = { op: 'GetAnomalies', start, end, monitor: input.MonitorArn ?? null };
      const { items, next } = page(anomalies, {
        token: input.NextPageToken as string | undefined,
        size: ctx.pageSizes.anomalies,
        scope,
        invalidTokenCode: 'InvalidNextTokenException',
      });
      return jsonReply('json1.1', {
        Anomalies: items.map((a) => ({
          AnomalyId: a.id,
          ...(a.start ? { AnomalyStartDate: a.start } : {}),
          ...(a.end ? { AnomalyEndDate: a.end } : {}),
          ...(a.dimensionValue ? { DimensionValue: a.dimensionValue } : {}),
          RootCauses: a.rootCauses.map((c) => ({
            ...(c.service ? { Service: c.service } : {}),
            ...(c.region ? { Region: c.region } : {}),
            ...(c.linkedAccount ? { LinkedAccount: c.linkedAccount } : {}),
            ...(c.usageType ? { UsageType: c.usageType } : {}),
          })),
          AnomalyScore: { MaxScore: 0.92, CurrentScore: 0.87 },
          Impact: { MaxImpact: a.maxImpact, TotalImpact: a.totalImpact },
          ...(a.monitorArn ? { MonitorArn: a.monitorArn } : {}),
        })),
        ...(next ? { NextPageToken: next } : {}),
      });
    },
  },
};

/** The groups of one period with every requested metric (the source answers one metric at a time). */
function mergeGroups(period: CostPeriod, perMetric: CostPeriod[], metrics: string[]): NonNullable<Unit['group']>[] {
  return period.groups.map((group) => ({
    Keys: group.keys,
    Metrics: Object.fromEntries(
      metrics.map((metric, i) => {
        const match = perMetric[i]!.groups.find((g) => g.keys.join('\u0000') === group.keys.join('\u0000'));
        return [metric, usd(match?.amount ?? 0)];
      }),
    ),
  }));
}
