import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { createTestBucket, testS3Client } from '../support/s3-client.js';
import { s3Backend, tempDir } from './support/harness.js';
import { CLI_ENTRY, childEnv, TS_HOOKS } from './support/killed-run.js';

/** Runs the real entry point (`src/cli.ts`) in a child process, as `finops-aws` would run. */
function finopsAws(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--no-warnings', '--experimental-transform-types', '--import', TS_HOOKS, CLI_ENTRY, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: childEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the finops-aws process', () => {
  it('run --demo with the defaults: report files in ./finops-report, state in ./.finops-state, exit 0; then list and show', async () => {
    const cwd = await tempDir('cwd');
    const run = await finopsAws(['run', '--demo'], { cwd });
    expect(run.stderr).toContain('Starting execution');
    expect(run.code).toBe(0);
    expect((await readdir(join(cwd, 'finops-report'))).sort()).toEqual(['findings.csv', 'report.html', 'report.json', 'report.md']);
    expect(await readFile(join(cwd, 'finops-report', 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(run.stdout).toContain(`Report files in ${join(cwd, 'finops-report')}: report.json, report.md, report.html, findings.csv`);
    expect(run.stdout).toContain(`State in ${join(cwd, '.finops-state')}`);

    const id = /Execution (exec_\S+) completed/.exec(run.stdout)?.[1];
    const list = await finopsAws(['list', '--json'], { cwd });
    expect([list.code, JSON.parse(list.stdout)[0].executionId]).toEqual([0, id]);
    const show = await finopsAws(['show', id!], { cwd });
    // The demo account is not enrolled in Compute Optimizer in eu-west-1: one task skipped, by design.
    expect([show.code, show.stdout]).toEqual([0, expect.stringContaining('Status     completed — 1 task(s) skipped (see ERROR)')]);
    expect(show.stdout).toMatch(/compute-optimizer:eu-west-1 +compute-optimizer +skipped +1 +.* Compute Optimizer: not enrolled/);
  });

  it('exit codes: usage (2), not found (3), lease held (4), help (0)', async () => {
    const cwd = await tempDir('cwd');
    expect((await finopsAws(['frobnicate'], { cwd })).code).toBe(2);
    expect((await finopsAws([], { cwd })).code).toBe(2);
    expect((await finopsAws(['show', 'exec_bad'], { cwd })).code).toBe(2);
    expect((await finopsAws(['run', '--demo', '--max-concurrent-tasks', '65'], { cwd })).code).toBe(2);
    expect((await finopsAws(['show', 'exec_123456789012_20261125T060000Z_00000000'], { cwd })).code).toBe(3);
    const help = await finopsAws(['--help'], { cwd });
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Exit codes:')]);

    const s3 = await s3Backend();
    await s3.store().acquireLease('123456789012', 'other-runner', 120_000);
    const held = await finopsAws(['run', '--demo', '--state-bucket', s3.bucket!], { cwd });
    expect([held.code, held.stderr]).toEqual([4, expect.stringContaining('error: account 123456789012 is locked by other-runner until')]);
  });

  it("--version and -V print package.json's version (exit 0)", async () => {
    const { version } = JSON.parse(await readFile(join(CLI_ENTRY, '../../package.json'), 'utf8'));
    const cwd = await tempDir('cwd');
    expect(await finopsAws(['--version'], { cwd })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await finopsAws(['-V'], { cwd })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('Ctrl-C (SIGINT) while waiting for a held lease stops at once with exit 130', async () => {
    const dir = await tempDir('state');
    await new StateStore(new LocalObjectStore(dir)).acquireLease('123456789012', 'long-run', 600_000);
    const child = spawn(
      process.execPath,
      [
        '--no-warnings',
        '--experimental-transform-types',
        '--import',
        TS_HOOKS,
        CLI_ENTRY,
        'run',
        '--demo',
        '--state-dir',
        dir,
        '--lease-wait-seconds',
        '300',
      ],
      { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        if (stderr.includes('waiting up to 300 s')) resolve();
      }),
    );
    expect(stderr).toContain('account 123456789012 is locked by long-run until ');
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('SIGINT: stopping after a checkpoint');
    expect(stderr).toContain('error: interrupted');
  });

  it('--state-bucket with AWS_ENDPOINT_URL_S3 and FINOPS_STATE_BUCKET reach the S3 server', async () => {
    const client = testS3Client();
    const bucket = await createTestBucket(client, 'cli-process');
    const cwd = await tempDir('cwd');
    const run = await finopsAws(['run', '--demo', '--json'], { cwd, env: { FINOPS_STATE_BUCKET: bucket } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'completed', state: `s3://${bucket}/finops/` });
    const list = await finopsAws(['list', '123456789012', '--state-bucket', bucket, '--json'], { cwd });
    expect(JSON.parse(list.stdout).length).toBe(1);
  });
});

describe('--help', () => {
  it.each(['run', 'list', 'show', 'progress', 'resume', 'retry', 'cancel', 'cleanup', 'breakers'])(
    '%s --help has usage and examples (exit 0)',
    async (command) => {
      const { cli } = await import('./support/harness.js');
      const result = await cli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: finops-aws ${command}`);
      expect(result.stdout).toContain('Examples:');
      expect(result.stdout).toContain(`$ finops-aws ${command}`);
      expect(result.stdout).toContain('--json');
    },
  );
});
