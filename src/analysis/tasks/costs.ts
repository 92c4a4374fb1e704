import type { AwsAdapters } from '../../aws/ports/index.js';
import { outputOf, type TaskOutput } from '../../executor/task-output.js';
import { taskId, type TaskDefinition } from '../../executor/types.js';
import type { Cache } from '../../primitives/cache.js';
import type { CostSummary } from '../../records/report.js';
import {
  fetchAnomalies,
  fetchClosedMonths,
  fetchDaily,
  fetchForecast,
  type CostAnomaliesResult,
  type CostDailyResult,
  type CostForecastResult,
  type CostMonthsResult,
} from '../cost/fetch.js';
import type { CostPlan } from '../cost/plan.js';
import { summariseCosts } from '../cost/summary.js';
import { utcDay } from '../dates.js';

export interface CostTasksOptions {
  adapters: AwsAdapters;
  cache: Cache;
  plan: CostPlan;
  /** 12-digit AWS account id (cache keys are per account). */
  accountId: string;
  /** Cost Explorer metric, e.g. `UnblendedCost`. */
  metric: string;
  tagKey: string | undefined;
}

/**
 * The account-wide Cost Explorer tasks (breaker `aws:ce`): `cost-daily`, `cost-months`,
 * `cost-forecast`, `cost-anomalies`, then `cost-analysis`, the summary made of them (it needs
 * the daily costs; the others only add to it). Returns them in that order, with the handle of
 * the summary for the tasks that read it.
 */
export function costTasks(options: CostTasksOptions): { tasks: TaskDefinition[]; summary: TaskOutput<CostSummary> } {
  const { adapters, cache, plan, accountId, metric, tagKey } = options;
  const ce = ['aws:ce'];
  const daily: TaskDefinition<CostDailyResult> = {
    id: taskId('cost-daily'),
    type: 'cost-daily',
    breakerKeys: ce,
    run: (ctx) => fetchDaily(adapters.costExplorer, plan, metric, ctx.signal),
  };
  const months: TaskDefinition<CostMonthsResult> = {
    id: taskId('cost-months'),
    type: 'cost-months',
    breakerKeys: ce,
    run: (ctx) => fetchClosedMonths(adapters.costExplorer, cache, plan, { accountId, metric, tagKey }, ctx.signal),
  };
  const forecast: TaskDefinition<CostForecastResult> = {
    id: taskId('cost-forecast'),
    type: 'cost-forecast',
    breakerKeys: ce,
    run: (ctx) => fetchForecast(adapters.costExplorer, plan, metric, utcDay(ctx.clock.now()), ctx.signal),
  };
  const anomalies: TaskDefinition<CostAnomaliesResult> = {
    id: taskId('cost-anomalies'),
    type: 'cost-anomalies',
    breakerKeys: ce,
    run: (ctx) => fetchAnomalies(adapters.costExplorer, cache, plan, accountId, ctx.signal),
  };
  const inputs = { daily: outputOf(daily), months: outputOf(months), forecast: outputOf(forecast), anomalies: outputOf(anomalies) };
  const summary: TaskDefinition<CostSummary> = {
    id: taskId('cost-analysis'),
    type: 'cost-analysis',
    dependsOn: [inputs.daily.id],
    optionalDependsOn: [inputs.months.id, inputs.forecast.id, inputs.anomalies.id],
    run: async (ctx) =>
      summariseCosts({
        plan,
        metric,
        tagKey,
        daily: inputs.daily.from(ctx.inputs),
        months: inputs.months.optional(ctx.inputs),
        forecast: inputs.forecast.optional(ctx.inputs),
        anomalies: inputs.anomalies.optional(ctx.inputs),
      }),
  };
  return { tasks: [daily, months, forecast, anomalies, summary], summary: outputOf(summary) };
}
