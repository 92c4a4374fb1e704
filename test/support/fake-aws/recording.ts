import type { AwsAdapters } from '../../../src/aws/ports/index.js';

/** One port call: `['costExplorer', 'getCostAndUsage']` or `['ec2', 'eu-west-1', 'listVolumes']`. */
export interface PortCall {
  path: string[];
  args: unknown[];
  /** What the call resolved to (as JSON would keep it), once it has. */
  result?: unknown;
  /** What it was refused with instead (a region not enrolled, say). */
  error?: { name: string; message: string };
}

const REGIONAL = ['ec2', 'elb', 'elbClassic', 'rds', 'cloudwatch', 'computeOptimizer'] as const;
const GLOBAL = ['regions', 'costExplorer', 'pricing'] as const;

// The signal is the caller's, not part of what was asked.
const withoutSignal = (args: unknown[]) => args.filter((a) => !(a instanceof AbortSignal));

function wrap<T extends object>(target: T, path: string[], calls: PortCall[]): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver) as unknown;
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        const call: PortCall = { path: [...path, key], args: structuredClone(withoutSignal(args)) };
        calls.push(call);
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        return Promise.resolve(result).then(
          (resolved) => {
            call.result = structuredClone(resolved);
            return resolved;
          },
          (error: unknown) => {
            call.error = { name: (error as Error)?.name, message: (error as Error)?.message };
            throw error;
          },
        );
      };
    },
  });
}

/** The same adapters, recording every port call with its arguments. */
export function recordCalls(adapters: AwsAdapters): { adapters: AwsAdapters; calls: PortCall[] } {
  const calls: PortCall[] = [];
  const recorded = { ...adapters } as Record<string, unknown>;
  for (const name of GLOBAL) recorded[name] = wrap(adapters[name], [name], calls);
  for (const name of REGIONAL) {
    const port = adapters[name] as ((region: string) => object) | undefined;
    if (port) recorded[name] = (region: string) => wrap(port(region), [name, region], calls);
  }
  return { adapters: recorded as unknown as AwsAdapters, calls };
}

/** Makes a recorded call again on other adapters. */
export async function replay(adapters: AwsAdapters, call: PortCall): Promise<unknown> {
  const [service, ...rest] = call.path as [string, ...string[]];
  const port = (REGIONAL as readonly string[]).includes(service)
    ? (adapters as unknown as Record<string, (region: string) => Record<string, (...a: unknown[]) => Promise<unknown>>>)[service]!(rest[0]!)
    : (adapters as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[service]!;
  const method = rest.at(-1)!;
  return port[method]!(...structuredClone(call.args));
}

/** A readable label of a call for test names and failure messages. */
export function describeCall(call: PortCall): string {
  const args = JSON.stringify(call.args);
  return `${call.path.join('.')}(${args.length > 160 ? `${args.slice(0, 157)}...` : args})`;
}
