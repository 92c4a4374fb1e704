import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AwsAdapters } from '../../../src/aws/ports/index.js';
import { Faults, type FaultOptions } from './faults.js';
import { Gates, type Gate, type GateMatch } from './gates.js';
import { cloudwatch } from './services/cloudwatch.js';
import { computeOptimizer } from './services/compute-optimizer.js';
import { costExplorer } from './services/cost-explorer.js';
import { ec2 } from './services/ec2.js';
import { elbClassic } from './services/elb-classic.js';
import { elbv2, rds } from './services/elbv2-rds.js';
import { pricing } from './services/pricing.js';
import { sts } from './services/sts.js';
import {
  DEFAULT_PAGE_SIZES,
  type HandlerContext,
  type IssuedCredentials,
  type PageSizes,
  type ServiceDefinition,
  type ServiceName,
} from './types.js';
import { errorReply, FakeAwsError, parseForm, type WireReply } from './wire.js';

export type { FaultOptions } from './faults.js';
export type { Gate, GateMatch } from './gates.js';
export type { IssuedCredentials, PageSizes, ServiceName } from './types.js';

export interface FakeAwsOptions {
  /** The account the fake serves, through the same ports the analyses use (the demo account, say). */
  data: AwsAdapters;
  /** @default '123456789012' */
  accountId?: string;
  pageSizes?: Partial<PageSizes>;
  /** AssumeRoleWithWebIdentity accepts a token only when this says it was issued. @default none is */
  isIssuedIdToken?: (token: string) => boolean;
  /**
   * The fake's clock, in epoch ms: Cost Explorer refuses a forecast that starts before its today.
   * Pass the clock the analysis runs on when that is not real time. @default Date.now
   */
  now?: () => number;
}

export interface RecordedRequest {
  service: ServiceName | 'unknown';
  operation: string;
  /** From the SigV4 credential scope; absent on unsigned calls (AssumeRoleWithWebIdentity). */
  region?: string;
  accessKeyId?: string;
  status: number;
  fault?: 'throttled' | 'down';
  /** Error code of a non-200 answer. */
  error?: string;
}

export interface FakeAws {
  /** `http://127.0.0.1:{port}`: `AWS_ENDPOINT_URL` for every service. */
  endpoint: string;
  requests: RecordedRequest[];
  /** Role credentials STS handed out. */
  issued: IssuedCredentials[];
  setFaults(faults: FaultOptions): void;
  /**
   * Holds every request matching one of `matches` (before latency and faults) until the gate is
   * released: the client is then stuck at a known point. Stopping the fake releases its gates.
   */
  hold(...matches: GateMatch[]): Gate;
  /** Serve another account state from now on (e.g. a volume added between two runs). */
  setData(data: AwsAdapters): void;
  /** Answered (non-fault) requests of a service, optionally of one operation. */
  count(service: ServiceName, operation?: string): number;
  stop(): Promise<void>;
}

const BY_TARGET: Record<string, ServiceDefinition> = {
  AWSInsightsIndexService: costExplorer,
  AWSPriceListService: pricing,
  GraniteServiceVersion20100801: cloudwatch,
  ComputeOptimizerService: computeOptimizer,
};
const BY_VERSION: Record<string, ServiceDefinition> = {
  '2011-06-15': sts,
  '2016-11-15': ec2,
  '2012-06-01': elbClassic,
  '2015-12-01': elbv2,
  '2014-10-31': rds,
};
const SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

interface Routed {
  service: ServiceDefinition | undefined;
  operation: string;
  input: Record<string, string> | Record<string, unknown>;
}

function route(target: string | undefined, body: string): Routed {
  if (target) {
    const [prefix = '', operation = ''] = target.split('.');
    let input: Record<string, unknown> = {};
    try {
      input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      throw new FakeAwsError('SerializationException', 'The request body is not JSON');
    }
    return { service: BY_TARGET[prefix], operation, input };
  }
  const params = parseForm(body);
  return { service: BY_VERSION[params.Version ?? ''], operation: params.Action ?? '', input: params };
}

