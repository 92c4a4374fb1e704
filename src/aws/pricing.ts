import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { awsCall } from './errors.js';
import { collectPages } from './paginate.js';
import type { PriceListProduct, PricingPort } from './ports/index.js';
import { TokenBucket } from './rate-limit.js';

/**
 * GetProducts quota, per account: a bucket of 10 calls refilled at 5 per second (AWS Billing
 * user guide, "Price List Query API" quotas). Every region's prices task shares it.
 */
export const GET_PRODUCTS_BURST = 10;
export const GET_PRODUCTS_PER_SECOND = 5;

/**
 * The AWS Price List query API (GetProducts) behind {@link PricingPort}. Every request, pages
 * included, first takes a token from `limiter`, so a cold run of several regions stays within
 * the quota instead of being throttled.
 */
export function pricingAdapter(
  client: PricingClient,
  region: string,
  limiter = new TokenBucket(GET_PRODUCTS_BURST, GET_PRODUCTS_PER_SECOND),
): PricingPort {
  return {
    async getProducts(request, signal) {
      const items = await collectPages('pricing:GetProducts', async (token) => {
        await limiter.take(signal);
        const out = await awsCall('pricing:GetProducts', region, () =>
          client.send(
            new GetProductsCommand({
              ServiceCode: request.serviceCode,
              Filters: Object.entries(request.filters).map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value })),
              FormatVersion: 'aws_v1',
              MaxResults: 100,
              NextToken: token,
            }),
            { abortSignal: signal },
          ),
        );
        return { items: out.PriceList ? [...(out.PriceList as Iterable<unknown>)] : [], next: out.NextToken };
      });
      return items.map((item) => parsePriceListItem(item)).filter((p): p is PriceListProduct => p !== undefined);
    },
  };
}

interface RawPriceDimension {
  unit?: string;
  beginRange?: string;
  description?: string;
  pricePerUnit?: Record<string, string>;
}

interface RawPriceListItem {
  product?: { sku?: string; productFamily?: string; attributes?: Record<string, string> };
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, RawPriceDimension> }> };
}

/**
 * One Price List document (a JSON string in `PriceList`) reduced to its product attributes and
 * OnDemand USD price dimensions; `undefined` when it is not a product document.
 */
export function parsePriceListItem(item: unknown): PriceListProduct | undefined {
  let doc: RawPriceListItem;
  if (typeof item === 'object' && item !== null && 'product' in item) {
    doc = item as RawPriceListItem;
  } else {
    // A plain string, or the SDK's lazy JSON string wrapper.
    try {
      doc = JSON.parse(String(item)) as RawPriceListItem;
    } catch {
      return undefined;
    }
  }
  const product = doc.product;
  if (!product?.sku) return undefined;
  const onDemand: PriceListProduct['onDemand'] = [];
  for (const term of Object.values(doc.terms?.OnDemand ?? {})) {
    for (const dimension of Object.values(term.priceDimensions ?? {})) {
      const usd = Number(dimension.pricePerUnit?.USD);
      if (!Number.isFinite(usd)) continue;
      const begin = Number(dimension.beginRange ?? '0');
      onDemand.push({
        unit: dimension.unit ?? '',
        usd,
        beginRange: Number.isFinite(begin) ? begin : 0,
        description: dimension.description ?? null,
      });
    }
  }
  return { sku: product.sku, productFamily: product.productFamily ?? null, attributes: product.attributes ?? {}, onDemand };
}
