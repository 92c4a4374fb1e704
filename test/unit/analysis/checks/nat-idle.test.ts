import { describe, expect, it } from 'vitest';
import { natIdle } from '../../../../src/analysis/checks/nat-idle.js';
import { daysAgo, input, metrics, natGateway, params, prices, repeat } from '../support/builders.js';

const GB = 1_000_000_000;

describe('nat-idle', () => {
  const traffic = (perDayFromSource: number, perDayFromDest = 0) =>
    metrics([
      { resourceId: 'nat-1', metric: 'BytesInFromSource', stat: 'Sum', values: repeat(perDayFromSource, 14) },
      { resourceId: 'nat-1', metric: 'BytesInFromDestination', stat: 'Sum', values: repeat(perDayFromDest, 14) },
    ]);
  const run = (
    m: ReturnType<typeof metrics> | undefined,
    gw = natGateway({ natGatewayId: 'nat-1' }),
    p = params('nat-idle'),
    region = 'us-east-1',
  ) => natIdle.run(input({ natGateways: [gw] }, { region, prices: prices(region), metrics: m }), p as never);

  it('flags a gateway that processed 0.14 GB in 14 days; saving = $0.045/h × 730 = $32.85', () => {
    const [finding] = run(traffic(0.005 * GB, 0.005 * GB));
    expect(finding).toMatchObject({
      check: 'nat-idle',
      resourceId: 'nat-1',
      resourceType: 'nat-gateway',
      estimatedMonthlySavings: 32.85,
      severity: 'medium',
    });
    expect(finding!.evidence).toMatchObject({ gbProcessed: 0.14, lookbackDays: 14 });
  });

  it('a queried gateway without datapoints processed nothing; one not queried is unknown', () => {
    const empty = metrics([
      { resourceId: 'nat-1', metric: 'BytesInFromSource', stat: 'Sum', values: [] },
      { resourceId: 'nat-1', metric: 'BytesInFromDestination', stat: 'Sum', values: [] },
    ]);
    expect(run(empty)).toHaveLength(1);
    expect(run(metrics([]))).toEqual([]);
  });

  it('ignores busy, young or deleted gateways, and does not guess without metrics', () => {
    expect(run(traffic(2 * GB))).toEqual([]);
    expect(run(traffic(0), natGateway({ natGatewayId: 'nat-1', createTime: daysAgo(3) }))).toEqual([]);
    expect(run(traffic(0), natGateway({ natGatewayId: 'nat-1', state: 'deleted' }))).toEqual([]);
    expect(run(undefined)).toEqual([]);
  });

  it('boundary: just under maxGbProcessed is idle, exactly maxGbProcessed is not', () => {
    expect(run(traffic((1 * GB) / 14 - 1))).toHaveLength(1);
    expect(run(traffic(GB / 28, GB / 28))).toEqual([]);
    expect(run(traffic(GB / 28, GB / 28), undefined, params('nat-idle', { maxGbProcessed: 1.5 }))).toHaveLength(1);
  });

  it('prices in the gateway’s region (ap-southeast-2: $0.059/h × 730 = $43.07)', () => {
    expect(run(traffic(0), undefined, undefined, 'ap-southeast-2')[0]!.estimatedMonthlySavings).toBe(43.07);
  });
});
