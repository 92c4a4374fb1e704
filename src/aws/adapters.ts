import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ComputeOptimizerClient } from '@aws-sdk/client-compute-optimizer';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { PricingClient } from '@aws-sdk/client-pricing';
import { RDSClient } from '@aws-sdk/client-rds';
import { clientConfig, clientPool, GLOBAL_API_MAX_ATTEMPTS, globalApiRegion, type AwsClientOptions } from './clients.js';
import { cloudWatchAdapter } from './cloudwatch.js';
import { computeOptimizerAdapter } from './compute-optimizer-adapter.js';
import { costExplorerAdapter } from './cost-explorer.js';
import { ec2Adapter, regionsAdapter } from './ec2.js';
import { classicElbAdapter } from './elb-classic.js';
import { elbAdapter } from './elbv2.js';
import { pricingAdapter } from './pricing.js';
import type { AwsAdapters } from './ports/index.js';
import { rdsAdapter } from './rds.js';

/**
 * The real AWS adapters for one account. `region` is the home region (the `aws-region`
 * input): DescribeRegions goes there; Cost Explorer and the Price List go to their global
 * region; regional services (Compute Optimizer among them) get one client per region, created
 * on first use.
 */
export function createAwsAdapters(options: AwsClientOptions): AwsAdapters {
  const shared = options.credentials === undefined ? {} : { credentials: options.credentials };
  const globalRegion = globalApiRegion(options.region);
  const ec2 = clientPool((c) => new EC2Client(c), shared);
  const elb = clientPool((c) => new ElasticLoadBalancingV2Client(c), shared);
  const elbClassic = clientPool((c) => new ElasticLoadBalancingClient(c), shared);
  const rds = clientPool((c) => new RDSClient(c), shared);
  const cloudwatch = clientPool((c) => new CloudWatchClient(c), shared);
  const computeOptimizer = clientPool((c) => new ComputeOptimizerClient(c), shared);
  return {
    regions: regionsAdapter(ec2(options.region), options.region),
    costExplorer: costExplorerAdapter(
      new CostExplorerClient({ ...clientConfig({ ...shared, region: globalRegion }), maxAttempts: GLOBAL_API_MAX_ATTEMPTS }),
    ),
    pricing: pricingAdapter(
      new PricingClient({ ...clientConfig({ ...shared, region: globalRegion }), maxAttempts: GLOBAL_API_MAX_ATTEMPTS }),
      globalRegion,
    ),
    ec2: (region) => ec2Adapter(ec2(region), region),
    elb: (region) => elbAdapter(elb(region), region),
    elbClassic: (region) => classicElbAdapter(elbClassic(region), region),
    rds: (region) => rdsAdapter(rds(region), region),
    cloudwatch: (region) => cloudWatchAdapter(cloudwatch(region), region),
    computeOptimizer: (region) => computeOptimizerAdapter(computeOptimizer(region), region),
  };
}
