import { describe, expect, it } from 'vitest';
import { InvalidStateKeyError } from '../../../src/primitives/errors.js';
import { compactTimestamp, isExecutionId, newExecutionId, parseExecutionId } from '../../../src/state/execution-id.js';

const at = (iso: string) => ({ now: () => Date.parse(iso), sleep: async () => undefined });

describe('execution ids', () => {
  it('mints exec_{account}_{YYYYMMDDTHHMMSSZ}_{8 hex}, sortable by time', () => {
    const id = newExecutionId('123456789012', at('2026-11-25T06:00:00.789Z'));
    expect(id).toMatch(/^exec_123456789012_20261125T060000Z_[0-9a-f]{8}$/);
    const later = newExecutionId('123456789012', at('2026-11-25T06:00:01Z'));
    expect([later, id].sort()).toEqual([id, later]);
    expect(newExecutionId('123456789012', at('2026-11-25T06:00:00Z'))).not.toBe(newExecutionId('123456789012', at('2026-11-25T06:00:00Z')));
  });

  it('parses what it mints', () => {
    const parsed = parseExecutionId('exec_123456789012_20261125T060000Z_4f3a9c1e');
    expect(parsed).toEqual({
      executionId: 'exec_123456789012_20261125T060000Z_4f3a9c1e',
      accountId: '123456789012',
      createdAt: new Date('2026-11-25T06:00:00Z'),
      suffix: '4f3a9c1e',
    });
    expect(parseExecutionId('exec_demo-account_20260101T000000Z_00000000').accountId).toBe('demo-account');
  });

  it.each([
    '',
    'exec_123456789012_20261125T060000Z',
    'exec_123456789012_20261125T060000Z_4F3A9C1E',
    'exec_123456789012_20261125T060000Z_4f3a9c1',
    'exec_123456789012_20261325T060000Z_4f3a9c1e',
    'exec_123456789012_20260230T060000Z_4f3a9c1e',
    'exec_123456789012_20261125T250000Z_4f3a9c1e',
    'exec_12345_6789012_20261125T060000Z_4f3a9c1e',
    'exec_../../x_20261125T060000Z_4f3a9c1e',
    '../exec_123456789012_20261125T060000Z_4f3a9c1e',
    'exec_123456789012_20261125T060000Z_4f3a9c1e/manifest.json',
  ])('rejects %j with a clear error', (id) => {
    expect(() => parseExecutionId(id)).toThrow(InvalidStateKeyError);
    expect(() => parseExecutionId(id)).toThrow(/expected exec_\{accountId\}_\{YYYYMMDDTHHMMSSZ\}_\{8 hex digits\}/);
    expect(isExecutionId(id)).toBe(false);
  });

  it('refuses to mint for a malformed account', () => {
    expect(() => newExecutionId('12_34', at('2026-11-25T06:00:00Z'))).toThrow(/invalid account id/);
    expect(() => newExecutionId('../x', at('2026-11-25T06:00:00Z'))).toThrow(InvalidStateKeyError);
  });

  it('formats compact timestamps with and without milliseconds', () => {
    expect(compactTimestamp(Date.parse('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
    expect(compactTimestamp(Date.parse('2026-01-02T03:04:05.678Z'), true)).toBe('20260102T030405678Z');
  });
});
