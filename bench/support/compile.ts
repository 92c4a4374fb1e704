import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './harness.js';

/**
 * Compiles src/, test/ and bench/ to plain JavaScript in a temporary directory, for the
 * runs whose memory or CPU we report. Running TypeScript through Node's type transform loads
 * a WebAssembly compiler that alone adds ~60 MB of RSS and compiles every module on load;
 * the action runs plain JavaScript, so that is what is measured. Type errors elsewhere in
 * the tree (work in progress) do not stop the emit.
 */
export async function compileToJs(): Promise<{ root: string; dispose(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'finops-bench-js-'));
  await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/tsc'),
    ['-p', join(ROOT, 'tsconfig.json'), '--outDir', root, '--noEmit', 'false', '--noEmitOnError', 'false', '--incremental', 'false'],
    { cwd: ROOT },
  ).catch((error: { stdout?: string }) => {
    // tsc exits non-zero on type errors but still emits; only a missing output is fatal (checked by the caller's import).
    if (!error.stdout) throw error;
  });
  await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}
