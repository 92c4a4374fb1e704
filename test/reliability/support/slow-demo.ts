import type { AwsAdapters } from '../../../src/aws/ports/index.js';
import { createDemoAdapters, DEMO_NOW } from '../../../src/demo/index.js';

/** Wraps every method of a port object so each call first waits `delayMs`. */
function slowed<T extends object>(port: T, delayMs: number): T {
  return new Proxy(port, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** The demo account where every AWS call takes `delayMs`, as real APIs do. */
export function slowDemoAdapters(delayMs: number): AwsAdapters {
  const demo = createDemoAdapters({ now: DEMO_NOW });
  return {
    regions: slowed(demo.regions, delayMs),
    costExplorer: slowed(demo.costExplorer, delayMs),
    pricing: slowed(demo.pricing, delayMs),
    ec2: (region) => slowed(demo.ec2(region), delayMs),
    elb: (region) => slowed(demo.elb(region), delayMs),
    elbClassic: (region) => slowed(demo.elbClassic(region), delayMs),
    rds: (region) => slowed(demo.rds(region), delayMs),
    cloudwatch: (region) => slowed(demo.cloudwatch(region), delayMs),
  };
}
