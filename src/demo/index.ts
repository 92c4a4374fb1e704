import type { AwsAdapters } from '../aws/ports/index.js';
import { DEMO_ACCOUNT_ID, DEMO_REGIONS } from './catalogue.js';
import { demoComputeOptimizer } from './compute-optimizer-advice.js';
import { demoCostExplorer } from './costs.js';
import { demoEc2, demoElb, demoElbClassic, demoRds } from './inventory.js';
import { demoCloudWatch } from './metrics.js';
import { demoPricing } from './price-list.js';

export { DEMO_ACCOUNT_ID, DEMO_REGIONS } from './catalogue.js';
// The demo's parts that other accounts are built on (the benchmarks' synthetic account of any size).
export { demoCostExplorer } from './costs.js';
export { demoPricing } from './price-list.js';
export { unit } from './random.js';

/** The instant the demo account is usually shown at (any other `now` works: data is relative to it). */
export const DEMO_NOW = new Date('2026-11-25T06:00:00Z');

export interface DemoOptions {
  /** Everything (resource ages, metrics, three months of costs) is relative to this. @default DEMO_NOW */
  now?: Date;
  /** `denied` shows the bundled-price fallback. @default 'available' */
  priceList?: 'available' | 'denied';
}

/**
 * A synthetic account (123456789012; us-east-1, eu-west-1, ap-southeast-2) behind the same
 * ports as AWS: a few dozen resources with every kind of waste the checks find, three months of
 * daily costs by service, region and team tag with a visible spike, CloudWatch metrics, a
 * Price List, and Compute Optimizer advice (enrolled in two regions, not in eu-west-1).
 * Deterministic for a given `now`; no network.
 */
export function createDemoAdapters(options: DemoOptions = {}): AwsAdapters {
  const now = options.now ?? DEMO_NOW;
  return {
    regions: { listEnabledRegions: async () => [...DEMO_REGIONS].sort() },
    costExplorer: demoCostExplorer(now),
    pricing: demoPricing(options.priceList ?? 'available'),
    ec2: (region) => demoEc2(region, now),
    elb: (region) => demoElb(region, now),
    elbClassic: (region) => demoElbClassic(region, now),
    rds: (region) => demoRds(region, now),
    cloudwatch: () => demoCloudWatch(now),
    computeOptimizer: (region) => demoComputeOptimizer(region, now),
  };
}
