import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AwsCredentialsInput } from '../aws/clients.js';
import { stateBucketClient } from '../aws/state-bucket.js';
import type { Clock } from '../primitives/clock.js';
import { Inputs } from '../primitives/constants.js';
import type { StateLocation } from '../settings/settings.js';
import { InputError, SettingsError } from '../settings/validators.js';
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
 * A state directory that does not exist yet is created by the first write; one that exists as
 * something else (a file) would only fail later, at an internal temporary path, or read as empty.
 * @throws SettingsError naming `state-dir` when `dir`, or a path above it, exists and is not a directory
 */
export function assertStateDirectory(dir: string): void {
  const wanted = resolve(dir);
  for (let path = wanted; ; path = dirname(path)) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(path) !== path) continue;
      // Anything else (no permission) the store reports when it reads or writes.
      return;
    }
    if (stats.isDirectory()) return;
    const what = stats.isFile() ? 'a file' : 'not a directory';
    throw new SettingsError([
      new InputError(
        Inputs.StateDir,
        path === wanted ? `must be a directory, but ${path} is ${what}` : `must be a directory, but ${path}, on its path, is ${what}`,
      ),
    ]);
  }
}

/**
 * The state store the settings ask for: S3 when a bucket is given, else the local directory.
 * The S3 endpoint follows the SDK's own settings; with an endpoint override (an S3-compatible
 * server) requests use path-style addressing, which such servers expect.
 * @throws SettingsError when the local directory exists as a file (see {@link assertStateDirectory})
 */
export function openStateStore(location: StateLocation, options: OpenStoreOptions): StateStore {
  const storeOptions = {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  };
  if (location.kind === 'local') {
    assertStateDirectory(location.dir);
    // The prefix only namespaces a shared bucket; a local directory is the namespace itself.
    return new StateStore(new LocalObjectStore(location.dir), storeOptions);
  }
  const client = stateBucketClient(options);
  return new StateStore(new S3ObjectStore({ client, bucket: location.bucket, prefix: location.prefix }), storeOptions);
}
