import type {
  AdviceListing,
  AdviceSaving,
  AdviceSavings,
  ComputeOptimizerPort,
  VolumeConfiguration,
} from '../../../../src/aws/ports/index.js';
import { page, pageSize } from '../paging.js';
import { fromSource, type HandlerContext, type ServiceDefinition } from '../types.js';
import { FakeAwsError, jsonReply } from '../wire.js';

/** GetIdleRecommendations accepts at most this many per page. */
const IDLE_MAX_RESULTS = 100;

const invalid = (message: string) => new FakeAwsError('InvalidParameterValueException', message);

/** awsJson timestamps are epoch seconds. */
const epoch = (iso: string | null) => (iso === null ? {} : { lastRefreshTimestamp: Date.parse(iso) / 1000 });
const some = <K extends string, V>(key: K, value: V | null | undefined) =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);

function savingWire(s: AdviceSaving | null) {
  if (!s) return undefined;
  return {
    ...some('savingsOpportunityPercentage', s.percent),
    estimatedMonthlySavings: { ...(s.currency ? { currency: s.currency } : {}), value: s.value },
  };
}

function savingsWire(s: AdviceSavings) {
  return {
    ...some('savingsOpportunity', savingWire(s.listPrice)),
    ...some('savingsOpportunityAfterDiscounts', savingWire(s.afterDiscounts)),
  };
}

function configurationWire(c: VolumeConfiguration) {
  return {
    ...some('volumeType', c.volumeType),
    ...some('volumeSize', c.sizeGiB),
    ...some('volumeBaselineIOPS', c.baselineIops),
    ...some('volumeBaselineThroughput', c.baselineThroughputMiBps),
  };
}

const nameTags = (name: string | null) => (name ? { tags: [{ key: 'Name', value: name }] } : {});

/** The values of the `Finding` filter; any other filter is refused, so a request the fake cannot honour shows. */
function findingFilter(input: Record<string, unknown>): string[] | undefined {
  const filters = (input.filters as Array<{ name?: string; values?: string[] }> | undefined) ?? [];
  for (const f of filters)
    if (f.name !== 'Finding') throw invalid(`The fake Compute Optimizer filters by Finding only, not ${String(f.name)}`);
  return filters.length === 0 ? undefined : filters.flatMap((f) => f.values ?? []);
}

/**
 * The data source's Compute Optimizer in the request's region. A source without one answers as
 * an account that never opted in; a source's "not enrolled" travels as AWS sends it (HTTP 403).
 */
async function advice<T>(ctx: HandlerContext, read: (port: ComputeOptimizerPort) => Promise<AdviceListing<T>>): Promise<AdviceListing<T>> {
  if (!ctx.data.computeOptimizer)
    throw new FakeAwsError('OptInRequiredException', 'The account is not opted in to AWS Compute Optimizer.', 403);
  try {
    return await fromSource(() => read(ctx.data.computeOptimizer!(ctx.region)));
  } catch (error) {
    if (error instanceof FakeAwsError && error.code === 'OptInRequiredException') throw new FakeAwsError(error.code, error.message, 403);
    throw error;
  }
}

/** One page of a listing; the per-resource errors ride on the first page. */
function pageOf<T>(
  listing: AdviceListing<T>,
  input: Record<string, unknown>,
  ctx: HandlerContext,
  scope: unknown,
  cap = Number.POSITIVE_INFINITY,
) {
  const requested = input.maxResults as number | undefined;
  if (requested !== undefined && requested > cap) throw invalid(`maxResults must be at most ${cap}`);
  const token = input.nextToken as string | undefined;
  const { items, next } = page(listing.recommendations, {
    token,
    size: pageSize(requested, ctx.pageSizes.computeOptimizer),
    scope: { scope, region: ctx.region },
    invalidTokenCode: 'InvalidParameterValueException',
  });
  const errors = token
    ? []
    : listing.errors.map((e) => ({ ...some('identifier', e.identifier), ...some('code', e.code), ...some('message', e.message) }));
  return { items, errors, ...(next ? { nextToken: next } : {}) };
}

/** AWS Compute Optimizer (awsJson1_0, `ComputeOptimizerService`), regional, answered from the data source. */
export const computeOptimizer: ServiceDefinition = {
  name: 'compute-optimizer',
  protocol: 'json1.0',
  namespace: 'com.amazonaws.computeoptimizer',
  handlers: {
    async GetEC2InstanceRecommendations(input, ctx) {
      const findings = findingFilter(input);
      const listing = await advice(ctx, (port) => port.ec2InstanceRecommendations(findings ? { findings } : {}));
      const { items, ...rest } = pageOf(listing, input, ctx, { op: 'GetEC2InstanceRecommendations', findings });
      return jsonReply('json1.0', {
        instanceRecommendations: items.map((r) => ({
          instanceArn: r.instanceArn,
          accountId: ctx.accountId,
          ...some('instanceName', r.instanceName),
          currentInstanceType: r.currentInstanceType,
          finding: r.finding,
          findingReasonCodes: r.findingReasonCodes,
          ...some('lookBackPeriodInDays', r.lookBackPeriodInDays),
          recommendationOptions: r.options.map((o) => ({
            instanceType: o.instanceType,
            ...some('rank', o.rank),
            ...some('performanceRisk', o.performanceRisk),
            ...some('migrationEffort', o.migrationEffort),
            ...savingsWire(o),
          })),
          ...epoch(r.lastRefreshTimestamp),
          instanceState: 'running',
          ...nameTags(r.instanceName),
        })),
        ...rest,
      });
    },

    async GetEBSVolumeRecommendations(input, ctx) {
      const findings = findingFilter(input);
      const listing = await advice(ctx, (port) => port.ebsVolumeRecommendations(findings ? { findings } : {}));
      const { items, ...rest } = pageOf(listing, input, ctx, { op: 'GetEBSVolumeRecommendations', findings });
      return jsonReply('json1.0', {
        volumeRecommendations: items.map((r) => ({
          volumeArn: r.volumeArn,
          accountId: ctx.accountId,
          currentConfiguration: configurationWire(r.current),
          finding: r.finding,
          ...some('lookBackPeriodInDays', r.lookBackPeriodInDays),
          volumeRecommendationOptions: r.options.map((o) => ({
            configuration: configurationWire(o.configuration),
            ...some('rank', o.rank),
            ...some('performanceRisk', o.performanceRisk),
            ...savingsWire(o),
          })),
          ...epoch(r.lastRefreshTimestamp),
          ...nameTags(r.name),
        })),
        ...rest,
      });
    },

    async GetIdleRecommendations(input, ctx) {
      if (input.filters !== undefined) throw invalid('The fake Compute Optimizer does not filter idle recommendations');
      const listing = await advice(ctx, (port) => port.idleRecommendations());
      const { items, ...rest } = pageOf(listing, input, ctx, { op: 'GetIdleRecommendations' }, IDLE_MAX_RESULTS);
      return jsonReply('json1.0', {
        idleRecommendations: items.map((r) => ({
          resourceArn: r.resourceArn,
          resourceId: r.resourceId,
          resourceType: r.resourceType,
          accountId: ctx.accountId,
          finding: r.finding,
          ...some('findingDescription', r.findingDescription),
          ...savingsWire(r),
          ...some('lookBackPeriodInDays', r.lookBackPeriodInDays),
          ...epoch(r.lastRefreshTimestamp),
          ...nameTags(r.name),
        })),
        ...rest,
      });
    },
  },
};
