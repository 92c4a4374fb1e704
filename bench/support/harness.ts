import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Repository root (bench/support/../..). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Prefix of the one line a bench script prints for run-all (and for people) to parse. */
export const RESULT_MARK = 'BENCH_RESULT ';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** True when the module is the process's entry script (not imported by run-all or a test). */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === process.argv[1];
}

/** Prints a human summary and the machine-readable result line. */
export function emit(name: string, lines: string[], result: unknown): void {
  process.stdout.write(`\n## ${name}\n${lines.join('\n')}\n`);
  process.stdout.write(`${RESULT_MARK}${JSON.stringify({ name, result })}\n`);
}

/** What docs/benchmarks.md records about the machine. */
export function machine() {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    platform: `${process.platform} ${process.arch}`,
  };
}

/**
 * Runs a bench file in a fresh Node (this one, i.e. Node 24) with a clean environment (PATH
 * and HOME only, plus `env`) and returns its BENCH_RESULT payload. `script` is a path from the
 * repo root (`bench/x.ts`); with `jsRoot` (see compile.ts) its compiled `.js` runs instead of
 * the TypeScript through the repo's TS hooks.
 */
export function runScript<T>(
  script: string,
  args: string[] = [],
  options: { env?: Record<string, string>; jsRoot?: string; nodeFlags?: string[] } = {},
): Promise<T> {
  const entry = options.jsRoot
    ? [join(options.jsRoot, script.replace(/\.ts$/, '.js'))]
    : ['--experimental-transform-types', '--import', join(ROOT, 'test/support/ts-hooks.mjs'), join(ROOT, script)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', ...(options.nodeFlags ?? []), ...entry, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code !== 0 || !line)
        return reject(new Error(`${script} ${args.join(' ')} exited ${code}:\n${err.slice(-4000)}\n${out.slice(-2000)}`));
      resolve((JSON.parse(line.slice(RESULT_MARK.length)) as { result: T }).result);
    });
  });
}
