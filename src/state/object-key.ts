import { InvalidStateKeyError } from '../primitives/errors.js';

/** Longest key either backend accepts, in characters (S3 allows 1024 bytes; keep margin for the prefix). */
export const MAX_KEY_LENGTH = 900;

// Control characters and backslashes have no business in a state key: they are either
// path tricks on Windows or invisible in logs.
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

function reject(key: string, why: string): never {
  throw new InvalidStateKeyError(`invalid state key ${JSON.stringify(key)}: ${why}`);
}

/**
 * Checks that `key` is a relative, slash-separated path that cannot escape the store:
 * no absolute path, no backslash, no empty, `.` or `..` segment, no segment starting with
 * a dot (reserved for the local store's temporary and lock files).
 * @throws InvalidStateKeyError naming the key and the rule it breaks.
 */
export function assertObjectKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0) reject(String(key), 'it is empty');
  if (key.length > MAX_KEY_LENGTH) reject(key.slice(0, 60) + '…', `it is longer than ${MAX_KEY_LENGTH} characters`);
  if (FORBIDDEN.test(key)) reject(key, 'it contains a backslash or a control character');
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) reject(key, 'it is an absolute path');
  for (const segment of key.split('/')) {
    if (segment === '') reject(key, 'it has an empty path segment');
    if (segment === '.' || segment === '..') reject(key, `it has a "${segment}" path segment`);
    if (segment.startsWith('.')) reject(key, 'a path segment starts with a dot');
  }
  return key;
}

/** Like {@link assertObjectKey} for a listing prefix, which may be empty or end with `/`. */
export function assertKeyPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  assertObjectKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  return prefix;
}
