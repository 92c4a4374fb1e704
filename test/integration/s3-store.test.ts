import { afterAll, beforeAll } from 'vitest';
import type { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '../../src/state/s3-store.js';
import { storeContract } from '../contract/store-contract.js';
import { createTestBucket, testS3Client } from '../support/s3-client.js';

let client: S3Client;
let bucket: string;
let stores = 0;

beforeAll(async () => {
  client = testS3Client();
  bucket = await createTestBucket(client, 's3-contract');
});
afterAll(() => client.destroy());

storeContract('S3ObjectStore', {
  async create(options) {
    // One bucket per suite, one prefix per store: every test starts empty.
    return new S3ObjectStore({
      client,
      bucket,
      prefix: `t${++stores}/finops/`,
      ...(options?.pageSize ? { pageSize: options.pageSize } : {}),
    });
  },
});
