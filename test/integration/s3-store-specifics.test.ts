import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StoreJournal } from '../../src/state/journal-store.js';
import { S3ObjectStore } from '../../src/state/s3-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { FakeClock } from '../contract/fake-clock.js';
import { ACCOUNT, collect, manifest } from '../contract/fixtures.js';
import { countRequests, createTestBucket, testS3Client } from '../support/s3-client.js';

let client: S3Client;
let bucket: string;
beforeAll(async () => {
  client = testS3Client();
  bucket = await createTestBucket(client, 's3-specifics');
});
afterAll(() => client.destroy());

describe('S3ObjectStore against the loopback server', () => {
  it('runs on 127.0.0.1 only', () => {
    expect(inject('s3Endpoint')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('reads every page of a listing longer than 1000 keys (S3 default page size)', async () => {
    const counted = testS3Client();
    const requests = countRequests(counted);
    const store = new S3ObjectStore({ client: counted, bucket, prefix: 'many/' });
    const keys = Array.from({ length: 1005 }, (_, i) => `k/${String(i).padStart(5, '0')}.json`);
    for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => store.put(k, '{}')));
    expect(await collect(store.list('k/'))).toEqual(keys);
    expect(requests.get('ListObjectsV2Command')).toBe(2);
    counted.destroy();
  });

  it('stores JSON with Content-Type application/json under the prefix', async () => {
    const store = new S3ObjectStore({ client, bucket, prefix: 'ct' });
    await store.put('a/b.json', '{"x":1}');
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'ct/a/b.json' }));
    expect(head.ContentType).toBe('application/json');
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'ct-elsewhere.json', Body: '{}' }));
    expect(await collect(store.list(''))).toEqual(['a/b.json']);
  });

  it('costs a bounded number of requests for a whole run (measured)', async () => {
    const counted = testS3Client();
    const requests = countRequests(counted);
    const clock = new FakeClock();
    const state = new StateStore(new S3ObjectStore({ client: counted, bucket, prefix: 'run/' }), { clock });
    const lease = await state.acquireLease(ACCOUNT, 'run-1', 120_000);
    const m = manifest(ACCOUNT, clock.now(), { tasks: {} });
    await state.setLatest(ACCOUNT, m.executionId);
    const journal = new StoreJournal(state, await state.createExecution(m), { created: true });
    await journal.storedResultIds(); // nothing to list for a new execution
    const tasks = 40;
    for (let i = 0; i < tasks; i++) {
      const id = `ec2-metrics:batch-${i}`;
      journal.manifest.tasks[id] = { id, type: 'ec2-metrics', status: 'running', attempts: 1, dependsOn: [], optionalDependsOn: [] };
      journal.changed();
      await clock.advance(50);
      journal.saveResult(id, { i });
      journal.manifest.tasks[id]!.status = 'succeeded';
      journal.changed();
      await clock.advance(50);
      await journal.whenIdle();
    }
    journal.manifest.status = 'completed';
    journal.changed();
    await journal.flush();
    await state.releaseLease(lease);
    // 4 s of run with 80 task transitions: writes at t = 0, 1, 2, 3, 4 s, plus the final flush.
    // Those at 1 to 4 s each store one batch: the results that succeeded since the write before.
    expect(journal.writes).toBe(6);
    expect(journal.manifest.resultBatches).toHaveLength(4);
    expect(Object.fromEntries(requests)).toEqual({
      GetObjectCommand: 1, // lease read
      PutObjectCommand: 1 + 1 + 1 + 4 + journal.writes + 1, // lease, latest, manifest, result batches, checkpoints, release
    });
    expect((await state.loadResults(journal.manifest)).recorded.size).toBe(tasks);
    counted.destroy();
  });
});
