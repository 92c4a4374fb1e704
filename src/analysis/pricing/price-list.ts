import type { PriceListProduct } from '../../aws/ports/index.js';
import { RDS_PRICE_LIST_ENGINES, type PriceKey } from './keys.js';

/** How to ask the Price List API for one key, and how to pick the rate from its answer. */
export interface PriceListQuery {
  serviceCode: string;
  filters: Record<string, string>;
  /** The rate in the key's unit, or undefined when no product matches. */
  pick(products: PriceListProduct[]): number | undefined;
}

/**
 * The GetProducts query for a price key in a region; undefined for keys the API cannot price
 * (e.g. a commercial database engine). Filters use TERM_MATCH on product attributes; the
 * region-prefixed `usagetype` is matched afterwards because its prefix differs per region.
 */
export function priceListQuery(key: PriceKey, region: string): PriceListQuery | undefined {
  const [kind, ...rest] = key.split(':');
  const arg = rest.join(':');
  const ec2 = (filters: Record<string, string>, pick: PriceListQuery['pick']): PriceListQuery => ({
    serviceCode: 'AmazonEC2',
    filters: { regionCode: region, ...filters },
    pick,
  });
  switch (kind) {
    case 'ebs':
      return ec2({ productFamily: 'Storage', volumeApiName: arg }, (p) => rate(p, (u) => /^GB-?Mo/i.test(u)));
    case 'ebs-iops':
      // io2 is tiered by IOPS; its first (dearest) tier prices the first 32,000 IOPS.
      return ec2({ productFamily: 'System Operation', volumeApiName: arg }, (p) => rate(p, (u) => /IOPS/i.test(u), 'max'));
    case 'ebs-throughput':
      return ec2({ productFamily: 'Provisioned Throughput', volumeApiName: arg }, throughputPerMiBps);
    case 'ebs-snapshot':
      return ec2({ productFamily: 'Storage Snapshot' }, (p) => rate(withUsageType(p, 'EBS:SnapshotUsage'), (u) => /^GB-?Mo/i.test(u)));
    case 'eip-idle':
      return {
        serviceCode: 'AmazonVPC',
        filters: { regionCode: region, group: 'VPCPublicIPv4Address' },
        pick: (p) => rate(withUsageType(p, 'PublicIPv4:IdleAddress'), (u) => /^Hrs?$/i.test(u)),
      };
    case 'nat-hour':
      return ec2({ productFamily: 'NAT Gateway' }, (p) => rate(withUsageType(p, 'NatGateway-Hours'), (u) => /^Hrs?$/i.test(u)));
    case 'nat-gb':
      return ec2({ productFamily: 'NAT Gateway' }, (p) => rate(withUsageType(p, 'NatGateway-Bytes'), (u) => /^GB$/i.test(u)));
    case 'lb': {
      const family = LB_FAMILY[arg];
      if (!family) return undefined;
      return {
        serviceCode: 'AWSELB',
        filters: { regionCode: region, productFamily: family },
        pick: (p) => rate(withUsageType(p, 'LoadBalancerUsage'), (u) => /^Hrs?$/i.test(u)),
      };
    }
    case 'ec2':
      return ec2(
        {
          productFamily: 'Compute Instance',
          instanceType: arg,
          operatingSystem: 'Linux',
          tenancy: 'Shared',
          preInstalledSw: 'NA',
          capacitystatus: 'Used',
          licenseModel: 'No License required',
        },
        (p) => rate(p, (u) => /^Hrs?$/i.test(u)),
      );
    case 'rds': {
      const [engine, az, instanceClass] = rest;
      const databaseEngine = engine ? RDS_PRICE_LIST_ENGINES[engine] : undefined;
      if (!databaseEngine || !instanceClass) return undefined;
      return {
        serviceCode: 'AmazonRDS',
        filters: {
          regionCode: region,
          productFamily: 'Database Instance',
          instanceType: instanceClass,
          databaseEngine,
          deploymentOption: az === 'multi-az' ? 'Multi-AZ' : 'Single-AZ',
        },
        pick: (p) => rate(p, (u) => /^Hrs?$/i.test(u)),
      };
    }
    default:
      return undefined;
  }
}

const LB_FAMILY: Readonly<Record<string, string>> = {
  application: 'Load Balancer-Application',
  network: 'Load Balancer-Network',
  gateway: 'Load Balancer-Gateway',
  classic: 'Load Balancer',
};

/**
 * Products whose usage type is exactly `name`, optionally behind a region prefix such as
 * `EUW2-`; excludes look-alikes (`RegionalNatGateway-Hours`, `Outposts-…`, archive tiers).
 */
function withUsageType(products: PriceListProduct[], name: string): PriceListProduct[] {
  const pattern = new RegExp(`^([A-Z]{2,4}[0-9]?-)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return products.filter((p) => pattern.test(p.attributes.usagetype ?? ''));
}

/** The first-tier rate (lowest beginRange) of the matching products; the lowest or highest across products. */
function rate(products: PriceListProduct[], unit: (u: string) => boolean, across: 'min' | 'max' = 'min'): number | undefined {
  const rates: number[] = [];
  for (const product of products) {
    const dims = product.onDemand.filter((d) => unit(d.unit)).sort((a, b) => a.beginRange - b.beginRange);
    const first = dims[0];
    if (first && first.usd > 0) rates.push(first.usd);
  }
  if (rates.length === 0) return undefined;
  return across === 'min' ? Math.min(...rates) : Math.max(...rates);
}

/** gp3 throughput is listed per GiBps-month; the checks price MiB/s. */
function throughputPerMiBps(products: PriceListProduct[]): number | undefined {
  const perGiBps = rate(products, (u) => /GiBps/i.test(u));
  if (perGiBps !== undefined) return perGiBps / 1024;
  return rate(products, (u) => /MiBps|MBps/i.test(u));
}
