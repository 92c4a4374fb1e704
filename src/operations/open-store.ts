import type { AwsCredentialsInput } from '../aws/clients.js';
import { stateBucketClient } from '../aws/state-bucket.js';
import type { Clock } from '../primitives/clock.js';
import type { StateLocation } from '../settings/settings.js';
import { LocalObjectStore } from '../state/local-store.js';
import { S3ObjectStore } from '../state/s3-store.js';
import { StateStore } from '../state/state-store.js';

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
  const client = stateBucketClient(options);
  return new StateStore(new S3ObjectStore({ client, bucket: location.bucket, prefix: location.prefix }), storeOptions);
}
