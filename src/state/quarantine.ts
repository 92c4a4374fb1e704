import { errorMessage } from '../primitives/errors.js';
import type { Clock } from '../primitives/clock.js';
import { stateKeys } from './keys.js';
import type { ObjectStore } from './object-store.js';

/** What a quarantine did, for the caller's warning and for tests. */
export interface QuarantineOutcome {
  /** Where the bad object was copied, or `undefined` when the copy failed. */
  quarantineKey: string | undefined;
  /** Whether the original key was removed. */
  removed: boolean;
}

/**
 * Moves an unreadable object aside: copies its exact bytes to `quarantine/{key}.{timestamp}`,
 * then (unless `keepOriginal`) deletes the original. Never throws: a failure to quarantine
 * is reported through `warn` and the caller still treats the object as absent.
 *
 * `keepOriginal` exists for objects guarded by compare-and-swap (the lease): the port's
 * delete is unconditional, so the caller replaces the original with `ifMatch` instead of
 * risking the deletion of a fresh object another process just wrote.
 */
export async function quarantineObject(
  objects: ObjectStore,
  clock: Clock,
  key: string,
  body: string,
  reason: string,
  warn: (message: string) => void,
  options: { keepOriginal?: boolean; signal?: AbortSignal } = {},
): Promise<QuarantineOutcome> {
  let quarantineKey: string | undefined = stateKeys.quarantine(key, clock.now());
  try {
    await objects.put(quarantineKey, body, undefined, options.signal);
  } catch (error) {
    warn(`could not copy unreadable state object ${key} to quarantine: ${errorMessage(error)}`);
    quarantineKey = undefined;
  }
  let removed = false;
  // Deleting without a copy would lose evidence; leave it and let the read treat it as absent.
  if (quarantineKey && !options.keepOriginal) {
    try {
      await objects.delete(key, options.signal);
      removed = true;
    } catch (error) {
      warn(`could not remove unreadable state object ${key}: ${errorMessage(error)}`);
    }
  }
  const where = quarantineKey ? `moved to ${quarantineKey}` : 'left in place';
  warn(`state object ${key} is unreadable (${reason}); ${where}; carrying on without it`);
  return { quarantineKey, removed };
}
