import { isRunnerExpression } from './defaults.js';

/**
 * Parsers for one raw input value each. They return the typed value or throw an
 * `InputError` whose message names the input and says what is accepted.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`Input "${input}" ${detail}`);
    this.name = 'InputError';
  }
}

/** Several bad inputs at once, so a user fixes them in one go. */
export class SettingsError extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'SettingsError';
  }
}

const show = (raw: string) => JSON.stringify(raw.length > 80 ? `${raw.slice(0, 77)}...` : raw);

export function integer(input: string, raw: string, min: number, max: number): number {
  const trimmed = raw.trim();
  if (!/^-?\d+$/.test(trimmed)) throw new InputError(input, `must be a whole number from ${min} to ${max}, got ${show(raw)}`);
  const value = Number(trimmed);
  if (value < min || value > max) throw new InputError(input, `must be a whole number from ${min} to ${max}, got ${show(raw)}`);
  return value;
}

export function decimal(input: string, raw: string, min: number, max: number): number {
  const trimmed = raw.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) throw new InputError(input, `must be a number from ${min} to ${max}, got ${show(raw)}`);
  const value = Number(trimmed);
  if (value < min || value > max) throw new InputError(input, `must be a number from ${min} to ${max}, got ${show(raw)}`);
  return value;
}

export function oneOf<T extends string>(input: string, raw: string, accepted: readonly T[]): T {
  const value = raw.trim();
  if (!(accepted as readonly string[]).includes(value)) {
    throw new InputError(input, `must be one of ${accepted.join(', ')}; got ${show(raw)}`);
  }
  return value as T;
}

export function boolean(input: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(input, `must be true or false, got ${show(raw)}`);
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function region(input: string, raw: string): string {
  const value = raw.trim();
  if (!REGION.test(value)) throw new InputError(input, `must be an AWS region such as us-east-1, got ${show(raw)}`);
  return value;
}

/** `all`, or a comma list of regions (deduplicated, order kept). */
export function regionList(input: string, raw: string): string[] | 'all' {
  const value = raw.trim();
  if (value === 'all') return 'all';
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new InputError(input, `must be "all" or a comma-separated list of AWS regions, got ${show(raw)}`);
  for (const part of parts) {
    if (!REGION.test(part))
      throw new InputError(
        input,
        `must be "all" or a comma-separated list of AWS regions such as us-east-1,eu-west-1; ${show(part)} is not a region`,
      );
  }
  return [...new Set(parts)];
}

const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

export function roleArn(input: string, raw: string): string {
  const value = raw.trim();
  if (!ROLE_ARN.test(value))
    throw new InputError(input, `must be an IAM role ARN such as arn:aws:iam::123456789012:role/finops-reader, got ${show(raw)}`);
  return value;
}

export function roleSessionName(input: string, raw: string): string {
  const value = raw.trim();
  if (!/^[\w+=,.@-]{2,64}$/.test(value))
    throw new InputError(input, `must be 2 to 64 characters of letters, digits and +=,.@_-, got ${show(raw)}`);
  return value;
}

/** S3 general-purpose bucket naming rules. */
export function bucketName(input: string, raw: string): string {
  const value = raw.trim();
  const problems = [
    [
      !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value),
      '3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
    ],
    [value.includes('..'), 'no two adjacent dots'],
    [/^\d+\.\d+\.\d+\.\d+$/.test(value), 'not an IP address'],
    [/^(xn--|sthree-|amzn-s3-demo-)/.test(value) || /(-s3alias|--ol-s3|--x-s3|--table-s3)$/.test(value), 'no reserved prefix or suffix'],
  ] as const;
  const failed = problems.filter(([bad]) => bad).map(([, rule]) => rule);
  if (failed.length > 0) throw new InputError(input, `must be a valid S3 bucket name (${failed.join('; ')}), got ${show(raw)}`);
  return value;
}

/** A key prefix: relative, no `..` segments, normalised to end with `/` (or empty). */
export function keyPrefix(input: string, raw: string): string {
  const value = raw.trim();
  if (value === '') return '';
  const segments = value.replace(/\/+$/, '').split('/');
  if (value.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..') || /[\\\0\r\n]/.test(value)) {
    throw new InputError(
      input,
      `must be a relative key prefix such as finops/ (no leading slash, empty, . or .. segments), got ${show(raw)}`,
    );
  }
  return `${segments.join('/')}/`;
}

export function executionId(input: string, raw: string): string {
  const value = raw.trim();
  if (!/^exec_\d{12}_\d{8}T\d{6}Z_[0-9a-f]{8}$/.test(value)) {
    throw new InputError(input, `must be an execution id such as exec_123456789012_20261125T060000Z_4f3a9c1e, got ${show(raw)}`);
  }
  return value;
}

export function artifactName(input: string, raw: string): string {
  const value = raw.trim();
  if (value === '' || value.length > 200 || /["':<>|*?\\/\r\n\0]/.test(value)) {
    throw new InputError(input, `must be 1 to 200 characters without " ' : < > | * ? \\ / or line breaks, got ${show(raw)}`);
  }
  return value;
}

export function tagKey(input: string, raw: string): string {
  const value = raw.trim();
  if (value.length > 128 || /[\r\n\0]/.test(value))
    throw new InputError(input, `must be a tag key of 1 to 128 characters on one line, got ${show(raw)}`);
  return value;
}

export function path(input: string, raw: string): string {
  const value = raw.trim();
  if (value === '' || /[\0\r\n]/.test(value)) throw new InputError(input, `must be a file system path, got ${show(raw)}`);
  return value;
}

/** `all`, or a comma list of check ids (deduplicated, order kept); whether each id exists is the analysis's to say. */
export function checkList(input: string, raw: string): string[] | 'all' {
  const value = raw.trim();
  if (value === 'all') return 'all';
  const ids = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const id of ids) {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
      throw new InputError(
        input,
        `must be "all" or a comma-separated list of check ids such as ebs-unattached,ec2-idle; ${JSON.stringify(id)} is not a check id`,
      );
  }
  if (ids.length === 0) throw new InputError(input, 'must be "all" or a comma-separated list of check ids');
  return [...new Set(ids)];
}

/**
 * A GitHub token, or undefined for none. action.yml's default `${{ github.token }}` is resolved
 * by the runner; the same text unresolved (the table's default itself, or a caller that copied
 * action.yml literally) is not a token, and sending it to GitHub would only fail later and
 * further away, so it counts as unset: the PR comment is skipped as with no token at all.
 */
export function githubToken(_input: string, raw: string): string | undefined {
  const value = raw.trim();
  return value === '' || isRunnerExpression(value) ? undefined : value;
}
