import type { PriceListProduct, PricingPort } from '../aws/ports/index.js';
import { bundledPrice } from '../analysis/pricing/snapshot.js';
import { TaskSkippedError } from '../primitives/errors.js';

const ENGINE_KEY: Readonly<Record<string, string>> = {
  MySQL: 'mysql',
  PostgreSQL: 'postgres',
  'Aurora MySQL': 'aurora-mysql',
  'Aurora PostgreSQL': 'aurora-postgresql',
};
const LB_TYPE: Readonly<Record<string, string>> = {
  'Load Balancer-Application': 'application',
  'Load Balancer-Network': 'network',
  'Load Balancer-Gateway': 'gateway',
  'Load Balancer': 'classic',
};

function item(sku: string, family: string, attributes: Record<string, string>, unit: string, usd: number | undefined): PriceListProduct[] {
  if (usd === undefined) return [];
  return [{ sku, productFamily: family, attributes, onDemand: [{ unit, usd, beginRange: 0, description: null }] }];
}

/**
 * The Price List as the demo account sees it: products shaped like GetProducts' answers,
 * priced from the bundled snapshot so the demo is the same offline. The filters are read the
 * way AWS reads them; anything the snapshot lacks is an empty answer.
 */
function answer(serviceCode: string, f: Record<string, string>): PriceListProduct[] {
  const region = f.regionCode ?? '';
  const price = (key: string) => bundledPrice(region, key);
  const sku = `DEMO-${serviceCode}-${Object.values(f).join('-')}`;
  if (serviceCode === 'AmazonVPC')
    return item(sku, 'VPC Public IPv4 Address', { ...f, usagetype: 'PublicIPv4:IdleAddress' }, 'Hrs', price('eip-idle'));
  if (serviceCode === 'AWSELB') {
    const type = LB_TYPE[f.productFamily ?? ''];
    return type ? item(sku, f.productFamily!, { ...f, usagetype: 'LoadBalancerUsage' }, 'Hrs', price(`lb:${type}`)) : [];
  }
  if (serviceCode === 'AmazonRDS') {
    const engine = ENGINE_KEY[f.databaseEngine ?? ''];
    const az = f.deploymentOption === 'Multi-AZ' ? 'multi-az' : 'single-az';
    return engine ? item(sku, 'Database Instance', f, 'Hrs', price(`rds:${engine}:${az}:${f.instanceType}`)) : [];
  }
  if (serviceCode !== 'AmazonEC2') return [];
  switch (f.productFamily) {
    case 'Compute Instance':
      return item(sku, 'Compute Instance', f, 'Hrs', price(`ec2:${f.instanceType}`));
    case 'Storage':
      return item(sku, 'Storage', f, 'GB-Mo', price(`ebs:${f.volumeApiName}`));
    case 'System Operation':
      return item(sku, 'System Operation', f, 'IOPS-Mo', price(`ebs-iops:${f.volumeApiName}`));
    case 'Provisioned Throughput': {
      const perMiBps = price(`ebs-throughput:${f.volumeApiName}`);
      return item(sku, 'Provisioned Throughput', f, 'GiBps-mo', perMiBps === undefined ? undefined : perMiBps * 1024);
    }
    case 'Storage Snapshot':
      return item(sku, 'Storage Snapshot', { ...f, usagetype: 'EBS:SnapshotUsage' }, 'GB-Mo', price('ebs-snapshot'));
    case 'NAT Gateway':
      return [
        ...item(`${sku}-h`, 'NAT Gateway', { ...f, usagetype: 'NatGateway-Hours' }, 'Hrs', price('nat-hour')),
        ...item(`${sku}-b`, 'NAT Gateway', { ...f, usagetype: 'NatGateway-Bytes' }, 'GB', price('nat-gb')),
      ];
    default:
      return [];
  }
}

/**
 * The demo's Price List. `denied` makes it answer like an account without `pricing:GetProducts`,
 * to show the bundled-price fallback.
 */
export function demoPricing(mode: 'available' | 'denied'): PricingPort {
  return {
    async getProducts({ serviceCode, filters }) {
      if (mode === 'denied') throw new TaskSkippedError('access denied to pricing:GetProducts in us-east-1 (demo account)');
      return answer(serviceCode, filters);
    },
  };
}
