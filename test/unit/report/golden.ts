/**
 * Golden-file comparison: rendered output must match the file in test/golden/ byte for byte.
 * `UPDATE_GOLDEN=1 npx vitest run test/unit/report` rewrites the files; review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = fileURLToPath(new URL('../../golden/', import.meta.url));

/** True when golden files are being rewritten rather than checked. */
export const updatingGolden = process.env['UPDATE_GOLDEN'] === '1';

/** Asserts that `actual` equals test/golden/`name`, or writes it when updating. */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (updatingGolden) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`Golden file ${name} is missing: run with UPDATE_GOLDEN=1 to create it`);
  // Compared as strings so a failure shows a readable diff.
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
