import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The Chromium binary: `CHROMIUM_PATH` if set, else the first of Debian's and Google's names on PATH. */
export function findChromium(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Flags of every headless Chromium the tests start: a throwaway profile is added by the caller;
 * no network services of its own (sync, component updates, QUIC...), so it loads only local files.
 */
export const ISOLATED_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--hide-scrollbars',
];

/**
 * Headless Chromium, isolated: a throwaway profile, no network services of its own (sync,
 * component updates, QUIC...), so the only thing it loads is the local file.
 */
function chromium(binary: string, args: string[]): { stdout: string; stderr: string } {
  const profile = mkdtempSync(join(tmpdir(), 'finops-chromium-'));
  try {
    const result = spawnSync(binary, [...ISOLATED_FLAGS, '--force-device-scale-factor=1', `--user-data-dir=${profile}`, ...args], {
      encoding: 'utf8',
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: profile },
    });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`chromium exited ${result.status ?? result.signal}: ${result.stderr.slice(-2000)}`);
    return { stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Renders `htmlFile` at `width`×`height` CSS px into `pngFile`. */
export function screenshot(binary: string, htmlFile: string, pngFile: string, size: { width: number; height: number }): void {
  chromium(binary, [`--screenshot=${pngFile}`, `--window-size=${size.width},${size.height}`, pathToFileURL(htmlFile).href]);
  if (!existsSync(pngFile)) throw new Error(`chromium wrote no screenshot to ${pngFile}`);
}

/** The DOM after Chromium parsed and laid out the page. */
export function dumpDom(binary: string, htmlFile: string): string {
  return chromium(binary, ['--dump-dom', pathToFileURL(htmlFile).href]).stdout;
}
