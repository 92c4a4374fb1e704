import type { EC2ClientConfig } from '@aws-sdk/client-ec2';

/** Credentials in any form the SDK clients accept (static or a provider). */
export type AwsCredentialsInput = NonNullable<EC2ClientConfig['credentials']>;

export interface AwsClientOptions {
  region: string;
  /** Omitted: the SDK's default credential chain. */
  credentials?: AwsCredentialsInput;
}

/**
 * Attempts per SDK call, the first included. Modest, because the executor retries whole tasks
 * with its own backoff and the two layers multiply; but a task of many calls (a load balancer
 * inventory with one DescribeTargetHealth per five target groups) fails its attempt when any
 * one call runs out, so a throttled call is retried in place a few times first.
 */
export const SDK_MAX_ATTEMPTS = 4;

/**
 * Attempts per call of the account-wide APIs (Cost Explorer, Price List). Higher: a task retried
 * by the executor restarts from its first request — a paginated Cost Explorer query re-bills
 * every page ($0.01 each), a prices task re-walks dozens of GetProducts calls under the Price
 * List's low rate limit — so a throttled request is better retried in place.
 */
export const GLOBAL_API_MAX_ATTEMPTS = 6;

/** The configuration every client gets. No `endpoint`: the SDK's own settings (`AWS_ENDPOINT_URL`, profiles) decide. */
export function clientConfig(options: AwsClientOptions): { region: string; maxAttempts: number; credentials?: AwsCredentialsInput } {
  return {
    region: options.region,
    maxAttempts: SDK_MAX_ATTEMPTS,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  };
}

/**
 * Region of the account-wide APIs (Cost Explorer, Price List): `us-east-1` in the commercial
 * partition; elsewhere the partition's own region.
 */
export function globalApiRegion(homeRegion: string): string {
  if (homeRegion.startsWith('cn-')) return 'cn-northwest-1';
  if (homeRegion.startsWith('us-gov-')) return 'us-gov-west-1';
  return 'us-east-1';
}

/**
 * One client per (service, region), built on first use and reused, so connection pools and
 * credential caches are shared by the tasks of a region.
 */
export function clientPool<C>(
  create: (config: ReturnType<typeof clientConfig>) => C,
  options: Omit<AwsClientOptions, 'region'>,
): (region: string) => C {
  const clients = new Map<string, C>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = create(clientConfig({ ...options, region }));
      clients.set(region, client);
    }
    return client;
  };
}
