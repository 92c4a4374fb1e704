import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialsInput } from '../aws/clients.js';
import { SDK_MAX_ATTEMPTS } from '../aws/clients.js';
import type { Clock } from '../executor/clock.js';
import { LocalObjectStore } from '../state/local-store.js';
import { S3ObjectStore } from '../state/s3-store.js';
import { StateStore } from '../state/state-store.js';
import type { StateLocation } from '../settings/settings.js';

export interface OpenStoreOptions {
  /** Region of the state bucket's client. */
  region: string;
  credentials?: AwsCredentialsInput | undefined;
  clock?: Clock;
  onWarning?: (message: string) => void;
  env?: NodeJS.ProcessEnv;
}

/**
 * The state store the settings ask for: S3 when a bucket is given, else the local directory.
 * The S3 endpoint follows the SDK's own settings; with an endpoint override (an S3-compatible
 * server) requests use path-style addressing, which such servers expect.
 */
export function openStateStore(location: StateLocation, options: OpenStoreOptions): StateStore {
  const storeOptions = {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  };
  if (location.kind === 'local') {
    // The prefix only namespaces a shared bucket; a local directory is the namespace itself.
    return new StateStore(new LocalObjectStore(location.dir), storeOptions);
  }
  const client = stateS3Client(options);
  return new StateStore(new S3ObjectStore({ client, bucket: location.bucket, prefix: location.prefix }), storeOptions);
}

/** The S3 client of the state bucket: path-style under an endpoint override (S3-compatible servers expect it). */
export function stateS3Client(options: Pick<OpenStoreOptions, 'region' | 'credentials' | 'env'>): S3Client {
  const env = options.env ?? process.env;
  const customEndpoint = Boolean(env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL);
  return new S3Client({
    region: options.region,
    maxAttempts: SDK_MAX_ATTEMPTS,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(customEndpoint ? { forcePathStyle: true } : {}),
  });
}
