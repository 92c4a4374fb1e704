import { describe, expect, it } from 'vitest';
import { parseGithubOutput, startAction } from './run-action.js';

describe('GITHUB_OUTPUT parsing', () => {
  it('reads both the name=value and the heredoc forms, values with = and several lines', () => {
    const text = [
      'status=completed',
      'note=a=b',
      'report<<ghadelimiter_1f2e',
      'line one',
      'line=two',
      '',
      'ghadelimiter_1f2e',
      'empty<<EOF',
      'EOF',
      '',
    ].join('\n');
    expect(parseGithubOutput(text)).toEqual({ status: 'completed', note: 'a=b', report: 'line one\nline=two\n', empty: '' });
  });
});

describe('startAction', () => {
  it('refuses endpoints that are not on loopback, before starting anything', () => {
    expect(() => startAction({ env: { AWS_ENDPOINT_URL: 'https://sts.amazonaws.com' } })).toThrow('tests only talk to 127.0.0.1');
    expect(() => startAction({ env: { GITHUB_API_URL: 'https://api.github.com' } })).toThrow('tests only talk to 127.0.0.1');
  });
});
