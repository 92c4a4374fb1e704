import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeResults, type FakeResults } from '../support/fake-results.js';
import { unzip } from '../support/zip.js';
import { explain, startE2E, type E2E } from './harness.js';

const FILES = ['findings.csv', 'report.html', 'report.json', 'report.md'];

/**
 * The report artifact, uploaded by the bundled action through @actions/artifact to a results
 * service on loopback, as on a runner: one zip with the four report files, named per attempt.
 */
describe('report artifact upload', () => {
  let e: E2E;
  let results: FakeResults;
  const env = () => ({ ACTIONS_RESULTS_URL: results.url, ACTIONS_RUNTIME_TOKEN: results.runtimeToken });

  beforeAll(async () => {
    e = await startE2E('artifact');
    results = await startFakeResults();
  });
  afterAll(async () => {
    await Promise.all([e?.stop(), results?.stop()]);
  });

  it('uploads one zip holding the four report files, as they are in report-dir', async () => {
    const run = await e.run({ env: env() });
    expect(run.exitCode, explain(run)).toBe(0);
    expect(run.stdout).toContain('Uploaded artifact finops-report');
    expect(run.annotations.warning.filter((w) => w.includes('artifact'))).toEqual([]);
    expect(results.requests.filter((r) => r.startsWith('POST'))).toEqual([
      'POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact',
      'POST /twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact',
    ]);

    const [artifact] = results.artifacts;
    expect(results.artifacts).toHaveLength(1);
    expect(artifact).toMatchObject({ name: 'finops-report', ...results.backendIds });
    const blob = artifact!.blob!;
    expect(artifact!.finalized).toEqual({ size: blob.length, hash: `sha256:${createHash('sha256').update(blob).digest('hex')}` });
    const files = unzip(blob);
    expect([...files.keys()].sort()).toEqual(FILES);
    for (const name of FILES) expect(files.get(name)!.equals(await readFile(join(run.workspace, 'finops-report', name))), name).toBe(true);
  });

  it('a re-run attempt uploads under its own name (finops-report-attempt-2), never over the first', async () => {
    const run = await e.run({ env: env(), runAttempt: '2' });
    expect(run.exitCode, explain(run)).toBe(0);
    expect(run.stdout).toContain('Uploaded artifact finops-report-attempt-2');
    expect(results.artifacts.map((a) => a.name)).toEqual(['finops-report', 'finops-report-attempt-2']);
    expect([...unzip(results.artifacts[1]!.blob!).keys()].sort()).toEqual(FILES);
  });

  it('without the runtime token the step still passes, with a warning that names why and where the files are', async () => {
    const before = results.requests.length;
    const run = await e.run({ env: { ACTIONS_RESULTS_URL: results.url } });
    expect(run.exitCode, explain(run)).toBe(0);
    expect(run.annotations.warning.join('\n')).toMatch(
      /Report artifact not uploaded: .*no ACTIONS_RUNTIME_TOKEN.* The files are in finops-report/,
    );
    expect(results.requests.length).toBe(before);
  });
});
