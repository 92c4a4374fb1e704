import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { StateIoError, errorMessage } from '../primitives/errors.js';

/** Timing of {@link withFileLock}. */
export interface FileLockOptions {
  /** A lock older than this is from a crashed holder and may be broken, in ms. @default 10000 */
  staleMs?: number;
  /** Give up waiting for a live lock after this long, in ms. @default 30000 */
  timeoutMs?: number;
  signal?: AbortSignal;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Runs `fn` while holding an exclusive lock file at `lockPath`, across processes: the file
 * is created with `O_EXCL` (`wx`), holds a random token, and is removed afterwards only if
 * it still holds our token. Critical sections must be short (milliseconds): a lock older
 * than `staleMs` is taken to belong to a crashed process and is broken.
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const token = randomBytes(12).toString('hex');
  for (let spins = 0; ; spins++) {
    options.signal?.throwIfAborted();
    try {
      await writeFile(lockPath, token, { flag: 'wx' });
      break;
    } catch (error) {
      // A concurrent delete may prune the directory between our mkdir and the create.
      if (code(error) === 'ENOENT') {
        await mkdir(dirname(lockPath), { recursive: true });
        continue;
      }
      if (code(error) !== 'EEXIST') throw new StateIoError(`could not lock ${lockPath}: ${errorMessage(error)}`, false, { cause: error });
    }
    if (await breakIfStale(lockPath, staleMs)) continue;
    if (Date.now() > deadline) {
      throw new StateIoError(`could not lock ${lockPath}: held by another process for too long`, true);
    }
    // Randomised, growing pause so two contenders do not retry in lockstep.
    await delay(1 + Math.random() * Math.min(20, 2 + spins));
  }
  try {
    return await fn();
  } finally {
    await unlock(lockPath, token);
  }
}

/**
 * Removes the lock at `lockPath` if it is a crashed holder's (older than `staleMs`); leaves a
 * live one alone. For writers that do not need the lock themselves (lockless creates) but
 * should still tidy what a crashed writer left. Errors are ignored: this is housekeeping.
 */
export async function removeStaleLock(lockPath: string, staleMs = 10_000): Promise<void> {
  try {
    const info = await stat(lockPath);
    if (Date.now() - info.mtimeMs >= staleMs) await breakIfStale(lockPath, staleMs);
  } catch {
    // ENOENT (the usual case: no lock) or a race with its holder: nothing to tidy.
  }
}

async function unlock(lockPath: string, token: string): Promise<void> {
  try {
    // If our lock was broken as stale and someone else holds it now, theirs must stay.
    if ((await readFile(lockPath, 'utf8')) === token) await rm(lockPath, { force: true });
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
  }
}

/**
 * Breaks the lock if it is older than `staleMs`. Renames it aside first and checks the
 * token, so two processes breaking the same stale lock cannot remove a fresh one.
 * Returns true when the caller should retry at once.
 */
async function breakIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  let before: { mtimeMs: number; token: string };
  try {
    const [info, token] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    before = { mtimeMs: info.mtimeMs, token };
  } catch (error) {
    if (code(error) === 'ENOENT') return true;
    throw error;
  }
  if (Date.now() - before.mtimeMs < staleMs) return false;
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (code(error) === 'ENOENT') return true;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== before.token) {
    // We moved a fresh lock taken between our look and the rename: put it back if still free.
    await link(aside, lockPath).catch(() => undefined);
  }
  await rm(aside, { force: true });
  return true;
}