/**
 * A fake AWS on 127.0.0.1 answering STS, Cost Explorer, EC2, Classic ELB, ELBv2, RDS, CloudWatch, the Price
 * List and Compute Optimizer in each protocol's real wire format, from `options.data`. Unknown
 * operations get the protocol's own error (never a hang), so a missing handler shows in the
 * test output.
 */
export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  let data = options.data;
  const faults = new Faults();
  const gates = new Gates();
  const requests: RecordedRequest[] = [];
  const issued: IssuedCredentials[] = [];
  const pageSizes = { ...DEFAULT_PAGE_SIZES, ...options.pageSizes };

  async function answer(request: IncomingMessage, body: string, record: RecordedRequest): Promise<WireReply> {
    const scope = SCOPE.exec(String(request.headers.authorization ?? ''));
    if (scope) Object.assign(record, { accessKeyId: scope[1], region: scope[2] });
    const target = request.headers['x-amz-target'];
    let routed: Routed;
    try {
      routed = route(typeof target === 'string' ? target : undefined, body);
    } catch (error) {
      return errorReply(target ? 'json1.1' : 'query', error as FakeAwsError);
    }
    const { service, operation } = routed;
    record.operation = operation;
    if (!service)
      return errorReply(
        target ? 'json1.1' : 'query',
        new FakeAwsError(
          target ? 'UnknownOperationException' : 'InvalidAction',
          `The fake AWS does not know ${target ?? `this Version/Action (${operation})`}`,
        ),
      );
    record.service = service.name;
    await gates.pass(service.name, operation, record.region);
    const render = (error: FakeAwsError) =>
      errorReply(service.protocol, error, {
        namespace: service.namespace,
        ...('queryCompatible' in service && service.queryCompatible ? { queryCompatible: true } : {}),
      });
    const latency = faults.latencyOf(service.name);
    if (latency > 0) await sleep(latency);
    const fault = faults.errorFor(service.name);
    if (fault) {
      record.fault = fault.kind;
      return render(fault.error);
    }
    const handler = service.handlers[operation] as ((input: unknown, ctx: HandlerContext) => Promise<WireReply>) | undefined;
    if (!handler) {
      const code = service.protocol.startsWith('json') ? 'UnknownOperationException' : 'InvalidAction';
      return render(new FakeAwsError(code, `The fake ${service.name} has no handler for ${operation}`));
    }
    const ctx: HandlerContext = {
      region: record.region ?? 'us-east-1',
      accessKeyId: record.accessKeyId,
      accountId: options.accountId ?? '123456789012',
      data,
      pageSizes,
      isIssuedIdToken: options.isIssuedIdToken ?? (() => false),
      issued,
      now: options.now ?? Date.now,
    };
    try {
      return await handler(routed.input, ctx);
    } catch (error) {
      if (error instanceof FakeAwsError) return render(error);
      const code = service.protocol.startsWith('json') ? 'InternalFailure' : 'InternalError';
      return render(
        new FakeAwsError(
          code,
          `fake ${service.name} ${operation} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          500,
        ),
      );
    }
  }

  const server = createServer((request, response) => {
    const record: RecordedRequest = { service: 'unknown', operation: '', status: 0 };
    requests.push(record);
    readBody(request)
      .then((body) => answer(request, body, record))
      .then((reply) => {
        record.status = reply.status;
        if (reply.status !== 200)
          record.error = /<Code>([^<]+)<\/Code>|"__type":"(?:[^"#]*#)?([^"]+)"/.exec(reply.body)?.slice(1).find(Boolean) ?? 'unknown';
        response.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
        response.end(reply.body);
      })
      .catch((error: unknown) => {
        record.status = 500;
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    issued,
    setFaults: (f) => faults.set(f),
    hold: (...matches) => gates.hold(matches),
    setData: (next) => {
      data = next;
    },
    count: (service, operation) =>
      requests.filter((r) => r.service === service && (operation === undefined || r.operation === operation) && !r.fault).length,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        gates.releaseAll();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
