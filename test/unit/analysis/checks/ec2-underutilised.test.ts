import { describe, expect, it } from 'vitest';
import { ec2Underutilised } from '../../../../src/analysis/checks/ec2-underutilised.js';
import { PriceLookup, resolvePrices } from '../../../../src/analysis/pricing/price-book.js';
import type { PriceListProduct, PricingPort } from '../../../../src/aws/ports/index.js';
import { TaskSkippedError } from '../../../../src/primitives/errors.js';
import type { Finding } from '../../../../src/records/report.js';
import { memoryCache } from '../../../../src/state/cache.js';
import { input, instance, metrics, params, prices, repeat } from '../support/builders.js';

function cpu(id: string, max: number[]) {
  return metrics([
    { resourceId: id, metric: 'CPUUtilization', stat: 'Maximum', values: max },
    { resourceId: id, metric: 'CPUUtilization', stat: 'Average', values: max.map((v) => v / 3) },
  ]);
}

/** g4dn's on-demand Linux rates: the family starts at xlarge, there is no g4dn.large. */
const G4DN = { 'ec2:g4dn.xlarge': 0.526, 'ec2:g4dn.2xlarge': 0.752 };

/** An underutilised instance with no smaller size in reach: reported at $0, saying so, never with a made-up size. */
function expectNoSmallerSize(findings: readonly Finding[], type: string, region = 'us-east-1'): void {
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  expect(finding).toMatchObject({
    estimatedMonthlySavings: 0,
    evidence: { suggestedType: null, suggestedHourlyUsd: null, noSmallerSize: true },
  });
  expect(finding!.title).toContain(`no smaller ${type.split('.')[0]} size in ${region}`);
  expect(finding!.title).not.toContain('would do');
}

describe('ec2-underutilised', () => {
  const run = (type: string, max: number[], p = params('ec2-underutilised'), lookup = prices()) =>
    ec2Underutilised.run(
      input({ instances: [instance({ instanceId: 'i-big', instanceType: type })] }, { prices: lookup, metrics: cpu('i-big', max) }),
      p as never,
    );

  it('m5.2xlarge peaking at 12% → m5.xlarge: ($0.384 − $0.192) × 730 = $140.16/month', () => {
    const [finding] = run('m5.2xlarge', repeat(12, 14));
    expect(finding).toMatchObject({ check: 'ec2-underutilised', estimatedMonthlySavings: 140.16 });
    expect(finding!.evidence).toMatchObject({
      instanceType: 'm5.2xlarge',
      suggestedType: 'm5.xlarge',
      peakCpuPercent: 12,
      currentHourlyUsd: 0.384,
      suggestedHourlyUsd: 0.192,
    });
  });

  it.each([
    // m5 has no 3xlarge: the next rung that exists, ($0.768 − $0.384) × 730 = $280.32
    ['m5.4xlarge', 'm5.2xlarge', 280.32],
    // t3.large → t3.medium: (0.0832 − 0.0416) × 730 = 30.368 → $30.37
    ['t3.large', 't3.medium', 30.37],
    // g4dn.2xlarge → g4dn.xlarge: (0.752 − 0.526) × 730 = $164.98
    ['g4dn.2xlarge', 'g4dn.xlarge', 164.98],
  ])('%s → the nearest smaller size with a price, %s, saving $%d', (type, suggested, saving) => {
    const [finding] = run(type, repeat(5, 14), params('ec2-underutilised'), prices('us-east-1', G4DN));
    expect(finding).toMatchObject({ estimatedMonthlySavings: saving, evidence: { suggestedType: suggested } });
    expect(finding!.title).toContain(`${suggested} would do`);
  });

  it.each([
    // g4dn starts at xlarge: no g4dn.large or g4dn.medium has a price
    ['g4dn.xlarge'],
    // m5 starts at large
    ['m5.large'],
    // c5 has no 8xlarge or 6xlarge; its 4xlarge is three rungs down, beyond reach
    ['c5.9xlarge'],
    ['t3.nano'],
  ])('%s: no smaller size with a price in the region, reported at $0 saying so', (type) => {
    expectNoSmallerSize(run(type, repeat(5, 14), params('ec2-underutilised'), prices('us-east-1', G4DN)), type);
  });

  it('a size is offered only in a region where it has a price', () => {
    // The bundled snapshot prices t2.nano in us-east-1 but not in eu-central-1.
    expect(run('t2.micro', repeat(5, 14), params('ec2-underutilised'), prices('us-east-1'))[0]!.evidence.suggestedType).toBe('t2.nano');
    expectNoSmallerSize(run('t2.micro', repeat(5, 14), params('ec2-underutilised'), prices('eu-central-1')), 't2.micro');
  });

  it('ignores busy instances', () => {
    expect(run('m5.2xlarge', [...repeat(10, 13), 60])).toEqual([]);
  });

  it('boundary: peak CPU must stay strictly below maxCpuPercent', () => {
    expect(run('m5.2xlarge', [...repeat(10, 13), 19.99])).toHaveLength(1);
    expect(run('m5.2xlarge', [...repeat(10, 13), 20])).toEqual([]);
    expect(run('m5.2xlarge', [...repeat(10, 13), 20], params('ec2-underutilised', { maxCpuPercent: 25 }))).toHaveLength(1);
  });
});

