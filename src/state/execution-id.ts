import { randomBytes } from 'node:crypto';
import { InvalidStateKeyError } from '../primitives/errors.js';
import { systemClock, type Clock } from '../primitives/clock.js';

/**
 * Account ids are AWS account ids (12 digits) or, for local runs and demos, a label of
 * letters, digits and dashes. No underscore: it separates the parts of an execution id.
 */
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const EXECUTION_ID = /^exec_([A-Za-z0-9][A-Za-z0-9-]{0,63})_(\d{8}T\d{6}Z)_([0-9a-f]{8})$/;

/** The parts of an execution id. */
export interface ParsedExecutionId {
  executionId: string;
  accountId: string;
  /** When the id was minted (second precision). */
  createdAt: Date;
  /** Random part that keeps ids minted in the same second apart. */
  suffix: string;
}

/** True when `accountId` can be used in keys and execution ids. */
export function isValidAccountId(accountId: string): boolean {
  return typeof accountId === 'string' && ACCOUNT_ID.test(accountId);
}

/** @throws InvalidStateKeyError when the account id is malformed. */
export function assertAccountId(accountId: string): string {
  if (!isValidAccountId(accountId)) {
    throw new InvalidStateKeyError(
      `invalid account id ${JSON.stringify(accountId)}: expected a 12-digit AWS account id (or letters, digits and dashes)`,
    );
  }
  return accountId;
}

/** `YYYYMMDDTHHMMSSZ` in UTC: sortable, and safe in keys and file names. */
export function compactTimestamp(ms: number, withMillis = false): string {
  const iso = new Date(ms).toISOString(); // 2026-11-25T06:00:00.000Z
  const base = iso.slice(0, 19).replace(/[-:]/g, '');
  return withMillis ? `${base}${iso.slice(20, 23)}Z` : `${base}Z`;
}

/** Mints a new sortable, unique id: `exec_{accountId}_{YYYYMMDDTHHMMSSZ}_{8 hex}`. */
export function newExecutionId(accountId: string, clock: Clock = systemClock): string {
  assertAccountId(accountId);
  return `exec_${accountId}_${compactTimestamp(clock.now())}_${randomBytes(4).toString('hex')}`;
}

/**
 * Validates and splits an execution id. A malformed id is an error, never a path.
 * @throws InvalidStateKeyError naming the id and the expected shape.
 */
export function parseExecutionId(executionId: string): ParsedExecutionId {
  const match = typeof executionId === 'string' ? EXECUTION_ID.exec(executionId) : null;
  const stamp = match?.[2];
  const createdAt = stamp
    ? new Date(
        `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
      )
    : undefined;
  // The round trip catches impossible dates such as month 13, which the pattern lets through.
  if (!match || !createdAt || Number.isNaN(createdAt.getTime()) || compactTimestamp(createdAt.getTime()) !== stamp) {
    throw new InvalidStateKeyError(
      `invalid execution id ${JSON.stringify(executionId)}: expected exec_{accountId}_{YYYYMMDDTHHMMSSZ}_{8 hex digits}`,
    );
  }
  return { executionId, accountId: match[1]!, createdAt, suffix: match[3]! };
}

/** True when `executionId` has the shape {@link newExecutionId} produces. */
export function isExecutionId(executionId: string): boolean {
  try {
    parseExecutionId(executionId);
    return true;
  } catch {
    return false;
  }
}
