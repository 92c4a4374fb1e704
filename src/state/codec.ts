import type { z } from 'zod';
import { SCHEMA_VERSION } from '../records/state.js';

/** Outcome of decoding a stored object: its value, or why it cannot be trusted. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Parses and validates a stored body. Checks the schema version before the shape, so an
 * object written by a newer release is reported as such rather than as "malformed".
 */
export function decode<T>(schema: z.ZodType<T>, body: string): Decoded<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'not a JSON object' };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    return { ok: false, reason: `unknown schemaVersion ${JSON.stringify(version)} (this release reads ${SCHEMA_VERSION})` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    return { ok: false, reason: `unexpected shape (${issues.join('; ')})` };
  }
  return { ok: true, value: parsed.data };
}

/** Serialises a state object. Compact: these are read by code, and small objects are cheaper. */
export function encode(value: unknown): string {
  return JSON.stringify(value);
}
