import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePriceListItem, pricingAdapter } from '../../../src/aws/pricing.js';
import { m5LargeUsEast1, natProducts, productsPage } from '../../fixtures/aws/pricing.js';

const mock = mockClient(PricingClient);
const pricing = pricingAdapter(
  new PricingClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
  'us-east-1',
);

describe('Price List adapter', () => {
  afterEach(() => mock.reset());

  it('sends TERM_MATCH filters, follows NextToken and parses the JSON strings', async () => {
    mock
      .on(GetProductsCommand)
      .resolvesOnce(productsPage([natProducts[0]!], 'tok-2'))
      .resolvesOnce(productsPage([natProducts[2]!]));
    const products = await pricing.getProducts({
      serviceCode: 'AmazonEC2',
      filters: { regionCode: 'us-east-1', productFamily: 'NAT Gateway' },
    });
    const calls = mock.commandCalls(GetProductsCommand);
    expect(calls.map((c) => c.args[0].input.NextToken)).toEqual([undefined, 'tok-2']);
    expect(calls[0]!.args[0].input).toMatchObject({
      ServiceCode: 'AmazonEC2',
      FormatVersion: 'aws_v1',
      Filters: [
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
        { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'NAT Gateway' },
      ],
    });
    expect(products.map((p) => [p.attributes.usagetype, p.onDemand[0]!.unit, p.onDemand[0]!.usd])).toEqual([
      ['NatGateway-Hours', 'Hrs', 0.045],
      ['NatGateway-Bytes', 'GB', 0.045],
    ]);
  });

  it('parses one product document', () => {
    expect(parsePriceListItem(m5LargeUsEast1)).toEqual({
      sku: 'H6T3SYB5G6QCVMZM',
      productFamily: 'Compute Instance',
      attributes: {
        servicecode: 'AmazonEC2',
        instanceType: 'm5.large',
        regionCode: 'us-east-1',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
        usagetype: 'BoxUsage:m5.large',
      },
      onDemand: [{ unit: 'Hrs', usd: 0.096, beginRange: 0, description: '$0.096 per On Demand Linux m5.large Instance Hour' }],
    });
    expect(parsePriceListItem('not json')).toBeUndefined();
    expect(parsePriceListItem(JSON.stringify({ terms: {} }))).toBeUndefined();
  });
});
