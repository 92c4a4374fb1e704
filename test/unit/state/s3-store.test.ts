import { S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it, vi } from 'vitest';
import { PreconditionFailedError, StateIoError } from '../../../src/primitives/errors.js';
import { S3ObjectStore } from '../../../src/state/s3-store.js';

function sdkError(name: string, status: number | undefined, message = name): Error {
  if (status === undefined) return Object.assign(new Error(message), { name, code: 'ECONNRESET' });
  return new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message });
}

function storeFailingWith(error: Error) {
  const client = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const send = vi.spyOn(client, 'send').mockRejectedValue(error as never);
  return { store: new S3ObjectStore({ client, bucket: 'b', prefix: 'finops' }), send };
}

describe('S3ObjectStore error mapping (no network)', () => {
  it.each([
    ['PreconditionFailed', 412, { ifMatch: '"e"' }],
    ['PreconditionFailed', 412, { ifNoneMatch: '*' as const }],
    ['ConditionalRequestConflict', 409, { ifNoneMatch: '*' as const }],
    ['NoSuchKey', 404, { ifMatch: '"e"' }],
  ])('maps %s (%i) on a conditional put to PreconditionFailedError', async (name, status, condition) => {
    const { store } = storeFailingWith(sdkError(name, status));
    const error = await store.put('k.json', '{}', condition).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect((error as Error).message).toContain('s3://b/finops/k.json');
  });

  it('wraps other failures with what it was doing, and says whether a retry may help', async () => {
    const slow = await storeFailingWith(sdkError('SlowDown', 503, 'Please reduce your request rate.'))
      .store.put('k.json', '{}')
      .catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(StateIoError);
    expect((slow as StateIoError).message).toBe('could not write s3://b/finops/k.json: SlowDown: Please reduce your request rate.');
    expect((slow as StateIoError).retryable).toBe(true);
    const denied = await storeFailingWith(sdkError('AccessDenied', 403, 'Access Denied'))
      .store.get('k.json')
      .catch((e: unknown) => e);
    expect((denied as StateIoError).message).toBe('could not read s3://b/finops/k.json: AccessDenied: Access Denied');
    expect((denied as StateIoError).retryable).toBe(false);
    const reset = await storeFailingWith(sdkError('Error', undefined, 'socket hang up'))
      .store.delete('k.json')
      .catch((e: unknown) => e);
    expect((reset as StateIoError).retryable).toBe(true);
    expect((reset as StateIoError).cause).toBeInstanceOf(Error);
  });

  it('reads a missing key as undefined and deletes it without complaint', async () => {
    const { store } = storeFailingWith(sdkError('NoSuchKey', 404));
    expect(await store.get('k.json')).toBeUndefined();
    await expect(store.delete('k.json')).resolves.toBeUndefined();
  });

  it('passes the abort signal to every send, and surfaces the caller’s reason on abort', async () => {
    const controller = new AbortController();
    const { store, send } = storeFailingWith(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    controller.abort(new Error('time budget exhausted'));
    await expect(store.put('k.json', '{}', undefined, controller.signal)).rejects.toThrow('time budget exhausted');
    expect(send.mock.calls[0]?.[1]).toEqual({ abortSignal: controller.signal });
  });

  it('normalises the prefix and rejects bad options', () => {
    const client = new S3Client({ region: 'us-east-1' });
    expect(new S3ObjectStore({ client, bucket: 'b', prefix: '/finops' }).location).toBe('s3://b/finops/');
    expect(new S3ObjectStore({ client, bucket: 'b' }).location).toBe('s3://b/');
    expect(() => new S3ObjectStore({ client, bucket: 'b', prefix: '../x' })).toThrow(/invalid state key/);
    expect(() => new S3ObjectStore({ client, bucket: 'b', pageSize: 0 })).toThrow(/pageSize/);
    expect(() => new S3ObjectStore({ client, bucket: '' })).toThrow(/bucket/);
  });
});
