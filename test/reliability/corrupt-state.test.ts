import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { stateKeys } from '../../src/state/keys.js';
import { ACCOUNT, reportContent, runDemoAnalysis } from './support/demo-analysis.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function freshStore() {
  const dir = await mkdtemp(join(tmpdir(), 'finops-corrupt-'));
  dirs.push(dir);
  const warnings: string[] = [];
  const store = new StateStore(new LocalObjectStore(dir), { onWarning: (m) => warnings.push(m) });
  return { dir, store, warnings };
}

/** Marks a finished execution partial, as a run cut short would leave it, so the next run resumes it. */
async function reopen(store: StateStore, executionId: string): Promise<void> {
  const handle = await store.loadExecution(executionId);
  await store.saveExecution({ manifest: { ...handle!.manifest, status: 'partial' }, etag: handle!.etag });
}

/** Key of the stored result batch that holds `taskId`'s result. */
async function batchHolding(dir: string, executionId: string, taskId: string): Promise<string> {
  const prefix = stateKeys.results(executionId);
  for (const name of await readdir(join(dir, prefix))) {
    const batch = JSON.parse(await readFile(join(dir, prefix, name), 'utf8')) as { results: Record<string, unknown> };
    if (taskId in batch.results) return `${prefix}${name}`;
  }
  throw new Error(`no stored batch holds ${taskId}`);
}

async function quarantined(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string, rel: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory()) await walk(join(path, entry.name), `${rel}${entry.name}/`);
      else found.push(`${rel}${entry.name}`);
    }
  };
  await walk(join(dir, 'quarantine'), '');
  return found;
}

const damage: Array<[string, (text: string) => string]> = [
  ['truncated JSON', (t) => t.slice(0, Math.floor(t.length / 2))],
  [
    'a wrong schema version',
    (t) => t.replace('"schemaVersion": 1', '"schemaVersion": 99').replace('"schemaVersion":1', '"schemaVersion":99'),
  ],
  ['unexpected fields', (t) => t.replace(/^\{/, '{"injected": {"evil": true},')],
];

describe('corrupt state is quarantined with a warning and the run carries on', () => {
  it.each(damage)('a manifest with %s: the next run starts a sound execution and completes', async (_what, spoil) => {
    const { dir, store, warnings } = await freshStore();
    const first = await runDemoAnalysis(store, { warnings });
    const key = stateKeys.manifest(first.manifest.executionId);
    await writeFile(join(dir, key), spoil(await readFile(join(dir, key), 'utf8')));
    // The next run reads the damaged manifest through the account's latest pointer.
    const second = await runDemoAnalysis(store, { warnings });
    expect(second.manifest.status).toBe('completed');
    expect(reportContent(second)).toEqual(reportContent(first));
    expect(warnings.join('\n')).toContain(key);
    expect((await quarantined(dir)).some((k) => k.startsWith(key))).toBe(true);
  });

  it.each(damage)('a result batch with %s: its tasks run again on resume and the report is whole', async (_what, spoil) => {
    const { dir, store, warnings } = await freshStore();
    const first = await runDemoAnalysis(store, { warnings });
    const id = first.manifest.executionId;
    const resultKey = await batchHolding(dir, id, 'cost-daily');
    await writeFile(join(dir, resultKey), spoil(await readFile(join(dir, resultKey), 'utf8')));
    await reopen(store, id);
    const again = await runDemoAnalysis(store, { warnings });
    expect(again.manifest.executionId).toBe(id);
    expect(again.manifest.status).toBe('completed');
    expect(reportContent(again)).toEqual(reportContent(first));
    expect(again.manifest.tasks['cost-daily']!.attempts).toBe(first.manifest.tasks['cost-daily']!.attempts + 1);
    expect(warnings.join('\n')).toContain(resultKey);
    expect((await quarantined(dir)).some((k) => k.startsWith(resultKey))).toBe(true);
  });

  it('a manifest pointing at a missing result batch: its tasks run again on resume, not trusted', async () => {
    const { dir, store, warnings } = await freshStore();
    const first = await runDemoAnalysis(store, { warnings });
    const id = first.manifest.executionId;
    await unlink(join(dir, await batchHolding(dir, id, 'cost-daily')));
    await reopen(store, id);
    const again = await runDemoAnalysis(store, { warnings });
    expect(again.manifest.executionId).toBe(id);
    expect(again.manifest.status).toBe('completed');
    expect(reportContent(again)).toEqual(reportContent(first));
    expect(await store.getResult(id, 'cost-daily')).toBeDefined();
    expect(again.manifest.tasks['cost-daily']!.attempts).toBe(first.manifest.tasks['cost-daily']!.attempts + 1);
  });

  it('a damaged lease and latest pointer are quarantined and replaced', async () => {
    const { dir, store, warnings } = await freshStore();
    await runDemoAnalysis(store, { warnings });
    await writeFile(join(dir, stateKeys.lease(ACCOUNT)), '{"schemaVersion":1,"kind":"lease"');
    await writeFile(join(dir, stateKeys.latest(ACCOUNT)), '{"nonsense": true}');
    const next = await runDemoAnalysis(store, { warnings });
    expect(next.manifest.status).toBe('completed');
    const moved = await quarantined(dir);
    expect(moved.some((k) => k.startsWith(stateKeys.lease(ACCOUNT)))).toBe(true);
    expect(moved.some((k) => k.startsWith(stateKeys.latest(ACCOUNT)))).toBe(true);
  });
});