/**
 * A Price List that knows only `rates` (by region, then instance type), honouring the filters the
 * prices task sends: EC2 compute, Linux, shared tenancy, in the asked region.
 */
function priceList(rates: Record<string, Record<string, number>>): PricingPort {
  return {
    async getProducts({ serviceCode, filters }): Promise<PriceListProduct[]> {
      const linuxShared = filters.operatingSystem === 'Linux' && filters.tenancy === 'Shared';
      if (serviceCode !== 'AmazonEC2' || filters.productFamily !== 'Compute Instance' || !linuxShared) return [];
      const usd = rates[filters.regionCode ?? '']?.[filters.instanceType ?? ''];
      if (usd === undefined) return [];
      return [
        {
          sku: `SKU-${filters.instanceType}`,
          productFamily: 'Compute Instance',
          attributes: { ...filters },
          onDemand: [{ unit: 'Hrs', usd, beginRange: 0, description: null }],
        },
      ];
    },
  };
}

describe('ec2-underutilised on the prices the prices task resolved', () => {
  const analyse = async (type: string, pricing: PricingPort, region = 'us-east-1') => {
    const inventory = { instances: [instance({ instanceId: 'i-gpu', instanceType: type })] };
    const resolved = await resolvePrices(
      ec2Underutilised.priceKeys(inventory, params('ec2-underutilised')),
      region,
      pricing,
      memoryCache(),
    );
    const lookup = new PriceLookup(region, resolved.prices);
    return ec2Underutilised.run(
      input(inventory, { region, prices: lookup, metrics: cpu('i-gpu', repeat(8, 14)) }),
      params('ec2-underutilised'),
    );
  };

  it('g4dn.xlarge: the Price List has no g4dn.large in the region, so no g4dn.large is suggested', async () => {
    const pricing = priceList({ 'us-east-1': { 'g4dn.xlarge': 0.526, 'g4dn.2xlarge': 0.752 } });
    expectNoSmallerSize(await analyse('g4dn.xlarge', pricing), 'g4dn.xlarge');
    const [finding] = await analyse('g4dn.2xlarge', pricing);
    expect(finding).toMatchObject({
      estimatedMonthlySavings: 164.98,
      priceSource: 'price-list',
      evidence: { suggestedType: 'g4dn.xlarge' },
    });
  });

  it('what exists is decided per region: a size the Price List has in one region only is suggested only there', async () => {
    const pricing = priceList({
      'us-east-1': { 'g4dn.xlarge': 0.526, 'g4dn.2xlarge': 0.752 },
      'ap-southeast-2': { 'g4dn.2xlarge': 1.052 },
    });
    expect((await analyse('g4dn.2xlarge', pricing, 'us-east-1'))[0]!.evidence.suggestedType).toBe('g4dn.xlarge');
    expectNoSmallerSize(await analyse('g4dn.2xlarge', pricing, 'ap-southeast-2'), 'g4dn.2xlarge', 'ap-southeast-2');
  });

  it('with the Price List denied, the bundled snapshot decides what exists the same way', async () => {
    const denied: PricingPort = {
      getProducts: async () => {
        throw new TaskSkippedError('access denied to pricing:GetProducts in us-east-1');
      },
    };
    expectNoSmallerSize(await analyse('g4dn.xlarge', denied), 'g4dn.xlarge');
    const [finding] = await analyse('m5.2xlarge', denied);
    expect(finding).toMatchObject({ estimatedMonthlySavings: 140.16, priceSource: 'bundled', evidence: { suggestedType: 'm5.xlarge' } });
  });
});
