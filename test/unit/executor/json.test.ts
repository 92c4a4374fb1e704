import { describe, expect, it } from 'vitest';
import { ResultNotSerialisableError } from '../../../src/errors.js';
import { serialiseResult } from '../../../src/executor/json.js';

describe('serialiseResult', () => {
  it('returns a JSON copy of plain data', () => {
    const value = { instances: [{ id: 'i-1', cost: 12.5, tags: { env: 'prod' }, gone: undefined }], ok: true, none: null };
    const { value: stored, json } = serialiseResult('t', value);
    expect(stored).toEqual({ instances: [{ id: 'i-1', cost: 12.5, tags: { env: 'prod' } }], ok: true, none: null });
    expect(stored).not.toBe(value);
    // The text that is stored is the one the copy was read from.
    expect(JSON.parse(json)).toEqual(stored);
  });

  it('stores a missing result as null', () => {
    expect(serialiseResult('t', undefined)).toEqual({ value: null, json: 'null' });
  });

  it('accepts null-prototype objects and shared (non-circular) references', () => {
    const shared = { a: 1 };
    const bare = Object.assign(Object.create(null) as object, { x: shared, y: shared });
    expect(serialiseResult('t', bare).value).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });

  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;

  it.each([
    ['a Date', { launchTime: new Date(0) }, /at \$\.launchTime: a Date: store it as an ISO string/],
    ['a Map', { byRegion: new Map() }, /at \$\.byRegion: a Map instance/],
    ['a bigint', { bytes: 10n }, /at \$\.bytes: a bigint/],
    ['NaN', { cost: [1, Number.NaN] }, /at \$\.cost\[1\]: NaN is not a JSON number/],
    ['Infinity', Infinity, /at \$: Infinity/],
    ['undefined in an array', [1, undefined], /at \$\[1\]: undefined in an array/],
    ['a function', { f: () => 1 }, /a function/],
    ['a cycle', circular, /at \$\.self: circular reference/],
    ['a class instance', { x: new (class Thing {})() }, /a Thing instance/],
  ])('rejects %s with the path', (_, value, message) => {
    expect(() => serialiseResult('ec2-inventory:us-east-1', value).value).toThrow(ResultNotSerialisableError);
    expect(() => serialiseResult('ec2-inventory:us-east-1', value).value).toThrow(message);
  });
});
