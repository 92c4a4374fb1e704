import { describe, expect, it } from 'vitest';
import { mapAwsError } from '../../../src/aws/errors.js';
import { NonRetryableError, TaskSkippedError } from '../../../src/primitives/errors.js';
import { classifyError } from '../../../src/executor/classify.js';
import { serviceError } from '../../fixtures/aws/cost-explorer.js';

describe('AWS error mapping', () => {
  const map = (e: Error) => mapAwsError(e, 'rds:DescribeDBInstances', 'eu-west-1') as Error;

  it.each([
    [
      'AccessDenied',
      'User is not authorized to perform: rds:DescribeDBInstances',
      403,
      'skip',
      /^access denied to rds:DescribeDBInstances in eu-west-1/,
    ],
    ['AuthFailure', 'AWS was not able to validate the provided access credentials', 401, 'skip', /region is not enabled/],
    ['OptInRequired', 'You are not subscribed to this service', 401, 'skip', /region is not enabled/],
    ['DataUnavailableException', 'Data is not available', 400, 'skip', /has no data for this account yet/],
    ['InvalidParameterValue', 'Invalid value for MaxRecords', 400, 'fail', /rejected the request/],
    ['Throttling', 'Rate exceeded', 400, 'retryable', /^rds:DescribeDBInstances in eu-west-1: Rate exceeded$/],
    ['InternalFailure', 'We encountered an internal error', 500, 'retryable', /internal error/],
  ] as const)('%s → %s, with what was being done', (name, message, status, verdict, text) => {
    const mapped = map(serviceError(name, message, status));
    expect(classifyError(mapped)).toBe(verdict);
    expect(mapped.message).toMatch(text);
    if (verdict === 'skip') expect(mapped).toBeInstanceOf(TaskSkippedError);
    if (verdict === 'fail') expect(mapped).toBeInstanceOf(NonRetryableError);
  });

  it('aborts pass through untouched', () => {
    const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    expect(map(abort)).toBe(abort);
    expect(abort.message).toBe('Request aborted');
  });

  it('the context prefix is added once', () => {
    const error = serviceError('Throttling', 'Rate exceeded', 400);
    map(error);
    map(error);
    expect(error.message).toBe('rds:DescribeDBInstances in eu-west-1: Rate exceeded');
  });
});
