import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { ISOLATED_FLAGS } from './chromium.js';

/** A viewport as a device shows it: `mobile` honours the page's `<meta name="viewport">`, as a phone does. */
export interface Viewport {
  width: number;
  height: number;
  mobile: boolean;
}

/** What {@link inspectPage} returns: the value of the expression, and a screenshot of the viewport. */
export interface Inspection<T> {
  value: T;
  png: Buffer;
}

type Message = { id?: number; method?: string; sessionId?: string; result?: Record<string, unknown>; error?: { message: string } };

/**
 * Opens `htmlFile` in headless Chromium at exactly `viewport` through the DevTools protocol
 * (over a pipe: no port is opened) and evaluates `expression` in the page once it has loaded.
 * Unlike `--window-size`, which headless Chromium widens to at least 500 px, device-metrics
 * emulation lays the page out at the width asked for. The expression runs as the DevTools do,
 * so the page's Content-Security-Policy (no script) does not stop it.
 */
export async function inspectPage<T>(binary: string, htmlFile: string, viewport: Viewport, expression: string): Promise<Inspection<T>> {
  const profile = mkdtempSync(join(tmpdir(), 'finops-chromium-'));
  const child = spawn(binary, [...ISOLATED_FLAGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: profile },
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const waiters: Array<{ method: string; resolve: () => void }> = [];
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(message.error.message));
        else call?.resolve(message.result ?? {});
      } else if (message.method) {
        const i = waiters.findIndex((w) => w.method === message.method);
        if (i >= 0) waiters.splice(i, 1)[0]!.resolve();
      }
    }
  });
  const gone = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code, signal) => reject(new Error(`chromium exited ${code ?? signal}: ${stderr}`))),
  );
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> => {
    const id = nextId++;
    const reply = new Promise<Record<string, unknown>>((resolve, reject) => pending.set(id, { resolve, reject }));
    toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return Promise.race([reply, exited]);
  };
  const event = (method: string): Promise<void> =>
    Promise.race([new Promise<void>((resolve) => waiters.push({ method, resolve })), exited]);
  try {
    const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    await send('Page.enable', {}, sessionId);
    await send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1 }, sessionId);
    const loaded = event('Page.loadEventFired');
    await send('Page.navigate', { url: pathToFileURL(htmlFile).href }, sessionId);
    await loaded;
    const evaluated = (await send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (evaluated.exceptionDetails) throw new Error(`the expression threw: ${evaluated.exceptionDetails.text}`);
    const shot = (await send('Page.captureScreenshot', { format: 'png' }, sessionId)) as { data: string };
    return { value: evaluated.result.value, png: Buffer.from(shot.data, 'base64') };
  } finally {
    exited.catch(() => undefined);
    child.kill();
    await gone;
    rmSync(profile, { recursive: true, force: true });
  }
}
