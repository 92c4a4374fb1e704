import { createHash } from 'node:crypto';
import { FakeAwsError } from './wire.js';

/**
 * Opaque page tokens, bound to the request they continue (as AWS's are): a token replayed
 * with a different query is rejected instead of silently paging through other data.
 */
export interface PageRequest {
  /** The previous page's token, if any. */
  token: string | undefined;
  /** Items per page. */
  size: number;
  /** Anything that identifies the query apart from its token (operation, filters, period...). */
  scope: unknown;
  /** Error code this service uses for a bad token. */
  invalidTokenCode: string;
}

const digest = (scope: unknown) => createHash('sha256').update(JSON.stringify(scope)).digest('hex').slice(0, 16);

/** The offset a token continues from (0 without a token); a foreign or forged token is an error. */
export function tokenOffset(token: string | undefined, scope: unknown, invalidTokenCode: string): number {
  if (token === undefined || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    if (parsed.s === digest(scope) && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o > 0) return parsed.o;
  } catch {
    // falls through to the error below
  }
  throw new FakeAwsError(invalidTokenCode, `The pagination token ${token} is invalid for this request.`);
}

export function encodeToken(scope: unknown, offset: number): string {
  return Buffer.from(JSON.stringify({ s: digest(scope), o: offset })).toString('base64url');
}

/** One page of `items` and the token of the next page (undefined on the last one). */
export function page<T>(items: readonly T[], request: PageRequest): { items: T[]; next: string | undefined } {
  const offset = tokenOffset(request.token, request.scope, request.invalidTokenCode);
  if (offset > items.length) throw new FakeAwsError(request.invalidTokenCode, `The pagination token ${request.token} is past the end.`);
  const size = Math.max(1, request.size);
  const end = offset + size;
  return { items: items.slice(offset, end), next: end < items.length ? encodeToken(request.scope, end) : undefined };
}

/** The smaller of the caller's page size (MaxResults/PageSize, when sent) and the fake's cap. */
export function pageSize(requested: string | number | undefined, cap: number): number {
  const asked = requested === undefined ? Number.NaN : Number(requested);
  return Number.isFinite(asked) && asked > 0 ? Math.min(asked, cap) : cap;
}
