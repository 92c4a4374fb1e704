import { ResultNotSerialisableError } from '../primitives/errors.js';

/**
 * Checks that a task result stores and reads back as it is, and returns it deep-frozen, so
 * dependants in this run see exactly what its result batch will hold and what a resumed run
 * will load (JSON leaves out only `undefined` properties, which read back the same as absent).
 * Frozen, not copied: a result can be megabytes, and its JSON round trip sat on the run's
 * critical path; a dependant that tried to change its input would throw instead.
 * Rejected (with the path): bigint, functions, symbols, NaN/Infinity, `undefined` in arrays,
 * cycles, and objects that are not plain (Date, Map, Set, class instances), which JSON would
 * silently turn into something else. A top-level `undefined` (a task with nothing to return)
 * is stored as `null`.
 * @throws ResultNotSerialisableError
 */
export function toStoredResult(taskId: string, value: unknown): unknown {
  if (value === undefined) return null;
  // Cheap pass first (no path strings); only a value that fails is walked again for the path.
  if (!freezeIfStorable(value, new Set())) check(taskId, value, '$', new Set());
  return value;
}

/** Same rules as `check`, without building paths: true when the value is storable, which is then frozen. */
function freezeIfStorable(value: unknown, ancestors: Set<object>): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  const object = value as object;
  if (ancestors.has(object)) return false;
  ancestors.add(object);
  if (Array.isArray(object)) {
    // A hole would read back as null: rejected like `undefined`, as in `check`.
    for (let i = 0; i < object.length; i++) if (!freezeIfStorable(object[i], ancestors)) return false;
  } else {
    const proto = Object.getPrototypeOf(object) as object | null;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key in object) {
      if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
      const item = (object as Record<string, unknown>)[key];
      if (item !== undefined && !freezeIfStorable(item, ancestors)) return false;
    }
  }
  ancestors.delete(object);
  Object.freeze(object);
  return true;
}

function check(taskId: string, value: unknown, path: string, ancestors: Set<object>): void {
  const fail = (problem: string): never => {
    throw new ResultNotSerialisableError(taskId, path, problem);
  };
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(`${value} is not a JSON number`);
      return;
    case 'undefined':
      return fail('undefined in an array becomes null');
    case 'bigint':
    case 'function':
    case 'symbol':
      return fail(`a ${typeof value} cannot be stored`);
  }
  if (value === null) return;
  const object = value as object;
  if (ancestors.has(object)) fail('circular reference');
  ancestors.add(object);
  if (Array.isArray(object)) {
    for (let i = 0; i < object.length; i++) check(taskId, object[i], `${path}[${i}]`, ancestors);
  } else {
    const proto = Object.getPrototypeOf(object) as object | null;
    if (proto !== Object.prototype && proto !== null) {
      const kind = (object.constructor as { name?: string } | undefined)?.name ?? 'object';
      fail(kind === 'Date' ? 'a Date: store it as an ISO string' : `a ${kind} instance: convert it to a plain object or array`);
    }
    for (const [key, item] of Object.entries(object)) {
      // JSON drops undefined properties, which reads back the same as absent.
      if (item !== undefined) check(taskId, item, `${path}.${key}`, ancestors);
    }
  }
  ancestors.delete(object);
}
