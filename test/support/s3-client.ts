import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { loopbackS3Client } from './loopback-s3.js';

/** An S3 client for the test server on 127.0.0.1 (see {@link loopbackS3Client}). */
export function testS3Client(endpoint: string = inject('s3Endpoint')): S3Client {
  return loopbackS3Client(endpoint);
}

/** Creates a bucket with a unique name (one per suite keeps suites independent). */
export async function createTestBucket(client: S3Client, label = 'suite'): Promise<string> {
  const bucket = `${label
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 40)}-${randomBytes(4).toString('hex')}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

/** Counts the requests a client sends, by command name (`PutObjectCommand`...), for cost assertions. */
export function countRequests(client: S3Client): Map<string, number> {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return counts;
}
