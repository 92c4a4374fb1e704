import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './support/harness.js';

const ID = 'exec_123456789012_20261125T060000Z_4f3a9c1e';

/** Every command, with the arguments it needs to reach the store; the analyses write no report either. */
const COMMANDS: Array<[string, string[]]> = [
  ['run', ['run', '--demo', '--report-dir', 'report']],
  ['list', ['list']],
  ['show', ['show', ID]],
  ['progress', ['progress', ID]],
  ['resume', ['resume', ID, '--demo', '--report-dir', 'report']],
  ['retry', ['retry', ID, '--demo', '--report-dir', 'report']],
  ['cancel', ['cancel', ID]],
  ['cleanup', ['cleanup', '--days', '30']],
  ['breakers', ['breakers', ID]],
];

describe('--state-dir that is not a directory', () => {
  it.each(COMMANDS)('%s: usage error (exit 2) naming the file, and nothing written', async (_name, args) => {
    const dir = await tempDir('cwd');
    const file = join(dir, 'state.txt');
    await writeFile(file, 'not state\n');
    const result = await cli([...args.map((a) => (a === 'report' ? join(dir, a) : a)), '--state-dir', file]);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: `error: --state-dir must be a directory, but ${file} is a file\n` });
    expect(await readFile(file, 'utf8')).toBe('not state\n');
    expect(await readdir(dir)).toEqual(['state.txt']);
  });

  it('a directory under a file: names the file on its path', async () => {
    const dir = await tempDir('cwd');
    const file = join(dir, 'state.txt');
    await writeFile(file, '');
    const result = await cli(['list', '--state-dir', join(file, 'inner')]);
    expect(result).toMatchObject({ code: 2, stderr: `error: --state-dir must be a directory, but ${file}, on its path, is a file\n` });
  });

  it('a directory that does not exist yet is fine: run creates it', async () => {
    const dir = await tempDir('cwd');
    const state = join(dir, 'new', 'state');
    const list = await cli(['list', '--state-dir', state]);
    expect([list.code, list.stdout]).toEqual([0, `No executions in ${state}.\n`]);
    const run = await cli(['run', '--demo', '--state-dir', state, '--report-dir', join(dir, 'report')]);
    expect(run.code).toBe(0);
    expect(await readdir(state)).toEqual(expect.arrayContaining(['accounts', 'executions']));
  });
});
