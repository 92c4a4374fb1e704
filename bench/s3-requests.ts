// Figure 2: S3 requests per run (goal ≤ tasks + 10). A full analysis with its state in the S3
// test server (fauxqs behind the conditional-write proxy, on 127.0.0.1), counted at the SDK
// with the tests' countRequests() middleware, and by kind of key with a wrapper of the store.
import { createDemoAdapters, DEMO_ACCOUNT_ID, DEMO_NOW, DEMO_REGIONS } from '../src/demo/index.js';
import { S3ObjectStore } from '../src/state/s3-store.js';
import type { ObjectStore } from '../src/state/object-store.js';
import { StateStore } from '../src/state/state-store.js';
import { countRequests, createTestBucket, testS3Client } from '../test/support/s3-client.js';
import { startS3Server } from '../test/support/s3-server.js';
import { runAnalysis } from './support/analysis.js';
import { shiftedClock } from '../test/support/shifted-clock.js';
import { emit, isMain } from './support/harness.js';
import { instrumentAdapters } from './support/instrument.js';
import { createSyntheticAdapters, SYNTHETIC_ACCOUNT_ID, SYNTHETIC_REGIONS } from './support/synthetic-account.js';

const COMMANDS = { GetObjectCommand: 'get', PutObjectCommand: 'put', ListObjectsV2Command: 'list', DeleteObjectCommand: 'delete' } as const;

/** `results`, `manifest`, `lease`, `cache`… from a key under the prefix. */
function kindOf(key: string): string {
  if (key.includes('/results/')) return 'results';
  if (key.startsWith('cache/prices/')) return 'cache:prices';
  if (key.startsWith('cache/')) return 'cache:ce';
  const name = key.split('/').pop() ?? key;
  return name.replace(/\.json$/, '');
}

/** Counts the store's operations by kind of key (an SDK count cannot tell a result from the manifest). */
function countingStore(inner: ObjectStore, counts: Map<string, number>): ObjectStore {
  const add = (op: string, key: string) => counts.set(`${op} ${kindOf(key)}`, (counts.get(`${op} ${kindOf(key)}`) ?? 0) + 1);
  return {
    location: inner.location,
    get: (key, signal) => (add('GET', key), inner.get(key, signal)),
    put: (key, body, condition, signal) => (add('PUT', key), inner.put(key, body, condition, signal)),
    delete: (key, signal) => (add('DELETE', key), inner.delete(key, signal)),
    list: (prefix, signal) => (add('LIST', prefix), inner.list(prefix, signal)),
  };
}

type Account = 'demo' | 'synthetic-1000';

/**
 * Cold and warm runs of `account`. With `latencyMs`, every AWS call waits that long first, so
 * the run spans several checkpoint intervals as a real one does (result batches and manifest
 * writes then follow the run's length, not only its task count).
 */
export async function measure(account: Account, latencyMs = 0) {
  const server = await startS3Server();
  try {
    const client = testS3Client(server.endpoint);
    const bucket = await createTestBucket(client, 'bench');
    const sdk = countRequests(client);
    const byKind = new Map<string, number>();
    const clock = shiftedClock(DEMO_NOW.getTime());
    const store = new StateStore(countingStore(new S3ObjectStore({ client, bucket, prefix: 'finops/' }), byKind), { clock });
    const base =
      account === 'demo'
        ? { adapters: createDemoAdapters({ now: DEMO_NOW }), accountId: DEMO_ACCOUNT_ID, regions: [...DEMO_REGIONS] }
        : {
            adapters: createSyntheticAdapters({ instances: 1000, now: DEMO_NOW }),
            accountId: SYNTHETIC_ACCOUNT_ID,
            regions: [...SYNTHETIC_REGIONS],
          };
    const setup = latencyMs > 0 ? { ...base, adapters: instrumentAdapters(base.adapters, { latencyMs }).adapters } : base;
    const label = (run: string) => (latencyMs > 0 ? `${run}, ${latencyMs} ms per AWS call` : run);
    const runs = [];
    for (const [run, afterMs] of [
      ['cold', 0],
      ['warm (+2 h)', 2 * 3_600_000],
    ] as const) {
      clock.advance(afterMs);
      sdk.clear();
      byKind.clear();
      const started = performance.now();
      const result = await runAnalysis({ store, ...setup, clock });
      const wallMs = Math.round(performance.now() - started);
      const n = (command: keyof typeof COMMANDS) => sdk.get(command) ?? 0;
      const tasks = Object.keys(result.manifest.tasks).length;
      const total = [...sdk.values()].reduce((a, b) => a + b, 0);
      runs.push({
        account,
        run: label(run),
        status: result.manifest.status,
        tasks,
        goal: tasks + 10,
        total,
        gets: n('GetObjectCommand'),
        puts: n('PutObjectCommand'),
        lists: n('ListObjectsV2Command'),
        deletes: n('DeleteObjectCommand'),
        other: total - Object.keys(COMMANDS).reduce((a, c) => a + n(c as keyof typeof COMMANDS), 0),
        checkpoints: result.checkpoints,
        wallMs,
        byKind: Object.fromEntries([...byKind].sort()),
      });
    }
    client.destroy();
    return runs;
  } finally {
    await server.stop();
  }
}

if (isMain(import.meta.url)) {
  const runs = [
    ...(await measure('demo')),
    ...(await measure('demo', 100)),
    ...(await measure('synthetic-1000')),
    ...(await measure('synthetic-1000', 100)),
  ];
  emit(
    'S3 requests per run',
    runs.map(
      (r) =>
        `${r.account.padEnd(15)} ${r.run.padEnd(12)} tasks ${r.tasks}  total ${r.total} (goal ≤ ${r.goal})  GET ${r.gets} PUT ${r.puts} LIST ${r.lists} DELETE ${r.deletes} other ${r.other}  manifest writes ${r.checkpoints}  ${r.wallMs} ms  ${r.status}\n    ${JSON.stringify(r.byKind)}`,
    ),
    runs,
  );
}
