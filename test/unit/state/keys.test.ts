import { describe, expect, it } from 'vitest';
import { InvalidStateKeyError } from '../../../src/primitives/errors.js';
import { executionIdOfManifestKey, parseResultBatchName, resultBatchName, stateKeys } from '../../../src/state/keys.js';
import { assertKeyPrefix, assertObjectKey } from '../../../src/state/object-key.js';

const EXEC = 'exec_123456789012_20261125T060000Z_4f3a9c1e';

describe('object keys', () => {
  it.each(['a.json', 'executions/x/results/ec2-inventory:us-east-1.json', 'quarantine/a/b.json.20261125T060000000Z', 'a..b/c'])(
    'accepts %j',
    (key) => expect(assertObjectKey(key)).toBe(key),
  );

  it.each([
    ['', /empty/],
    ['/abs', /absolute/],
    ['C:/win', /absolute/],
    ['a\\b', /backslash/],
    ['a//b', /empty path segment/],
    ['a/', /empty path segment/],
    ['..', /"\.\." path segment/],
    ['a/../b', /"\.\." path segment/],
    ['./a', /"\." path segment/],
    ['a/.lock', /starts with a dot/],
    ['a\u0000b', /control character/],
    ['x'.repeat(901), /longer than/],
  ])('rejects %j', (key, why) => {
    expect(() => assertObjectKey(key)).toThrow(InvalidStateKeyError);
    expect(() => assertObjectKey(key)).toThrow(why);
  });

  it('accepts listing prefixes that end mid-segment or with a slash', () => {
    for (const prefix of ['', 'executions/', 'executions/exec_123_', 'a']) expect(assertKeyPrefix(prefix)).toBe(prefix);
    for (const prefix of ['/', '../', 'a//']) expect(() => assertKeyPrefix(prefix)).toThrow(InvalidStateKeyError);
  });
});

describe('result batch names', () => {
  it('sort in writing order across runs and parse back', () => {
    const names = [resultBatchName(10, 1), resultBatchName(2, 3), resultBatchName(2, 12), resultBatchName(1, 999_999)];
    expect([...names].sort()).toEqual([resultBatchName(1, 999_999), resultBatchName(2, 3), resultBatchName(2, 12), resultBatchName(10, 1)]);
    expect(parseResultBatchName('r0002-000012')).toEqual({ run: 2, seq: 12 });
    for (const bad of ['cost-daily', 'r2-12', 'r0002-000012.json', '../r0002-000012']) expect(parseResultBatchName(bad)).toBeUndefined();
  });
});

describe('state key layout', () => {
  it('builds every key under the documented layout', () => {
    expect(stateKeys.latest('123456789012')).toBe('accounts/123456789012/latest.json');
    expect(stateKeys.lease('123456789012')).toBe('accounts/123456789012/lease.json');
    expect(stateKeys.manifest(EXEC)).toBe(`executions/${EXEC}/manifest.json`);
    expect(stateKeys.resultBatch(EXEC, resultBatchName(2, 17))).toBe(`executions/${EXEC}/results/r0002-000017.json`);
    expect(stateKeys.executions('123456789012')).toBe('executions/exec_123456789012_');
    expect(stateKeys.executions()).toBe('executions/');
    expect(stateKeys.cache('ce/2026-10/UnblendedCost')).toBe('cache/ce/2026-10/UnblendedCost.json');
    expect(stateKeys.quarantine('accounts/1/lease.json', Date.parse('2026-11-25T06:00:00.5Z'))).toBe(
      'quarantine/accounts/1/lease.json.20261125T060000500Z',
    );
    expect(executionIdOfManifestKey(`executions/${EXEC}/manifest.json`)).toBe(EXEC);
    expect(executionIdOfManifestKey(`executions/${EXEC}/results/a.json`)).toBeUndefined();
  });

  it.each([
    () => stateKeys.manifest('../../etc/passwd'),
    () => stateKeys.resultBatch(EXEC, '../manifest'),
    () => stateKeys.resultBatch(EXEC, 'cost-daily'),
    () => stateKeys.latest('../x'),
    () => stateKeys.executions('a_b'),
    () => stateKeys.cache('../x'),
    () => stateKeys.cache('a//b'),
    () => stateKeys.cache('.hidden'),
  ])('refuses malformed ids and keys (%#)', (build) => {
    expect(build).toThrow(InvalidStateKeyError);
  });
});
