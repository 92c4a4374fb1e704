import { DeleteObjectCommand, GetObjectCommand, paginateListObjectsV2, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PreconditionFailedError, StateIoError, errorMessage } from '../primitives/errors.js';
import { assertKeyPrefix, assertObjectKey } from './object-key.js';
import type { ObjectStore, StoredObject, WriteCondition } from './object-store.js';

/** Options of {@link S3ObjectStore}. */
export interface S3ObjectStoreOptions {
  client: S3Client;
  bucket: string;
  /** Key prefix of every object (`state-prefix`); a trailing `/` is added when missing. @default '' */
  prefix?: string;
  /** `MaxKeys` of each ListObjectsV2 page (1–1000); S3's default when absent. */
  pageSize?: number;
}

interface SdkError {
  name?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

function details(error: unknown): { name: string; status: number | undefined } {
  const e = (error ?? {}) as SdkError;
  return { name: e.name ?? e.Code ?? '', status: e.$metadata?.httpStatusCode };
}

function isNotFound(error: unknown): boolean {
  const { name, status } = details(error);
  return name === 'NoSuchKey' || name === 'NotFound' || status === 404;
}

const THROTTLING = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'RequestTimeout', 'RequestTimeTooSkewed', 'InternalError']);

function isTransient(error: unknown): boolean {
  const { name, status } = details(error);
  if (status === undefined) return true; // never reached S3: network, DNS, socket reset
  return status >= 500 || status === 429 || THROTTLING.has(name) || Boolean((error as SdkError).$retryable);
}

/**
 * The {@link ObjectStore} port on an S3 bucket, with S3's conditional writes: create with
 * `If-None-Match: *`, update with `If-Match: <etag>`. A lost condition (412, or 409
 * `ConditionalRequestConflict` from a concurrent conditional write) is a
 * {@link PreconditionFailedError}; other failures are wrapped with the `s3://` URL.
 */
export class S3ObjectStore implements ObjectStore {
  readonly location: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly pageSize: number | undefined;

  constructor(options: S3ObjectStoreOptions) {
    if (!options.bucket) throw new TypeError('S3ObjectStore needs a bucket name');
    const trimmed = (options.prefix ?? '').replace(/^\/+/, '');
    this.prefix = trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
    assertKeyPrefix(this.prefix);
    if (options.pageSize !== undefined && !(Number.isInteger(options.pageSize) && options.pageSize >= 1 && options.pageSize <= 1000)) {
      throw new RangeError(`Invalid S3 pageSize ${options.pageSize}: must be an integer from 1 to 1000`);
    }
    this.client = options.client;
    this.bucket = options.bucket;
    this.pageSize = options.pageSize;
    this.location = `s3://${this.bucket}/${this.prefix}`;
  }

  async get(key: string, signal?: AbortSignal): Promise<StoredObject | undefined> {
    const s3Key = this.keyOf(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: s3Key }), { abortSignal: signal });
      const body = (await response.Body?.transformToString('utf-8')) ?? '';
      return { body, etag: this.etagOf(response.ETag, 'read', key) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.wrap('read', key, error, signal);
    }
  }

  async put(key: string, body: string, condition?: WriteCondition, signal?: AbortSignal): Promise<{ etag: string }> {
    const s3Key = this.keyOf(key);
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: s3Key,
      Body: body,
      ContentType: 'application/json',
      ...(condition && 'ifNoneMatch' in condition ? { IfNoneMatch: '*' } : {}),
      ...(condition && 'ifMatch' in condition ? { IfMatch: condition.ifMatch } : {}),
    });
    try {
      const response = await this.client.send(command, { abortSignal: signal });
      return { etag: this.etagOf(response.ETag, 'write', key) };
    } catch (error) {
      if (condition) {
        const { name, status } = details(error);
        // 409: another conditional write to the key was in progress; it won the race.
        // 404 on If-Match: the object we meant to update is gone, so the condition failed.
        const lost =
          status === 412 ||
          name === 'PreconditionFailed' ||
          status === 409 ||
          name === 'ConditionalRequestConflict' ||
          ('ifMatch' in condition && isNotFound(error));
        if (lost) {
          const described = 'ifNoneMatch' in condition ? 'If-None-Match: *' : `If-Match: ${condition.ifMatch}`;
          throw new PreconditionFailedError(this.urlOf(key), described);
        }
      }
      throw this.wrap('write', key, error, signal);
    }
  }

  async delete(key: string, signal?: AbortSignal): Promise<void> {
    const s3Key = this.keyOf(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: s3Key }), { abortSignal: signal });
    } catch (error) {
      if (isNotFound(error)) return;
      throw this.wrap('delete', key, error, signal);
    }
  }

  async *list(prefix: string, signal?: AbortSignal): AsyncIterable<string> {
    assertKeyPrefix(prefix);
    const pages = paginateListObjectsV2(
      { client: this.client, ...(this.pageSize ? { pageSize: this.pageSize } : {}) },
      { Bucket: this.bucket, Prefix: this.prefix + prefix },
      { abortSignal: signal },
    );
    try {
      for await (const page of pages) {
        for (const object of page.Contents ?? []) {
          if (object.Key?.startsWith(this.prefix)) yield object.Key.slice(this.prefix.length);
        }
      }
    } catch (error) {
      throw this.wrap('list', prefix, error, signal);
    }
  }

  private keyOf(key: string): string {
    return this.prefix + assertObjectKey(key);
  }

  private urlOf(key: string): string {
    return `s3://${this.bucket}/${this.prefix}${key}`;
  }

  private etagOf(etag: string | undefined, action: string, key: string): string {
    if (!etag) throw new StateIoError(`could not ${action} ${this.urlOf(key)}: S3 returned no ETag`, false);
    return etag;
  }

  private wrap(action: string, key: string, error: unknown, signal: AbortSignal | undefined): unknown {
    // An abort is the caller's decision, not a storage failure: surface the caller's reason.
    if (signal?.aborted) return signal.reason ?? error;
    if (error instanceof StateIoError || error instanceof PreconditionFailedError) return error;
    const { name } = details(error);
    const message = `could not ${action} ${this.urlOf(key)}: ${name && !errorMessage(error).includes(name) ? `${name}: ` : ''}${errorMessage(error)}`;
    return new StateIoError(message, isTransient(error), { cause: error });
  }
}
