import { describe, expect, it } from 'vitest';
import { priceListQuery } from '../../../src/analysis/pricing/price-list.js';
import { PRICE_LIST_CONCURRENCY, priceCacheKey, PriceLookup, resolvePrices } from '../../../src/analysis/pricing/price-book.js';
import { BUNDLED_PRICES } from '../../../src/analysis/pricing/snapshot.js';
import { smallerSizes } from '../../../src/analysis/pricing/instance-types.js';
import type { PricingPort } from '../../../src/aws/ports/index.js';
import { parsePriceListItem } from '../../../src/aws/pricing.js';
import { TaskSkippedError } from '../../../src/primitives/errors.js';
import { memoryCache } from '../../../src/state/cache.js';
import { gp3ThroughputUsEast1, io2IopsTiers, m5LargeUsEast1, natProducts, product, snapshotProducts } from '../../fixtures/aws/pricing.js';

const parsed = (items: string[]) => items.map((i) => parsePriceListItem(i)!);

function fakePricing(
  answer: (serviceCode: string, filters: Record<string, string>) => string[] | Error,
): PricingPort & { calls: Array<Record<string, string>> } {
  const calls: Array<Record<string, string>> = [];
  return {
    calls,
    async getProducts({ serviceCode, filters }) {
      calls.push(filters);
      const result = answer(serviceCode, filters);
      if (result instanceof Error) throw result;
      return parsed(result);
    },
  };
}

describe('Price List queries', () => {
  it('EC2: Linux, shared tenancy, no pre-installed software, used capacity, in the region', () => {
    const q = priceListQuery('ec2:m5.large', 'eu-west-1')!;
    expect(q.serviceCode).toBe('AmazonEC2');
    expect(q.filters).toEqual({
      regionCode: 'eu-west-1',
      productFamily: 'Compute Instance',
      instanceType: 'm5.large',
      operatingSystem: 'Linux',
      tenancy: 'Shared',
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
      licenseModel: 'No License required',
    });
    expect(q.pick(parsed([m5LargeUsEast1]))).toBe(0.096);
  });

  it('picks the standard snapshot tier, not archive or under-billing lines', () => {
    expect(priceListQuery('ebs-snapshot', 'eu-west-1')!.pick(parsed(snapshotProducts))).toBe(0.05);
  });

  it('picks the NAT gateway hour and GB, not the regional NAT gateway', () => {
    expect(priceListQuery('nat-hour', 'us-east-1')!.pick(parsed(natProducts))).toBe(0.045);
    expect(priceListQuery('nat-gb', 'us-east-1')!.pick(parsed(natProducts))).toBe(0.045);
  });

  it('converts gp3 throughput from GiBps-month to MiB/s-month: 40.96 / 1024 = 0.04', () => {
    expect(priceListQuery('ebs-throughput:gp3', 'us-east-1')!.pick(parsed([gp3ThroughputUsEast1]))).toBeCloseTo(0.04, 10);
  });

  it('io2 IOPS: the first (dearest) tier', () => {
    expect(priceListQuery('ebs-iops:io2', 'us-east-1')!.pick(parsed(io2IopsTiers))).toBe(0.065);
  });

  it('RDS: engine and deployment in the filters; commercial engines are not priced', () => {
    expect(priceListQuery('rds:postgres:multi-az:db.m5.large', 'us-east-1')!.filters).toMatchObject({
      databaseEngine: 'PostgreSQL',
      deploymentOption: 'Multi-AZ',
      instanceType: 'db.m5.large',
    });
    expect(priceListQuery('rds:oracle-ee:single-az:db.m5.large', 'us-east-1')).toBeUndefined();
  });

  it('idle Elastic IPs are priced by AmazonVPC', () => {
    const q = priceListQuery('eip-idle', 'ap-southeast-2')!;
    expect(q.serviceCode).toBe('AmazonVPC');
    const idle = product(
      'EIPIDLE000000001',
      'VPC Public IPv4 Address',
      { regionCode: 'ap-southeast-2', usagetype: 'APS2-PublicIPv4:IdleAddress' },
      [{ unit: 'Hrs', usd: '0.0050000000' }],
    );
    const inUse = product(
      'EIPINUSE00000001',
      'VPC Public IPv4 Address',
      { regionCode: 'ap-southeast-2', usagetype: 'APS2-PublicIPv4:InUseAddress' },
      [{ unit: 'Hrs', usd: '0.0060000000' }],
    );
    expect(q.pick(parsed([inUse, idle]))).toBe(0.005);
  });
});

