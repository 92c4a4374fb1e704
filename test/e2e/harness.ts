import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import type { AwsAdapters, EbsVolume } from '../../src/aws/ports.js';
import { createDemoAdapters } from '../../src/demo/index.js';
import { startFakeAws, type FakeAws } from '../support/fake-aws/index.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { runAction, startAction, type ActionRun, type RunActionOptions } from '../support/run-action.js';
import { createTestBucket, testS3Client } from '../support/s3-client.js';

export const ACCOUNT = '123456789012';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/finops-reader`;
export const PREFIX = 'finops/';

/** A pull_request event payload from a branch of the same repository. */
export function prEvent(number: number): { name: string; payload: unknown } {
  const repo = { full_name: 'octo-org/octo-repo' };
  return { name: 'pull_request', payload: { action: 'synchronize', number, pull_request: { number, head: { ref: 'feature', repo }, base: { ref: 'main', repo } } } };
}

export interface E2E {
  aws: FakeAws;
  github: FakeGitHub;
  s3: S3Client;
  bucket: string;
  /** Runs the committed dist/index.js with OIDC, the state bucket and the fakes wired in. */
  run(options?: RunActionOptions): Promise<ActionRun>;
  start(options?: RunActionOptions): ReturnType<typeof startAction>;
  /** A state object (under the prefix) as JSON, or undefined. */
  readState<T = Record<string, unknown>>(key: string): Promise<T | undefined>;
  stateKeys(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * One isolated world per suite: a fake AWS serving the demo account (anchored at the real
 * now, as the action's clock is), a fake GitHub, and a fresh bucket on the S3 test server.
 */
export async function startE2E(label: string, data: AwsAdapters = createDemoAdapters({ now: new Date() })): Promise<E2E> {
  const github = await startFakeGitHub();
  const aws = await startFakeAws({ data, isIssuedIdToken: github.isIssuedIdToken });
  const s3Endpoint = inject('s3Endpoint');
  const s3 = testS3Client(s3Endpoint);
  const bucket = await createTestBucket(s3, `e2e-${label}`);

  const wire = (options: RunActionOptions = {}): RunActionOptions => ({
    ...options,
    inputs: { 'role-to-assume': ROLE_ARN, 'state-bucket': bucket, 'github-token': github.token, ...options.inputs },
    env: {
      AWS_ENDPOINT_URL: aws.endpoint,
      AWS_ENDPOINT_URL_S3: s3Endpoint,
      GITHUB_API_URL: github.url,
      ACTIONS_ID_TOKEN_REQUEST_URL: github.idTokenUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.requestToken,
      ...options.env,
    },
  });

  const readState = async <T>(key: string): Promise<T | undefined> => {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `${PREFIX}${key}` }));
      return JSON.parse(await object.Body!.transformToString()) as T;
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  };
  const stateKeys = async () => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.NextContinuationToken;
    } while (token);
    return keys.sort();
  };

  return {
    aws,
    github,
    s3,
    bucket,
    run: (options) => runAction(wire(options)),
    start: (options) => startAction(wire(options)),
    readState,
    stateKeys,
    stop: async () => {
      s3.destroy();
      await Promise.all([aws.stop(), github.stop()]);
    },
  };
}

/** The demo account with one more unattached gp3 volume in us-east-1 (a change between runs). */
export function withExtraVolume(data: AwsAdapters): AwsAdapters {
  const volume: EbsVolume = {
    volumeId: 'vol-0e2e0000000000001',
    volumeType: 'gp3',
    sizeGiB: 750,
    iops: 3000,
    throughputMiBps: 125,
    state: 'available',
    createTime: new Date(Date.now() - 40 * 86_400_000).toISOString(),
    attachments: [],
    name: 'forgotten-restore',
    tags: { Name: 'forgotten-restore' },
  };
  return {
    ...data,
    ec2: (region) => {
      const port = data.ec2(region);
      return region === 'us-east-1' ? { ...port, listVolumes: async (signal) => [...(await port.listVolumes(signal)), volume] } : port;
    },
  };
}

/** Requests per `service:operation` that the fake answered (faults excluded). */
export function requestCounts(aws: FakeAws, from = 0): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of aws.requests.slice(from)) {
    if (r.fault) continue;
    const key = `${r.service}:${r.operation}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A short account of a run for assertion messages. */
export function explain(run: ActionRun): string {
  return `exit ${run.exitCode}${run.timedOut ? ' (timed out)' : ''}\n--- stdout (tail)\n${run.stdout.slice(-3000)}\n--- stderr\n${run.stderr.slice(-2000)}`;
}
