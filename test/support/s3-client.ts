import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';

/**
 * An S3 client for the test server on 127.0.0.1 (path-style, us-east-1, dummy
 * credentials). Explicit settings so nothing from the environment can send it elsewhere.
 */
export function testS3Client(endpoint: string = inject('s3Endpoint')): S3Client {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint)) throw new Error(`refusing a non-loopback S3 endpoint: ${endpoint}`);
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
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
