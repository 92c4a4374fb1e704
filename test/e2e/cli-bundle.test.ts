import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-action.js';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The committed `dist/cli/index.js`, run as a user runs `finops-aws`: the file itself (its
 * `#!/usr/bin/env node` line finding Node 24 on the PATH), copied away from the repository so
 * it can only use what it bundles, in an empty working directory with an empty home.
 */
describe('the bundled finops-aws CLI', () => {
  let base: string;
  let bin: string;
  let cwd: string;

  const finopsAws = (...args: string[]): Promise<Exit> =>
    new Promise((resolve, reject) => {
      const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: join(base, 'home'), AWS_EC2_METADATA_DISABLED: 'true' };
      const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'finops-cli-bundle-'));
    await cp(join(REPO_ROOT, 'dist/cli'), join(base, 'bin'), { recursive: true });
    bin = join(base, 'bin', 'index.js');
    cwd = join(base, 'work');
    await Promise.all([mkdir(cwd), mkdir(join(base, 'home'))]);
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  let executionId: string;

  it('run --demo: completes with exit 0, report files in ./finops-report, state in ./.finops-state', async () => {
    const run = await finopsAws('run', '--demo');
    expect(run.code, run.stderr).toBe(0);
    executionId = /^Execution (exec_123456789012_\d{8}T\d{6}Z_[0-9a-f]{8}) completed/m.exec(run.stdout)?.[1] ?? '';
    expect(executionId, run.stdout).not.toBe('');
    expect(run.stdout).toContain(`Report files in ${join(cwd, 'finops-report')}: report.json, report.md, report.html, findings.csv`);
    expect(run.stdout).toContain(`State in ${join(cwd, '.finops-state')}`);
    expect((await readdir(join(cwd, 'finops-report'))).sort()).toEqual(['findings.csv', 'report.html', 'report.json', 'report.md']);
  });

  it('list, then show <id>: the execution, completed, with exit 0', async () => {
    const list = await finopsAws('list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^${executionId} +completed +`, 'm'));
    const json = await finopsAws('list', '--json');
    expect((JSON.parse(json.stdout) as Array<{ executionId: string }>).map((e) => e.executionId)).toEqual([executionId]);

    const show = await finopsAws('show', executionId);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(executionId);
    expect(show.stdout).toContain('Status     completed');
  });

  it('exit codes: a usage error is 2, an unknown execution 3, --help 0', async () => {
    const usage = await finopsAws('frobnicate');
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('frobnicate')]);
    const missing = await finopsAws('show', 'exec_123456789012_20261125T060000Z_00000000');
    expect([missing.code, missing.stderr]).toEqual([3, expect.stringContaining('exec_123456789012_20261125T060000Z_00000000 not found')]);
    const help = await finopsAws('--help');
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Exit codes:')]);
  });
});
