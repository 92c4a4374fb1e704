import { describe, expect, it } from 'vitest';
import { ResultNotSerialisableError } from '../../../src/primitives/errors.js';
import { toStoredResult } from '../../../src/executor/json.js';

describe('toStoredResult', () => {
  it('returns plain data as it is, frozen all the way down, equal to what it reads back as', () => {
    const value = { instances: [{ id: 'i-1', cost: 12.5, tags: { env: 'prod' }, gone: undefined }], ok: true, none: null };
    const stored = toStoredResult('t', value) as typeof value;
    expect(stored).toBe(value);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    for (const part of [stored, stored.instances, stored.instances[0], stored.instances[0]!.tags]) expect(Object.isFrozen(part)).toBe(true);
  });

  it('a dependant cannot change a result after it is stored', () => {
    const stored = toStoredResult('t', { findings: [{ saving: 1 }] }) as { findings: Array<{ saving: number }> };
    expect(() => stored.findings.push({ saving: 2 })).toThrow(TypeError);
    expect(() => {
      stored.findings[0]!.saving = 3;
    }).toThrow(TypeError);
    expect(stored).toEqual({ findings: [{ saving: 1 }] });
  });

  it('stores a missing result as null', () => {
    expect(toStoredResult('t', undefined)).toBeNull();
  });

  it('accepts null-prototype objects and shared (non-circular) references', () => {
    const shared = { a: 1 };
    const bare = Object.assign(Object.create(null) as object, { x: shared, y: shared });
    expect(toStoredResult('t', bare)).toEqual({ x: { a: 1 }, y: { a: 1 } });
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
    ['a hole in an array', [1, , 3], /at \$\[1\]: undefined in an array/],
    ['a function', { f: () => 1 }, /a function/],
    ['a cycle', circular, /at \$\.self: circular reference/],
    ['a class instance', { x: new (class Thing {})() }, /a Thing instance/],
  ])('rejects %s with the path', (_, value, message) => {
    expect(() => toStoredResult('ec2-inventory:us-east-1', value)).toThrow(ResultNotSerialisableError);
    expect(() => toStoredResult('ec2-inventory:us-east-1', value)).toThrow(message);
  });
});
