import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PreconditionFailedError, StateIoError, errorMessage } from '../primitives/errors.js';
import { removeStaleLock, withFileLock } from './file-lock.js';
import { assertKeyPrefix, assertObjectKey } from './object-key.js';
import type { ObjectStore, PutOptions, StoredObject, WriteCondition } from './object-store.js';

/** Options of {@link LocalObjectStore}. */
export interface LocalObjectStoreOptions {
  /** Age after which a per-key lock file is taken to be a crashed writer's, in ms. @default 10000 */
  staleLockMs?: number;
  /** Give up waiting for another writer's live lock after this long, in ms. @default 30000 */
  lockTimeoutMs?: number;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Errors of `link` on file systems without hard links: fall back to the locked rename. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The {@link ObjectStore} port on a local directory (`state-dir`). Writes are atomic
 * (temporary file in the same directory, fsync, then rename or link); the etag is the SHA-256
 * of the body. A create (`ifNoneMatch: '*'`) is a `link(temp, final)`, which fails atomically
 * with EEXIST when the key exists, so it needs no lock; `ifMatch` and unconditional writes and
 * deletes run under a per-key lock file, so they are safe between processes sharing the
 * directory, not only between promises. (A create needs the key absent and an `ifMatch` update
 * needs it present, so the lockless create cannot break an update's check-then-rename.)
 *
 * Durability: a put resolves only once the data and the directory entry are fsynced. The
 * directory fsync is kept because without it a power cut can lose a created lease or manifest
 * that the caller was told exists; it is coalesced per directory (concurrent writes to one
 * directory share one fsync started after all of their renames/links), so it costs about one
 * fsync per burst instead of one per write.
 */
export class LocalObjectStore implements ObjectStore {
  readonly location: string;
  private readonly root: string;
  private readonly staleLockMs: number;
  private readonly lockTimeoutMs: number;
  /** Per directory: the fsync in flight and the one queued to start after it. */
  private readonly dirSyncs = new Map<string, { running: Promise<void> | undefined; next: Promise<void> | undefined }>();

  constructor(dir: string, options: LocalObjectStoreOptions = {}) {
    this.root = resolve(dir);
    this.location = this.root;
    this.staleLockMs = options.staleLockMs ?? 10_000;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 30_000;
  }

  async get(key: string, signal?: AbortSignal): Promise<StoredObject | undefined> {
    const path = this.pathOf(key);
    signal?.throwIfAborted();
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return undefined;
      throw this.ioError('read', key, error);
    }
    return { body: bytes.toString('utf8'), etag: sha256(bytes) };
  }

  async put(
    key: string,
    body: string,
    condition?: WriteCondition,
    signal?: AbortSignal,
    options: PutOptions = {},
  ): Promise<{ etag: string }> {
    const path = this.pathOf(key);
    signal?.throwIfAborted();
    const durable = options.durable !== false;
    // The slow part (write + fsync) happens before taking the lock, to keep it held briefly.
    const temp = await this.writeTemp(path, body, key, durable);
    try {
      if (!(condition && 'ifNoneMatch' in condition && (await this.createByLink(key, temp, path)))) {
        await this.locked(path, signal, async () => {
          if (condition) await this.check(key, path, condition);
          await rename(temp, path);
        });
      }
    } catch (error) {
      await rm(temp, { force: true });
      if (error instanceof PreconditionFailedError || error instanceof StateIoError) throw error;
      throw this.ioError('write', key, error);
    }
    if (durable) await this.syncDirectory(dirname(path));
    return { etag: sha256(body) };
  }

  /**
   * Create-only write: `link` fails with EEXIST when the key exists, atomically, and the temp
   * file it links was fully written and fsynced, so a reader never sees a partial file.
   * Returns false (temp left in place) when the file system has no hard links, for the
   * locked path to handle.
   */
  private async createByLink(key: string, temp: string, path: string): Promise<boolean> {
    try {
      await link(temp, path);
    } catch (error) {
      if (code(error) === 'EEXIST') throw new PreconditionFailedError(key, 'If-None-Match: *');
      if (NO_HARD_LINKS.has(code(error) ?? '')) return false;
      throw error;
    }
    // The key is created; a temp file left by a failed unlink is a dot file, which list ignores.
    // A crashed writer's stale lock on this key is tidied as a locked write would (one stat).
    await Promise.all([unlink(temp).catch(() => undefined), removeStaleLock(this.lockPathOf(path), this.staleLockMs)]);
    return true;
  }

  /** Resolves once a directory fsync that started after this call has finished. */
  private syncDirectory(dir: string): Promise<void> {
    let sync = this.dirSyncs.get(dir);
    if (!sync) {
      sync = { running: undefined, next: undefined };
      this.dirSyncs.set(dir, sync);
    }
    const state = sync;
    if (state.next) return state.next;
    const start = (): Promise<void> => {
      const running = syncDirectory(dir).finally(() => {
        if (state.running === running) state.running = undefined;
        if (!state.running && !state.next && this.dirSyncs.get(dir) === state) this.dirSyncs.delete(dir);
      });
      state.running = running;
      return running;
    };
    if (!state.running) return start();
    // A sync is in flight but may have started before our link: join the one after it.
    const next = state.running.then(() => {
      state.next = undefined;
      return start();
    });
    state.next = next;
    return next;
  }

  async delete(key: string, signal?: AbortSignal): Promise<void> {
    const path = this.pathOf(key);
    signal?.throwIfAborted();
    try {
      await this.locked(path, signal, () => rm(path, { force: true }));
    } catch (error) {
      if (error instanceof StateIoError) throw error;
      throw this.ioError('delete', key, error);
    }
    await this.pruneEmptyDirectories(dirname(path));
  }

  async *list(prefix: string, signal?: AbortSignal): AsyncIterable<string> {
    assertKeyPrefix(prefix);
    const slash = prefix.lastIndexOf('/');
    const base = slash < 0 ? '' : prefix.slice(0, slash);
    const keys: string[] = [];
    await this.walk(base, keys, signal);
    const matching = keys.filter((key) => key.startsWith(prefix)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    yield* matching;
  }

  private pathOf(key: string): string {
    return join(this.root, ...assertObjectKey(key).split('/'));
  }

  private lockPathOf(path: string): string {
    return join(dirname(path), `.${basename(path)}.lock`);
  }

  private locked<T>(path: string, signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
    return withFileLock(this.lockPathOf(path), fn, {
      staleMs: this.staleLockMs,
      timeoutMs: this.lockTimeoutMs,
      ...(signal ? { signal } : {}),
    });
  }

  private async check(key: string, path: string, condition: WriteCondition): Promise<void> {
    const current = await readFile(path).catch((error: unknown) => {
      if (code(error) === 'ENOENT') return undefined;
      throw error;
    });
    if ('ifNoneMatch' in condition) {
      if (current !== undefined) throw new PreconditionFailedError(key, 'If-None-Match: *');
    } else if (current === undefined || sha256(current) !== condition.ifMatch) {
      throw new PreconditionFailedError(key, `If-Match: ${condition.ifMatch}`);
    }
  }

  private async writeTemp(path: string, body: string, key: string, durable: boolean): Promise<string> {
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    for (let attempt = 0; ; attempt++) {
      try {
        // The directory usually exists: create it only when the open says it does not.
        const handle = await open(temp, 'wx').catch(async (error: unknown) => {
          if (code(error) !== 'ENOENT') throw error;
          await mkdir(dirname(path), { recursive: true });
          return open(temp, 'wx');
        });
        try {
          await handle.writeFile(body, 'utf8');
          if (durable) await handle.sync();
        } finally {
          await handle.close();
        }
        return temp;
      } catch (error) {
        // ENOENT: a concurrent delete pruned the directory we had just created.
        if (code(error) === 'ENOENT' && attempt < 5) continue;
        await rm(temp, { force: true });
        throw this.ioError('write', key, error);
      }
    }
  }

  private async walk(relative: string, out: string[], signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    let entries;
    try {
      entries = await readdir(join(this.root, ...(relative ? relative.split('/') : [])), { withFileTypes: true });
    } catch (error) {
      if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return;
      throw new StateIoError(`could not list ${this.root}/${relative}: ${errorMessage(error)}`, false, { cause: error });
    }
    for (const entry of entries) {
      // Dot files are this store's temporary and lock files (keys cannot start with a dot).
      if (entry.name.startsWith('.')) continue;
      const key = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await this.walk(key, out, signal);
      else if (entry.isFile()) out.push(key);
    }
  }

  /** Removes directories left empty by a delete, up to (not including) the root. */
  private async pruneEmptyDirectories(dir: string): Promise<void> {
    for (let current = dir; current !== this.root && current.startsWith(this.root); current = dirname(current)) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or already gone): stop climbing
      }
    }
  }

  private ioError(action: string, key: string, error: unknown): StateIoError {
    const transient = ['EBUSY', 'EAGAIN', 'EMFILE', 'ENFILE'].includes(code(error) ?? '');
    return new StateIoError(`could not ${action} ${join(this.root, key)}: ${errorMessage(error)}`, transient, { cause: error });
  }
}

/** Makes a rename durable. Best effort: some platforms cannot open a directory for fsync. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the directory entry is a bonus; the data itself was fsynced.
  }
}
