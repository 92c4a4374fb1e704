import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { GET_PRODUCTS_BURST, GET_PRODUCTS_PER_SECOND, pricingAdapter } from '../../../src/aws/pricing.js';
import { TokenBucket } from '../../../src/aws/rate-limit.js';
import { createFakeClock, FAKE_EPOCH } from '../../support/fake-clock.js';
import { natProducts, productsPage } from '../../fixtures/aws/pricing.js';

describe('token bucket', () => {
  it('lets the burst through at once, then one call per 1/rate seconds', async () => {
    const clock = createFakeClock();
    const bucket = new TokenBucket(3, 5, clock);
    const granted: number[] = [];
    await clock.run(Promise.all(Array.from({ length: 6 }, () => bucket.take().then(() => granted.push(clock.now() - FAKE_EPOCH)))));
    expect(granted.sort((a, b) => a - b)).toEqual([0, 0, 0, 200, 400, 600]);
  });

  it('refills while idle, never above the burst', async () => {
    const clock = createFakeClock();
    const bucket = new TokenBucket(2, 5, clock);
    await bucket.take();
    await bucket.take();
    await clock.advance(10_000);
    const granted: number[] = [];
    const start = clock.now();
    await clock.run(Promise.all([1, 2, 3].map(() => bucket.take().then(() => granted.push(clock.now() - start)))));
    expect(granted.sort((a, b) => a - b)).toEqual([0, 0, 200]);
  });

  it('gives up waiting when the signal aborts', async () => {
    const clock = createFakeClock();
    const bucket = new TokenBucket(1, 1, clock);
    await bucket.take();
    const abort = new AbortController();
    const waiting = bucket.take(abort.signal);
    abort.abort(new Error('task timed out'));
    await expect(waiting).rejects.toThrow('task timed out');
  });
});

describe('Price List adapter within the GetProducts quota', () => {
  const mock = mockClient(PricingClient);
  afterEach(() => mock.reset());

  it('sends the documented burst at once and the rest at the refill rate, pages included', async () => {
    const clock = createFakeClock();
    const sentAt: number[] = [];
    mock.on(GetProductsCommand).callsFake(() => {
      sentAt.push(clock.now() - FAKE_EPOCH);
      return productsPage([natProducts[0]!]);
    });
    const pricing = pricingAdapter(
      new PricingClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
      'us-east-1',
      new TokenBucket(GET_PRODUCTS_BURST, GET_PRODUCTS_PER_SECOND, clock),
    );
    const calls = GET_PRODUCTS_BURST + 3;
    await clock.run(Promise.all(Array.from({ length: calls }, () => pricing.getProducts({ serviceCode: 'AmazonEC2', filters: {} }))));
    expect(sentAt).toHaveLength(calls);
    expect(sentAt.filter((t) => t === 0)).toHaveLength(GET_PRODUCTS_BURST);
    expect(sentAt.slice(GET_PRODUCTS_BURST)).toEqual([200, 400, 600]);
  });
});
