import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { costExplorerAdapter } from '../../src/aws/cost-explorer.js';
import type { CostExplorerPort, CostGroupBy } from '../../src/aws/ports/index.js';
import { DUMMY_CREDENTIALS, stubSdkClient, type SdkCall } from './sdk-stub.js';

// SDK inputs are read loosely: the stub only needs a few fields of each.
type Input = Record<string, any>;

const usd = (amount: number) => ({ Amount: amount.toFixed(10), Unit: 'USD' });

/**
 * The real Cost Explorer adapter on a real SDK client whose requests are answered by `account`
 * (the demo's or a synthetic account's spend model) in Cost Explorer's wire shapes. Every
 * request is recorded in `calls`; one page per answer, as Cost Explorer gives for an account
 * of this size.
 */
export function stubbedCostExplorer(account: CostExplorerPort): { port: CostExplorerPort; calls: SdkCall[] } {
  const client = new CostExplorerClient({ region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  const calls = stubSdkClient(client, async (command, input: Input) => {
    switch (command) {
      case 'GetCostAndUsageCommand': {
        const metric = input.Metrics[0] as string;
        const groupBy = ((input.GroupBy ?? []) as Input[]).map((g): CostGroupBy => ({ type: g.Type, key: g.Key }));
        const periods = await account.getCostAndUsage({
          start: input.TimePeriod.Start,
          end: input.TimePeriod.End,
          granularity: input.Granularity,
          metric,
          groupBy,
        });
        return {
          ResultsByTime: periods.map((p) => ({
            TimePeriod: { Start: p.start, End: p.end },
            Total: p.total === undefined ? {} : { [metric]: usd(p.total) },
            Groups: p.groups.map((g) => ({ Keys: g.keys, Metrics: { [metric]: usd(g.amount) } })),
            Estimated: p.estimated,
          })),
        };
      }
      case 'GetCostForecastCommand': {
        const f = await account.getCostForecast({ start: input.TimePeriod.Start, end: input.TimePeriod.End, metric: 'UnblendedCost' });
        return {
          Total: usd(f.mean),
          ForecastResultsByTime: [
            {
              TimePeriod: input.TimePeriod,
              MeanValue: String(f.mean),
              PredictionIntervalLowerBound: String(f.lower ?? f.mean),
              PredictionIntervalUpperBound: String(f.upper ?? f.mean),
            },
          ],
        };
      }
      case 'GetAnomaliesCommand': {
        const anomalies = await account.getAnomalies({ start: input.DateInterval.StartDate, end: input.DateInterval.EndDate });
        return {
          Anomalies: anomalies.map((a) => ({
            AnomalyId: a.id,
            AnomalyStartDate: a.start,
            AnomalyEndDate: a.end,
            DimensionValue: a.dimensionValue,
            MonitorArn: a.monitorArn,
            RootCauses: a.rootCauses.map((c) => ({
              Service: c.service,
              Region: c.region,
              LinkedAccount: c.linkedAccount,
              UsageType: c.usageType,
            })),
            Impact: { MaxImpact: a.maxImpact, TotalImpact: a.totalImpact },
          })),
        };
      }
      default:
        throw new Error(`the Cost Explorer stub does not answer ${command}`);
    }
  });
  return { port: costExplorerAdapter(client), calls };
}
