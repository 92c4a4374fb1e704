import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { LeaseHeldError } from '../../src/primitives/errors.js';
import { LocalObjectStore } from '../../src/state/local-store.js';
import type { ObjectStore } from '../../src/state/object-store.js';
import { S3ObjectStore } from '../../src/state/s3-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { createTestBucket, testS3Client } from '../support/s3-client.js';
import { ACCOUNT, reportContent, runDemoAnalysis } from './support/demo-analysis.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const backends: Array<[string, () => Promise<ObjectStore>]> = [
  [
    'local directory',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'finops-concurrency-'));
      dirs.push(dir);
      return new LocalObjectStore(dir);
    },
  ],
  [
    'S3',
    async () => {
      const client = testS3Client(inject('s3Endpoint'));
      return new S3ObjectStore({ client, bucket: await createTestBucket(client), prefix: 'finops/' });
    },
  ],
];

describe.each(backends)('five runs on one account started together (%s store)', (_name, makeObjects) => {
  it('exactly one works, the others stop cleanly naming the lease, nothing is corrupted, and the next run proceeds', async () => {
    const objects = await makeObjects();
    const warnings: string[] = [];
    const store = new StateStore(objects, { onWarning: (m) => warnings.push(m) });
    const runs = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => runDemoAnalysis(store, { holder: `run-${n}`, warnings })));

    const winners = runs.filter((r) => r.status === 'fulfilled');
    const losers = runs.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(4);
    for (const loser of losers) {
      expect(loser.reason).toBeInstanceOf(LeaseHeldError);
      expect((loser.reason as LeaseHeldError).message).toMatch(/account 123456789012 is locked by run-\d until \d{4}-\d\d-\d\dT/);
    }
    const winner = (winners[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof runDemoAnalysis>>>).value;
    expect(winner.manifest.status).toBe('completed');

    // One execution, readable, with every result readable: nothing quarantined.
    const executions = await store.listExecutions(ACCOUNT);
    expect(executions.map((e) => e.executionId)).toEqual([winner.manifest.executionId]);
    const succeeded = Object.values(winner.manifest.tasks).filter((t) => t.status === 'succeeded');
    expect(succeeded.length).toBeGreaterThan(0);
    for (const { id } of succeeded) expect(await store.getResult(winner.manifest.executionId, id), id).toBeDefined();
    expect(warnings.filter((w) => /quarantin/i.test(w))).toEqual([]);

    const after = await runDemoAnalysis(store, { holder: 'run-after' });
    expect(after.manifest.status).toBe('completed');
    expect(reportContent(after)).toEqual(reportContent(winner));
  });
});
