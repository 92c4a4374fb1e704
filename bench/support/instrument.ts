import type { AwsAdapters } from '../../src/aws/ports/index.js';

/** One call of a port method, as the recording wrapper saw it. */
export interface PortCall {
  /** `ec2`, `elb`, `rds`, `cloudwatch`, `costExplorer`, `pricing`, `regions`. */
  port: string;
  method: string;
  /** The port's region; for the Price List, the `regionCode` filter; `global` otherwise. */
  region: string;
  /** The call's first argument (filters, granularity…), for attribution; not kept for CloudWatch. */
  request: unknown;
  /** performance.now() at entry and when the delegate settled, in ms. */
  start: number;
  end: number;
}

export interface InstrumentOptions {
  /** Injected before each delegated call, in ms (0: none). @default 0 */
  latencyMs?: number;
}

export interface Instrumented {
  adapters: AwsAdapters;
  calls: PortCall[];
  /** Calls by `port.method`. */
  count(): Record<string, number>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    // A timed-out task must not wait out our injected latency: that would hide the executor's abort.
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
  });

/**
 * Wraps every method of every port: records the call (port, method, region, timing) and,
 * when asked, sleeps `latencyMs` first, as a far-away AWS endpoint would. The last argument
 * of a port method is its AbortSignal (see aws/ports/index.ts), which the sleep honours.
 */
export function instrumentAdapters(inner: AwsAdapters, options: InstrumentOptions = {}): Instrumented {
  const latencyMs = options.latencyMs ?? 0;
  const calls: PortCall[] = [];
  const wrap = <P extends object>(port: string, region: string, target: P): P => {
    const out = {} as Record<string, unknown>;
    for (const [name, fn] of Object.entries(target) as Array<[string, unknown]>) {
      if (typeof fn !== 'function') continue;
      out[name] = async (...args: unknown[]) => {
        const signal = args.find((a): a is AbortSignal => a instanceof AbortSignal);
        const request = args[0] instanceof AbortSignal ? undefined : args[0];
        const at = region === 'global' && port === 'pricing' ? priceRegion(request) : region;
        // A GetMetricData request holds thousands of queries: kept to the end of the run, it would
        // add to the very peak memory the run measures, and attribution does not need it.
        const call: PortCall = {
          port,
          method: name,
          region: at,
          request: port === 'cloudwatch' ? undefined : request,
          start: performance.now(),
          end: Number.NaN,
        };
        calls.push(call);
        try {
          if (latencyMs > 0) await sleep(latencyMs, signal);
          return await (fn as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          call.end = performance.now();
        }
      };
    }
    return out as P;
  };
  // Regional ports are memoised: the analysis asks for them again in every task.
  const regional = <P extends object>(port: string, make: (region: string) => P) => {
    const cache = new Map<string, P>();
    return (region: string) => {
      let p = cache.get(region);
      if (!p) cache.set(region, (p = wrap(port, region, make(region))));
      return p;
    };
  };
  const adapters: AwsAdapters = {
    regions: wrap('regions', 'global', inner.regions),
    costExplorer: wrap('costExplorer', 'global', inner.costExplorer),
    pricing: wrap('pricing', 'global', inner.pricing),
    ec2: regional('ec2', (r) => inner.ec2(r)),
    elb: regional('elb', (r) => inner.elb(r)),
    elbClassic: regional('elbClassic', (r) => inner.elbClassic(r)),
    rds: regional('rds', (r) => inner.rds(r)),
    cloudwatch: regional('cloudwatch', (r) => inner.cloudwatch(r)),
  };
  const count = () => {
    const counts: Record<string, number> = {};
    for (const c of calls) counts[`${c.port}.${c.method}`] = (counts[`${c.port}.${c.method}`] ?? 0) + 1;
    return counts;
  };
  return { adapters, calls, count };
}

function priceRegion(request: unknown): string {
  const filters = (request as { filters?: Record<string, string> } | undefined)?.filters;
  return filters?.regionCode ?? 'global';
}