describe('resolvePrices', () => {
  it('asks the API once per key, caches 7 days, and serves the cache next time', async () => {
    const cache = memoryCache();
    const api = fakePricing(() => [m5LargeUsEast1]);
    const first = await resolvePrices(['ec2:m5.large', 'ec2:m5.large'], 'us-east-1', api, cache);
    expect(first).toMatchObject({ prices: { 'ec2:m5.large': { usd: 0.096, source: 'price-list' } }, apiCalls: 1, apiProblem: null });
    // One cache object per region, each price with its own 7-day expiry.
    const stored = cache.entries.get(priceCacheKey('us-east-1'))?.data as Record<string, { usd: number; expiresAt: number }>;
    expect(stored['ec2:m5.large']?.expiresAt).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    const second = await resolvePrices(['ec2:m5.large'], 'us-east-1', api, cache);
    expect(second).toMatchObject({ prices: { 'ec2:m5.large': { usd: 0.096, source: 'price-list' } }, apiCalls: 0 });
    const weekLater = await resolvePrices(['ec2:m5.large'], 'us-east-1', api, cache, undefined, {
      now: () => Date.now() + 7.1 * 86_400_000,
    });
    expect(weekLater.apiCalls).toBe(1);
  });

  it('a region costs one cache read and at most one write, whatever the number of prices', async () => {
    const cache = memoryCache();
    let gets = 0;
    let puts = 0;
    const counting = {
      get: (k: string) => (gets++, cache.get(k)),
      put: (k: string, d: unknown, t?: number) => (puts++, cache.put(k, d, t)),
    } as typeof cache;
    const api = fakePricing(() => [m5LargeUsEast1]);
    await resolvePrices(['ec2:m5.large', 'ebs:gp2', 'ebs:gp3', 'eip-idle'], 'us-east-1', api, counting);
    expect({ gets, puts }).toEqual({ gets: 1, puts: 1 });
    await resolvePrices(['ec2:m5.large', 'ebs:gp2', 'ebs:gp3', 'eip-idle'], 'us-east-1', api, counting);
    expect({ gets, puts }).toEqual({ gets: 2, puts: 1 });
  });

  it('keeps what it learnt when a throttled call ends the attempt, so the retry asks only the rest', async () => {
    const cache = memoryCache();
    let calls = 0;
    const api = fakePricing(() =>
      ++calls === 2 ? Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }) : [m5LargeUsEast1],
    );
    await expect(
      resolvePrices(['ec2:m5.large', 'ec2:m5.xlarge'], 'us-east-1', api, cache, undefined, { fallBackOnTransient: false }),
    ).rejects.toThrow(/Rate exceeded/);
    const retry = await resolvePrices(['ec2:m5.large', 'ec2:m5.xlarge'], 'us-east-1', api, cache, undefined, {
      fallBackOnTransient: false,
    });
    expect(retry.apiCalls).toBe(1);
  });

  it('remembers a product the Price List does not have, and falls back to the snapshot', async () => {
    const cache = memoryCache();
    const api = fakePricing(() => []);
    const result = await resolvePrices(['ec2:m5.medium', 'ec2:t3.micro'], 'us-east-1', api, cache);
    expect(result.prices['ec2:t3.micro']).toEqual({ usd: 0.0104, source: 'bundled' });
    expect(result.unpriced).toEqual(['ec2:m5.medium']);
    await resolvePrices(['ec2:m5.medium'], 'us-east-1', api, cache);
    expect(api.calls).toHaveLength(2);
  });

  it('denied or unreachable API: bundled prices for everything, no further calls, the reason kept', async () => {
    const api = fakePricing(() => new TaskSkippedError('access denied to pricing:GetProducts in us-east-1'));
    const result = await resolvePrices(['ebs:gp2', 'ebs:gp3', 'eip-idle', 'ec2:m5.large'], 'eu-west-1', api, memoryCache());
    expect(api.calls).toHaveLength(1);
    expect(result.apiProblem).toMatch(/access denied/);
    expect(result.prices).toEqual({
      'ebs:gp2': { usd: 0.11, source: 'bundled' },
      'ebs:gp3': { usd: 0.088, source: 'bundled' },
      'eip-idle': { usd: 0.005, source: 'bundled' },
      'ec2:m5.large': { usd: 0.107, source: 'bundled' },
    });
  });

  it('a throttled API is retried by the executor first, and only the last attempt settles for the snapshot', async () => {
    const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    const early = fakePricing(throttled);
    await expect(resolvePrices(['ebs:gp2'], 'eu-west-1', early, memoryCache(), undefined, { fallBackOnTransient: false })).rejects.toThrow(
      /Rate exceeded/,
    );
    const last = fakePricing(throttled);
    const result = await resolvePrices(['ebs:gp2', 'ebs:gp3'], 'eu-west-1', last, memoryCache(), undefined, { fallBackOnTransient: true });
    expect(last.calls).toHaveLength(1);
    expect(result.prices['ebs:gp3']).toEqual({ usd: 0.088, source: 'bundled' });
    expect(result.apiProblem).toMatch(/Rate exceeded/);
  });

  it('denied is final on any attempt: the snapshot at once', async () => {
    const api = fakePricing(() => new TaskSkippedError('access denied to pricing:GetProducts in us-east-1'));
    const result = await resolvePrices(['ebs:gp2'], 'eu-west-1', api, memoryCache(), undefined, { fallBackOnTransient: false });
    expect(result.prices['ebs:gp2']?.source).toBe('bundled');
  });

  // Priced by the us-east-1 snapshot whatever the fake API answers.
  const MANY = [
    'ebs:gp2',
    'ebs:gp3',
    'ebs:io1',
    'ebs:st1',
    'ebs:sc1',
    'ebs-iops:gp3',
    'ebs-iops:io1',
    'ebs-throughput:gp3',
    'ebs-snapshot',
    'eip-idle',
    'nat-hour',
    'nat-gb',
    'lb:application',
    'lb:network',
  ];
  const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it(`asks one key alone, then at most ${PRICE_LIST_CONCURRENCY} at a time, and lists prices in key order whatever order the answers come in`, async () => {
    let inFlight = 0;
    const inFlightAtStart: number[] = [];
    let peak = 0;
    const api: PricingPort = {
      async getProducts() {
        inFlightAtStart.push(inFlight++);
        peak = Math.max(peak, inFlight);
        await delay(20 - inFlightAtStart.length); // later calls answer first
        inFlight--;
        return [];
      },
    };
    const result = await resolvePrices([...MANY].reverse(), 'us-east-1', api, memoryCache());
    expect(result.apiCalls).toBe(MANY.length);
    expect(inFlightAtStart.slice(0, 2)).toEqual([0, 0]);
    expect(peak).toBe(PRICE_LIST_CONCURRENCY);
    expect(Object.keys(result.prices)).toEqual([...MANY].sort());
    expect(result.apiProblem).toBeNull();
  });

  it('a throttled call in the pool starts no further calls, keeps the answers in flight, and the retry asks only the rest', async () => {
    const cache = memoryCache();
    let calls = 0;
    const api: PricingPort = {
      async getProducts() {
        if (++calls === 3)
          throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
        await delay(1);
        return [];
      },
    };
    await expect(resolvePrices(MANY, 'us-east-1', api, cache, undefined, { fallBackOnTransient: false })).rejects.toThrow(/Rate exceeded/);
    // The first call, then a poolful already in flight when the third failed.
    expect(calls).toBe(1 + PRICE_LIST_CONCURRENCY);
    const retry = await resolvePrices(MANY, 'us-east-1', api, cache, undefined, { fallBackOnTransient: false });
    expect(retry.apiCalls).toBe(MANY.length - PRICE_LIST_CONCURRENCY);
  });

  it('the lookup falls back to the snapshot when the prices task did not run', () => {
    expect(new PriceLookup('us-east-1').get('nat-hour')).toEqual({ usd: 0.045, source: 'bundled' });
    expect(new PriceLookup('us-east-1', { 'nat-hour': { usd: 0.05, source: 'price-list' } }).get('nat-hour')).toEqual({
      usd: 0.05,
      source: 'price-list',
    });
  });
});

