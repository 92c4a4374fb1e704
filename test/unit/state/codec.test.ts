import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../../src/state/codec.js';
import { leaseSchema } from '../../../src/records/state.js';

const lease = {
  schemaVersion: 1,
  kind: 'lease',
  accountId: '123456789012',
  holder: 'run-1',
  acquiredAt: '2026-11-25T06:00:00.000Z',
  expiresAt: '2026-11-25T06:02:00.000Z',
};

describe('decode', () => {
  it('returns a valid object', () => {
    expect(decode(leaseSchema, encode(lease))).toEqual({ ok: true, value: lease });
  });

  it.each([
    ['{"schemaVersion":1,', /not valid JSON/],
    ['null', /not a JSON object/],
    ['[]', /not a JSON object/],
    ['"text"', /not a JSON object/],
    [JSON.stringify({ ...lease, schemaVersion: 2 }), /unknown schemaVersion 2 \(this release reads 1\)/],
    [JSON.stringify({ ...lease, schemaVersion: undefined }), /unknown schemaVersion undefined/],
    [JSON.stringify({ ...lease, kind: 'latest' }), /unexpected shape \(kind:/],
    [JSON.stringify({ ...lease, expiresAt: 'tomorrow' }), /unexpected shape \(expiresAt:/],
  ])('explains why %j cannot be trusted', (body, reason) => {
    const decoded = decode(leaseSchema, body);
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.reason).toMatch(reason);
  });
});
