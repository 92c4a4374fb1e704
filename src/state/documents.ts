import type { z } from 'zod';
import type { Clock } from '../primitives/clock.js';
import { decode, encode } from './codec.js';
import type { ObjectStore, PutOptions, WriteCondition } from './object-store.js';
import { quarantineObject } from './quarantine.js';

/** A validated object and the version it was read at. */
export interface Loaded<T> {
  value: T;
  etag: string;
}

/** Result of reading with `keepCorrupt`: the bad object stays in place at `etag` (already copied aside). */
export interface CorruptInPlace {
  value: undefined;
  etag: string;
}

export interface ReadOptions<T> {
  signal?: AbortSignal;
  /** Extra consistency check (e.g. the id inside matches the key); returns why it fails. */
  check?: (value: T) => string | undefined;
  /** Copy a corrupt object aside but leave it in place, so the caller can replace it with `ifMatch`. */
  keepCorrupt?: boolean;
}

/**
 * Typed, validated JSON documents over an {@link ObjectStore}. Every read is validated;
 * what fails validation is quarantined and reads as absent.
 */
export class Documents {
  constructor(
    readonly objects: ObjectStore,
    readonly clock: Clock,
    readonly warn: (message: string) => void,
  ) {}

  read<T>(key: string, schema: z.ZodType<T>, options?: ReadOptions<T> & { keepCorrupt?: false }): Promise<Loaded<T> | undefined>;
  read<T>(
    key: string,
    schema: z.ZodType<T>,
    options: ReadOptions<T> & { keepCorrupt: true },
  ): Promise<Loaded<T> | CorruptInPlace | undefined>;
  async read<T>(key: string, schema: z.ZodType<T>, options: ReadOptions<T> = {}): Promise<Loaded<T> | CorruptInPlace | undefined> {
    const stored = await this.objects.get(key, options.signal);
    if (!stored) return undefined;
    const decoded = decode(schema, stored.body);
    const reason = decoded.ok ? options.check?.(decoded.value) : decoded.reason;
    if (decoded.ok && reason === undefined) return { value: decoded.value, etag: stored.etag };
    await quarantineObject(this.objects, this.clock, key, stored.body, reason ?? 'invalid', this.warn, {
      keepOriginal: options.keepCorrupt ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return options.keepCorrupt ? { value: undefined, etag: stored.etag } : undefined;
  }

  /** Writes `value` after validating it against `schema`: never store what could not be read back. */
  async write<T>(
    key: string,
    schema: z.ZodType<T>,
    value: T,
    condition?: WriteCondition,
    signal?: AbortSignal,
    options?: PutOptions,
  ): Promise<string> {
    const valid = schema.parse(value);
    const { etag } = await this.objects.put(key, encode(valid), condition, signal, options);
    return etag;
  }
}
