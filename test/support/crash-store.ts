// Where a crash suite's child keeps its state: a local directory, or a bucket on the S3 test
// server. The parent picks the store and passes it to the child through the environment, and
// reads the same state back afterwards. No vitest import: the children load this file too.
import type { S3Client } from '@aws-sdk/client-s3';
import { LocalObjectStore } from '../../src/state/local-store.js';
import type { ObjectStore } from '../../src/state/object-store.js';
import { S3ObjectStore } from '../../src/state/s3-store.js';
import { loopbackS3Client } from './loopback-s3.js';

const ENDPOINT = 'FINOPS_TEST_S3_ENDPOINT';
const BUCKET = 'FINOPS_TEST_S3_BUCKET';
/** The key prefix the crash suites keep their state under in a bucket. */
const PREFIX = 'finops/';

/** The stores the crash suites run on. */
export type CrashStoreKind = 'directory' | 's3';

/** The environment that makes a child keep its state in `bucket` on the S3 test server at `endpoint`. */
export function s3StoreEnv(endpoint: string, bucket: string): Record<string, string> {
  return { [ENDPOINT]: endpoint, [BUCKET]: bucket };
}

/** The state bucket on the S3 test server, under the crash suites' prefix. */
export function s3CrashStore(client: S3Client, bucket: string): ObjectStore {
  return new S3ObjectStore({ client, bucket, prefix: PREFIX });
}

/**
 * In the child: the S3 bucket the environment names, or else the local directory `stateDir`
 * (whose stale lock files, left by a killed run, are taken over after `staleLockMs`).
 */
export function childObjectStore(stateDir: string, staleLockMs: number, env: NodeJS.ProcessEnv = process.env): ObjectStore {
  const endpoint = env[ENDPOINT];
  const bucket = env[BUCKET];
  if (endpoint && bucket) return s3CrashStore(loopbackS3Client(endpoint), bucket);
  return new LocalObjectStore(stateDir, { staleLockMs });
}
