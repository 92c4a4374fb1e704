import type { AwsAdapters } from '../../../src/aws/ports/index.js';
import { FakeAwsError, type WireReply } from './wire.js';

/** Services the fake answers, by the short names tests use. */
export type ServiceName = 'sts' | 'ce' | 'ec2' | 'elb' | 'elbv2' | 'rds' | 'cloudwatch' | 'pricing' | 'compute-optimizer';

/** Items per page the fake hands out: small, so every paginated listing really paginates. */
export interface PageSizes {
  ec2: number;
  /** Classic Load Balancers per DescribeLoadBalancers page. */
  elb: number;
  elbv2: number;
  rds: number;
  /** Cost Explorer groups (or ungrouped periods) per GetCostAndUsage page. */
  costGroups: number;
  anomalies: number;
  pricing: number;
  /** Datapoints per series per GetMetricData page. */
  metricPoints: number;
  /** Recommendations per Compute Optimizer page. */
  computeOptimizer: number;
}

export const DEFAULT_PAGE_SIZES: PageSizes = {
  ec2: 3,
  elb: 1,
  elbv2: 2,
  rds: 2,
  costGroups: 20,
  anomalies: 1,
  pricing: 2,
  metricPoints: 5,
  computeOptimizer: 2,
};

/** Role credentials the fake STS issued: tests check they never leak. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  roleArn: string;
  roleSessionName: string;
}

export interface HandlerContext {
  /** From the SigV4 credential scope; `us-east-1` for unsigned calls. */
  region: string;
  accessKeyId: string | undefined;
  accountId: string;
  data: AwsAdapters;
  pageSizes: PageSizes;
  /** AssumeRoleWithWebIdentity accepts only tokens this says were issued (the fake GitHub's). */
  isIssuedIdToken: (token: string) => boolean;
  issued: IssuedCredentials[];
  /** The fake's clock, in epoch ms: what "today" is to Cost Explorer's forecast. */
  now: () => number;
}

export type QueryHandler = (params: Record<string, string>, ctx: HandlerContext) => Promise<WireReply>;
export type JsonHandler = (input: Record<string, unknown>, ctx: HandlerContext) => Promise<WireReply>;

export type ServiceDefinition =
  | { name: ServiceName; protocol: 'query' | 'ec2'; namespace: string; handlers: Record<string, QueryHandler> }
  | {
      name: ServiceName;
      protocol: 'json1.0' | 'json1.1';
      namespace: string;
      queryCompatible?: boolean;
      handlers: Record<string, JsonHandler>;
    };

const PLAIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError']);

/**
 * Reads the data source. An error the source throws with an AWS-like name (the demo's
 * `DataUnavailableException`, say) is answered as that AWS error; anything else is a bug in
 * the source and surfaces as a 500 with its message.
 */
export async function fromSource<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    // A skip whose cause is an AWS error (Compute Optimizer's OptInRequiredException) is that error on the wire.
    const cause = (error as { cause?: { name?: unknown; message?: unknown } } | null)?.cause;
    if (
      name === 'TaskSkippedError' &&
      typeof cause?.name === 'string' &&
      /^[A-Z][A-Za-z0-9]+$/.test(cause.name) &&
      !PLAIN_ERRORS.has(cause.name)
    ) {
      throw new FakeAwsError(cause.name, String(cause.message ?? ''));
    }
    // The demo says "no access" with the port's own skip error; AWS says it as AccessDenied.
    if (name === 'TaskSkippedError' && /access denied/i.test(String((error as Error).message))) {
      throw new FakeAwsError('AccessDeniedException', (error as Error).message);
    }
    if (typeof name === 'string' && !PLAIN_ERRORS.has(name) && /^[A-Z][A-Za-z0-9]+$/.test(name)) {
      throw new FakeAwsError(name, error instanceof Error ? error.message : String(error));
    }
    throw error;
  }
}

/** A required string member of a JSON request, or a ValidationException naming it. */
export function requireString(input: Record<string, unknown>, path: string): string {
  const value = path
    .split('.')
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), input);
  if (typeof value !== 'string' || value === '')
    throw new FakeAwsError(
      'ValidationException',
      `1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must not be null`,
    );
  return value;
}
