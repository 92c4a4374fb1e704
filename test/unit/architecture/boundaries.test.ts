import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);

describe('architecture', () => {
  // The core must stay free of runner and SDK concerns so it runs the same in the action,
  // the CLI and tests; only the S3 adapter reaches for the SDK.
  it.each(['src/executor', 'src/state', 'src/report'])('%s imports neither @actions/* nor the AWS SDK', (dir) => {
    const offenders = sourceFiles(join(root, dir))
      .filter((file) => !file.endsWith('s3-store.ts'))
      .flatMap((file) =>
        imports(file)
          .filter((spec) => spec.startsWith('@actions/') || spec.startsWith('@aws-sdk/'))
          .map((spec) => `${relative(root, file)} → ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps every source file under 300 lines', () => {
    const long = ['src', 'test', 'bench']
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .map((file) => ({ file: relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 300);
    expect(long).toEqual([]);
  });
});
