import type { PriceListProduct } from '../../../../src/aws/ports/index.js';
import { page, pageSize } from '../paging.js';
import { fromSource, requireString, type ServiceDefinition } from '../types.js';
import { FakeAwsError, jsonReply } from '../wire.js';

/** The Price List's OnDemand offer term code. */
const ON_DEMAND = 'JRTCKXETXF';

/** Prices as the Price List prints them (ten decimals), unless that would change the number. */
function priceText(usd: number): string {
  const fixed = usd.toFixed(10);
  return Number(fixed) === usd ? fixed : String(usd);
}

/** One product as the Price List document GetProducts returns (a JSON string per product). */
function priceDocument(product: PriceListProduct, serviceCode: string): string {
  const termKey = `${product.sku}.${ON_DEMAND}`;
  const dimensions = Object.fromEntries(
    product.onDemand.map((d, i) => {
      const rateCode = `${termKey}.${(6_000 + i).toString(36).toUpperCase()}`;
      return [
        rateCode,
        {
          unit: d.unit,
          endRange: 'Inf',
          ...(d.description === null ? {} : { description: d.description }),
          appliesTo: [],
          rateCode,
          beginRange: String(d.beginRange),
          pricePerUnit: { USD: priceText(d.usd) },
        },
      ];
    }),
  );
  return JSON.stringify({
    product: {
      ...(product.productFamily === null ? {} : { productFamily: product.productFamily }),
      attributes: product.attributes,
      sku: product.sku,
    },
    serviceCode,
    terms: {
      OnDemand: {
        [termKey]: {
          priceDimensions: dimensions,
          sku: product.sku,
          effectiveDate: '2026-11-01T00:00:00Z',
          offerTermCode: ON_DEMAND,
          termAttributes: {},
        },
      },
    },
    version: '20261101000000',
    publicationDate: '2026-11-01T00:00:00Z',
  });
}

/** AWS Price List query API (awsJson1_1, `AWSPriceListService`). */
export const pricing: ServiceDefinition = {
  name: 'pricing',
  protocol: 'json1.1',
  namespace: '',
  handlers: {
    async GetProducts(input, ctx) {
      const serviceCode = requireString(input, 'ServiceCode');
      const filters: Record<string, string> = {};
      for (const filter of (input.Filters as Array<{ Type?: string; Field?: string; Value?: string }> | undefined) ?? []) {
        if (filter.Type !== 'TERM_MATCH' || !filter.Field || filter.Value === undefined) {
          throw new FakeAwsError(
            'InvalidParameterException',
            `Filter ${JSON.stringify(filter)} is not a TERM_MATCH filter with Field and Value`,
          );
        }
        filters[filter.Field] = filter.Value;
      }
      if (input.FormatVersion !== undefined && input.FormatVersion !== 'aws_v1')
        throw new FakeAwsError('InvalidParameterException', `FormatVersion ${String(input.FormatVersion)} is not supported`);
      const products = await fromSource(() => ctx.data.pricing.getProducts({ serviceCode, filters }));
      const scope = { op: 'GetProducts', serviceCode, filters };
      const size = pageSize(input.MaxResults as number | undefined, ctx.pageSizes.pricing);
      const { items, next } = page(products, {
        token: input.NextToken as string | undefined,
        size,
        scope,
        invalidTokenCode: 'InvalidNextTokenException',
      });
      return jsonReply('json1.1', {
        FormatVersion: 'aws_v1',
        PriceList: items.map((p) => priceDocument(p, serviceCode)),
        ...(next ? { NextToken: next } : {}),
      });
    },
  },
};
