import type { AwsAdapters } from '../../../src/aws/ports/index.js';
import type { AdaptersFor, AwsTarget } from '../../../src/cli/context.js';
import { createDemoAdapters, DEMO_ACCOUNT_ID } from '../../../src/demo/index.js';

/** Decides what a call does: `undefined` lets it through to the demo account. */
export type Intercept = (call: string, signal: AbortSignal | undefined) => Promise<unknown> | undefined;

/** Demo adapters that count every call (`ec2[eu-west-1].listInstances`, `costExplorer.getCostAndUsage`…) and can fail or hang some. */
export interface Instrumented {
  adaptersFor: AdaptersFor;
  calls: Map<string, number>;
  /** Calls whose name starts with `prefix`. */
  count(prefix: string): number;
  /** How many times `adaptersFor` was asked (0 proves a command made no AWS call). */
  targets: number;
}

function wrapPort<T extends object>(port: T, name: string, calls: Map<string, number>, intercept: Intercept | undefined): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const call = `${name}.${String(property)}`;
        calls.set(call, (calls.get(call) ?? 0) + 1);
        const signal = args.find((a): a is AbortSignal => a instanceof AbortSignal);
        return intercept?.(call, signal) ?? (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Wraps every port of `adapters`, regional factories included. */
export function instrumentAdapters(adapters: AwsAdapters, calls: Map<string, number>, intercept?: Intercept): AwsAdapters {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(adapters)) {
    out[key] =
      typeof value === 'function'
        ? (region: string) => wrapPort((value as (r: string) => object)(region), `${key}[${region}]`, calls, intercept)
        : wrapPort(value as object, key, calls, intercept);
  }
  return out as unknown as AwsAdapters;
}

/** The demo account, instrumented; `accountId` pretends to be another account (the non-demo path). */
export function instrumentedDemo(options: { intercept?: Intercept; accountId?: string } = {}): Instrumented {
  const calls = new Map<string, number>();
  const state = { targets: 0 };
  const adaptersFor: AdaptersFor = async ({ now }) => {
    state.targets++;
    const target: AwsTarget = {
      accountId: options.accountId ?? DEMO_ACCOUNT_ID,
      adapters: instrumentAdapters(createDemoAdapters({ now: new Date(now) }), calls, options.intercept),
      label: 'instrumented demo account',
    };
    return target;
  };
  return {
    adaptersFor,
    calls,
    count: (prefix) => [...calls].filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0),
    get targets() {
      return state.targets;
    },
  };
}

/** A promise that settles only when `signal` aborts (a call that hangs until the run is stopped). */
export function hangUntilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
