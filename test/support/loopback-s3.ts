// No vitest import: child processes of the crash suites load this file too.
import { S3Client } from '@aws-sdk/client-s3';

/**
 * An S3 client for the test server on 127.0.0.1 (path-style, us-east-1, dummy credentials).
 * Explicit settings, and a loopback check, so nothing from the environment can send it elsewhere.
 */
export function loopbackS3Client(endpoint: string): S3Client {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint)) throw new Error(`refusing a non-loopback S3 endpoint: ${endpoint}`);
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}
