import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { addDays, addMonths, daysBetween, monthStart, utcDay } from '../../src/analysis/dates.js';
import type { AwsAdapters, CostGroupBy, EbsVolume } from '../../src/aws/ports/index.js';
import { createDemoAdapters } from '../../src/demo/index.js';
import type { ExecutionManifest } from '../../src/records/state.js';
import { S3ObjectStore } from '../../src/state/s3-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { manifest } from '../contract/fixtures.js';
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
  return {
    name: 'pull_request',
    payload: { action: 'synchronize', number, pull_request: { number, head: { ref: 'feature', repo }, base: { ref: 'main', repo } } },
  };
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
  /** The state store the action uses (the bucket, under the prefix), for seeding state. */
  store: StateStore;
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
    store: new StateStore(new S3ObjectStore({ client: s3, bucket, prefix: PREFIX })),
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

/** The service a new workload bills to in {@link withNewService}. */
export const NEW_SERVICE = { name: 'Amazon SageMaker', usdPerDay: 25, days: 5 };

/**
 * The account with a new service billing $25 a day for the last five complete days, in every
 * Cost Explorer answer alike (totals, by service, region, tag): a cost change between runs.
 * Recent days only, so the closed months the baseline run cached stay true.
 */
export function withNewService(data: AwsAdapters): AwsAdapters {
  const today = utcDay(new Date());
  const from = addDays(today, -NEW_SERVICE.days);
  const key = (g: CostGroupBy) =>
    g.type === 'TAG'
      ? `${g.key}$ml`
      : g.key === 'SERVICE'
        ? NEW_SERVICE.name
        : g.key === 'REGION'
          ? 'us-east-1'
          : g.key === 'LINKED_ACCOUNT'
            ? ACCOUNT
            : 'NoValue';
  return {
    ...data,
    costExplorer: {
      ...data.costExplorer,
      getCostAndUsage: async (query, signal) =>
        (await data.costExplorer.getCostAndUsage(query, signal)).map((period) => {
          const start = period.start > from ? period.start : from;
          const end = period.end < today ? period.end : today;
          const amount = start < end ? daysBetween(start, end) * NEW_SERVICE.usdPerDay : 0;
          if (amount === 0) return period;
          if (query.groupBy.length === 0) return { ...period, total: (period.total ?? 0) + amount };
          return { ...period, groups: [...period.groups, { keys: query.groupBy.map(key), amount }] };
        }),
    },
  };
}

/** What {@link withNewService} adds to month to date (on the 1st, month to date is the month just closed). */
export function newServiceMonthToDate(): number {
  const today = utcDay(new Date());
  const start = today.endsWith('-01') ? addMonths(today, -1) : monthStart(today);
  const from = addDays(today, -NEW_SERVICE.days);
  return daysBetween(from > start ? from : start, today) * NEW_SERVICE.usdPerDay;
}

/**
 * An account with nothing to say: the demo's regions, prices and metrics, but no resource, no
 * advice, no anomaly, and two services billing a flat $10 a day each. Two runs on it find
 * nothing and no cost change.
 */
export function quietAccount(data: AwsAdapters): AwsAdapters {
  const lines = [
    { service: 'Amazon Simple Storage Service', team: 'data' },
    { service: 'AWS Lambda', team: 'platform' },
  ];
  const key = (line: (typeof lines)[number], g: CostGroupBy) =>
    g.type === 'TAG' ? `${g.key}$${line.team}` : g.key === 'SERVICE' ? line.service : g.key === 'REGION' ? 'us-east-1' : ACCOUNT;
  const none = async () => [];
  const noAdvice = async () => ({ recommendations: [], errors: [] });
  return {
    ...data,
    costExplorer: {
      getCostAndUsage: async (query) => {
        const today = utcDay(new Date());
        const periods = [];
        for (let start = query.start; start < query.end;) {
          const next = query.granularity === 'DAILY' ? addDays(start, 1) : addMonths(start, 1);
          const end = next < query.end ? next : query.end;
          const billed = Math.max(0, daysBetween(start, end < today ? end : today)) * 10;
          const groups =
            billed === 0 || query.groupBy.length === 0
              ? []
              : lines.map((l) => ({ keys: query.groupBy.map((g) => key(l, g)), amount: billed }));
          periods.push({ start, end, estimated: false, groups, ...(query.groupBy.length === 0 ? { total: billed * lines.length } : {}) });
          start = end;
        }
        return periods;
      },
      getCostForecast: async ({ start, end }) => ({ mean: daysBetween(start, end) * 10 * lines.length }),
      getAnomalies: none,
    },
    ec2: () => ({
      listInstances: none,
      listVolumes: none,
      listSnapshots: none,
      listImages: none,
      listAddresses: none,
      listNatGateways: none,
    }),
    elb: () => ({ listLoadBalancers: none, listTargetGroups: none, targetHealth: async () => ({ healthy: 0, unhealthy: 0, total: 0 }) }),
    elbClassic: () => ({ listLoadBalancers: none, instanceHealth: async () => null }),
    rds: () => ({ listDbInstances: none }),
    computeOptimizer: () => ({ ec2InstanceRecommendations: noAdvice, ebsVolumeRecommendations: noAdvice, idleRecommendations: noAdvice }),
  };
}

/**
 * Puts an execution of the account, created and last updated `daysAgo` days ago, into the state
 * (its manifest and one result batch), as a run of that day would have left it. Returns its id.
 */
export async function seedExecution(e: E2E, daysAgo: number, overrides: Partial<ExecutionManifest> = {}): Promise<string> {
  const at = Date.now() - daysAgo * 86_400_000;
  const seeded = manifest(ACCOUNT, at, { status: 'completed', finishedAt: new Date(at).toISOString(), ...overrides });
  await e.store.createExecution(seeded);
  await e.store.putResultBatch(seeded.executionId, 'r0001-000001', new Map([['cost-analysis', { total: 1 }]]));
  return seeded.executionId;
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
