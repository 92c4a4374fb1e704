/**
 * The narrow interfaces the analyses use to reach AWS. The real adapters (`createAwsAdapters`)
 * and the demo account (`createDemoAdapters`) both implement them. Every method follows the
 * service's pagination to the end, takes the task's `AbortSignal`, and returns plain JSON
 * (dates as ISO 8601 strings), so results can be stored and resumed. Import them from here,
 * not from the file of one service.
 */

export { COMPUTE_OPTIMIZER_NOT_ENROLLED } from './compute-optimizer-port.js';
export type * from './compute-optimizer-port.js';
export type * from './cost-explorer-port.js';
export type * from './inventory-ports.js';
export type * from './metrics-pricing-ports.js';

import type { ComputeOptimizerPort } from './compute-optimizer-port.js';
import type { CostExplorerPort } from './cost-explorer-port.js';
import type { ClassicElbPort, Ec2Port, ElbPort, RdsPort } from './inventory-ports.js';
import type { CloudWatchPort, PricingPort, RegionsPort } from './metrics-pricing-ports.js';

/** Everything the analyses need from AWS, for one account. */
export interface AwsAdapters {
  regions: RegionsPort;
  costExplorer: CostExplorerPort;
  pricing: PricingPort;
  ec2(region: string): Ec2Port;
  elb(region: string): ElbPort;
  /** Classic Load Balancers (ELB v1). */
  elbClassic(region: string): ClassicElbPort;
  rds(region: string): RdsPort;
  cloudwatch(region: string): CloudWatchPort;
  /** Absent where the account source has no Compute Optimizer: its tasks are then not planned. */
  computeOptimizer?(region: string): ComputeOptimizerPort;
}
