import { describe, expect, it } from 'vitest';
import {
  CircuitOpenError,
  NonRetryableError,
  ResultNotSerialisableError,
  TaskSkippedError,
  TaskTimeoutError,
} from '../../../src/primitives/errors.js';
import { classifyError, describeError } from '../../../src/executor/classify.js';
import { awsError } from './helpers.js';

const withCode = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('classifyError', () => {
  it.each([
    ['TaskTimeoutError', new TaskTimeoutError('a', 10), 'retryable'],
    ['TaskSkippedError', new TaskSkippedError('not enrolled'), 'skip'],
    ['CircuitOpenError', new CircuitOpenError('ce', 'later'), 'skip'],
    ['NonRetryableError', new NonRetryableError('bad'), 'fail'],
    ['ResultNotSerialisableError', new ResultNotSerialisableError('a', '$', 'bigint'), 'fail'],
    ['ThrottlingException', awsError('ThrottlingException'), 'retryable'],
    ['Throttling (query protocol)', awsError('Throttling'), 'retryable'],
    ['RequestLimitExceeded (EC2)', awsError('RequestLimitExceeded', 503), 'retryable'],
    ['LimitExceededException (Cost Explorer)', awsError('LimitExceededException'), 'retryable'],
    ['any 5xx', awsError('SomethingNew', 502), 'retryable'],
    ['429', awsError('SomethingNew', 429), 'retryable'],
    ['$retryable set by the SDK', awsError('Odd', 400, { $retryable: { throttling: true } }), 'retryable'],
    ['TimeoutError', Object.assign(new Error('socket'), { name: 'TimeoutError' }), 'retryable'],
    ['ECONNRESET', withCode('ECONNRESET'), 'retryable'],
    ['ETIMEDOUT', withCode('ETIMEDOUT'), 'retryable'],
    ['ECONNREFUSED', withCode('ECONNREFUSED'), 'retryable'],
    ['EPIPE', withCode('EPIPE'), 'retryable'],
    ['EAI_AGAIN', withCode('EAI_AGAIN'), 'retryable'],
    ['fetch TypeError caused by ECONNRESET', new TypeError('fetch failed', { cause: withCode('ECONNRESET') }), 'retryable'],
    ['AccessDenied', awsError('AccessDenied', 403), 'skip'],
    ['AccessDeniedException', awsError('AccessDeniedException', 400), 'skip'],
    ['UnauthorizedOperation', awsError('UnauthorizedOperation', 403), 'skip'],
    ['OptInRequired', awsError('OptInRequired', 401), 'skip'],
    ['SubscriptionRequiredException', awsError('SubscriptionRequiredException'), 'skip'],
    ['…NotEnrolled…', awsError('ResourceNotEnrolledException'), 'skip'],
    ['ValidationException', awsError('ValidationException'), 'fail'],
    ['InvalidParameterValue', awsError('InvalidParameterValue'), 'fail'],
    ['ExpiredToken', awsError('ExpiredToken', 400), 'fail'],
    ['a plain Error', new Error('boom'), 'fail'],
    ['a TypeError (bug)', new TypeError('x is not a function'), 'fail'],
    ['ENOENT', withCode('ENOENT'), 'fail'],
    ['a thrown string', 'boom', 'fail'],
    ['null', null, 'fail'],
  ])('%s → %s', (_, error, verdict) => {
    expect(classifyError(error)).toBe(verdict);
  });
});

describe('describeError', () => {
  it.each([
    [new RangeError('out'), { name: 'RangeError', message: 'out' }],
    [
      { name: 'Weird', message: 'shape' },
      { name: 'Weird', message: 'shape' },
    ],
    ['text', { name: 'Error', message: 'text' }],
    [{ a: 1 }, { name: 'Error', message: '{"a":1}' }],
  ])('describes %j', (error, expected) => {
    expect(describeError(error)).toEqual(expected);
  });
});