describe('bundled snapshot', () => {
  it('covers what the checks need in the demo regions', () => {
    for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-2']) {
      const table = BUNDLED_PRICES[region]!;
      for (const key of [
        'ebs:gp2',
        'ebs:gp3',
        'ebs:io1',
        'ebs:st1',
        'ebs:sc1',
        'ebs-iops:gp3',
        'ebs-iops:io1',
        'ebs-throughput:gp3',
        'ebs-snapshot',
        'eip-idle',
        'nat-hour',
        'nat-gb',
        'lb:application',
        'lb:network',
        'lb:classic',
        'ec2:t2.medium',
        'ec2:t3.medium',
        'ec2:m4.xlarge',
        'ec2:m6i.xlarge',
        'ec2:c4.large',
        'ec2:c6i.large',
        'ec2:m5.large',
        'rds:mysql:single-az:db.t3.medium',
        'rds:postgres:multi-az:db.m5.large',
      ]) {
        expect(table[key], `${region} ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('gp3 is about 20% cheaper than gp2 everywhere it lists both', () => {
    for (const [region, table] of Object.entries(BUNDLED_PRICES)) {
      expect(table['ebs:gp3']! / table['ebs:gp2']!, region).toBeCloseTo(0.8, 2);
    }
  });

  it('smaller sizes walk the ladder down', () => {
    expect(smallerSizes('m5.2xlarge')).toEqual(['m5.xlarge', 'm5.large']);
    expect(smallerSizes('db.r5.large', 1)).toEqual(['db.r5.medium']);
    expect(smallerSizes('t3.nano')).toEqual([]);
  });
});
