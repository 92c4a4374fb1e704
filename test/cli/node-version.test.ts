import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_NODE_VERSION, nodeVersionProblem } from '../../src/cli/node-version.js';
import { tempDir } from './support/harness.js';
import { CLI_ENTRY, childEnv, TS_HOOKS } from './support/killed-run.js';

const root = join(CLI_ENTRY, '../..');

describe('nodeVersionProblem', () => {
  it.each([
    ['20.20.2', '22.12.0', false],
    ['22.11.9', '22.12.0', false],
    ['22.12.0', '22.12.0', true],
    ['22.12.1', '22.12.0', true],
    ['22.13.0', '22.12.0', true],
    ['24.0.0', '22.12.0', true],
    ['v21.99.99', '22.12.0', false],
    ['25.0.0-pre', '22.12.0', true],
    ['18.0.0', '22.12.0', false],
    ['9.0.0', '22.12.0', false],
    ['100.0.0', '22.12.0', true],
  ])('Node.js %s against %s: runs = %s', (found, minimum, runs) => {
    expect(nodeVersionProblem(found, minimum) === undefined).toBe(runs);
  });

  it('names the version found, the version needed and the fix', () => {
    expect(nodeVersionProblem('20.20.2')).toBe(
      `finops-aws needs Node.js ${MIN_NODE_VERSION} or newer, and this is Node.js 20.20.2: install a newer Node.js (the current LTS, e.g. \`nvm install --lts\`) and run it again`,
    );
  });

  it('lets a version it cannot read run, as without the check', () => {
    expect(nodeVersionProblem('')).toBeUndefined();
    expect(nodeVersionProblem('unknown')).toBeUndefined();
  });

  it("is package.json's engines.node", async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toBe(`>=${MIN_NODE_VERSION}`);
  });
});

describe('the entry point on an older Node.js', () => {
  it('imports the check before anything else', async () => {
    const source = await readFile(CLI_ENTRY, 'utf8');
    const imports = [...source.matchAll(/^import\s.*$/gm)].map((m) => m[0]);
    expect(imports[0]).toBe("import './cli/require-node.js';");
  });

  it('exits 2 naming the version found and needed before any command runs', async () => {
    // Only this child sees an old version: it runs the real entry as it is, nothing in the product is faked.
    const fake = `data:text/javascript,${encodeURIComponent('Object.defineProperty(process.versions, "node", { value: "20.20.2" });')}`;
    const cwd = await tempDir('cwd');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--no-warnings', '--experimental-transform-types', '--import', TS_HOOKS, '--import', fake, CLI_ENTRY, 'run', '--demo'],
        { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: finops-aws needs Node.js ${MIN_NODE_VERSION} or newer, and this is Node.js 20.20.2: install a newer Node.js (the current LTS, e.g. \`nvm install --lts\`) and run it again\n`,
    });
    // `run --demo` never started: no state directory, no report.
    expect(await readdir(cwd)).toEqual([]);
  });
});
