import { S3Client } from '@aws-sdk/client-s3';
import { SDK_MAX_ATTEMPTS, type AwsCredentialsInput } from './clients.js';

/** The S3 client of the state bucket. */
export type StateBucketClient = S3Client;

export interface StateBucketClientOptions {
  /** Region of the state bucket's client. */
  region: string;
  credentials?: AwsCredentialsInput | undefined;
  /** Where the SDK's endpoint settings are read. @default process.env */
  env?: NodeJS.ProcessEnv | undefined;
}

/** The S3 client of the state bucket: path-style under an endpoint override (S3-compatible servers expect it). */
export function stateBucketClient(options: StateBucketClientOptions): StateBucketClient {
  const env = options.env ?? process.env;
  const customEndpoint = Boolean(env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL);
  return new S3Client({
    region: options.region,
    maxAttempts: SDK_MAX_ATTEMPTS,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(customEndpoint ? { forcePathStyle: true } : {}),
  });
}
