import type { ServiceName } from './types.js';
import { FakeAwsError } from './wire.js';

/** Trouble the fake can make, for resilience suites. */
export interface FaultOptions {
  /** Share of requests answered with the service's throttling error, 0..1. */
  throttleRate?: number;
  /** Seed of the throttling draw, so a failing run can be replayed. @default 1 */
  seed?: number;
  /** Services the throttling applies to. @default every service but STS */
  throttleServices?: ServiceName[];
  /** Services answering 503 to everything. */
  downServices?: ServiceName[];
  /** Delay before each answer, in ms: for every service, or per service. */
  latencyMs?: number | Partial<Record<ServiceName, number>>;
}

/** Each service's own throttling error, as its SDK client sees it. */
const THROTTLE: Record<ServiceName, () => FakeAwsError> = {
  sts: () => new FakeAwsError('Throttling', 'Rate exceeded', 400),
  ec2: () => new FakeAwsError('RequestLimitExceeded', 'Request limit exceeded.', 503),
  elb: () => new FakeAwsError('Throttling', 'Rate exceeded', 400),
  elbv2: () => new FakeAwsError('Throttling', 'Rate exceeded', 400),
  rds: () => new FakeAwsError('Throttling', 'Rate exceeded', 400),
  cloudwatch: () => new FakeAwsError('Throttling', 'Rate exceeded', 400),
  ce: () => new FakeAwsError('LimitExceededException', 'You have exceeded the rate limit. Try again later.', 400),
  pricing: () => new FakeAwsError('ThrottlingException', 'Rate exceeded', 400),
  'compute-optimizer': () => new FakeAwsError('ThrottlingException', 'Rate exceeded', 400),
};

const UNAVAILABLE: Record<ServiceName, () => FakeAwsError> = {
  sts: () => new FakeAwsError('ServiceUnavailable', 'Service is unable to handle request.', 503),
  ec2: () => new FakeAwsError('Unavailable', 'The server is overloaded and can’t handle the request.', 503),
  elb: () => new FakeAwsError('ServiceUnavailable', 'Service is unable to handle request.', 503),
  elbv2: () => new FakeAwsError('ServiceUnavailable', 'Service is unable to handle request.', 503),
  rds: () => new FakeAwsError('ServiceUnavailable', 'Service is unable to handle request.', 503),
  cloudwatch: () => new FakeAwsError('ServiceUnavailable', 'Service is unable to handle request.', 503),
  ce: () => new FakeAwsError('ServiceUnavailableException', 'Service is unable to handle request.', 503),
  pricing: () => new FakeAwsError('ServiceUnavailableException', 'Service is unable to handle request.', 503),
  'compute-optimizer': () => new FakeAwsError('ServiceUnavailableException', 'Service is unable to handle request.', 503),
};

/** mulberry32: tiny, seedable, good enough to spread throttles. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Faults {
  private options: FaultOptions = {};
  private draw = random(1);

  set(options: FaultOptions): void {
    if (options.throttleRate !== undefined && !(options.throttleRate >= 0 && options.throttleRate <= 1))
      throw new RangeError(`throttleRate ${options.throttleRate} is not within 0..1`);
    this.options = { ...options };
    this.draw = random(options.seed ?? 1);
  }

  latencyOf(service: ServiceName): number {
    const latency = this.options.latencyMs;
    return typeof latency === 'number' ? latency : (latency?.[service] ?? 0);
  }

  /** The error this request gets instead of an answer, if any. */
  errorFor(service: ServiceName): { kind: 'down' | 'throttled'; error: FakeAwsError } | undefined {
    if (this.options.downServices?.includes(service)) return { kind: 'down', error: UNAVAILABLE[service]() };
    const rate = this.options.throttleRate ?? 0;
    const applies = this.options.throttleServices ? this.options.throttleServices.includes(service) : service !== 'sts';
    if (rate > 0 && applies && this.draw() < rate) return { kind: 'throttled', error: THROTTLE[service]() };
    return undefined;
  }
}
