import {
  ComputeOptimizerClient,
  GetEBSVolumeRecommendationsCommand,
  GetEC2InstanceRecommendationsCommand,
  GetIdleRecommendationsCommand,
  type EstimatedMonthlySavings,
  type VolumeConfiguration as SdkVolumeConfiguration,
} from '@aws-sdk/client-compute-optimizer';
import { TaskSkippedError } from '../primitives/errors.js';
import { isoOrNull } from './convert.js';
import { mapAwsError } from './errors.js';
import { collectPages } from './paginate.js';
import {
  COMPUTE_OPTIMIZER_NOT_ENROLLED,
  type AdviceError,
  type AdviceSaving,
  type AdviceSavings,
  type ComputeOptimizerPort,
  type VolumeConfiguration,
} from './ports/index.js';

type SavingsShape =
  { savingsOpportunityPercentage?: number | undefined; estimatedMonthlySavings?: EstimatedMonthlySavings | undefined } | undefined;

function saving(shape: SavingsShape): AdviceSaving | null {
  const amount = shape?.estimatedMonthlySavings;
  if (amount?.value === undefined) return null;
  // An absent currency stays absent (''): the analysis never guesses it is USD.
  return { currency: amount.currency ?? '', value: amount.value, percent: shape?.savingsOpportunityPercentage ?? null };
}

function savings(option: { savingsOpportunity?: SavingsShape; savingsOpportunityAfterDiscounts?: SavingsShape }): AdviceSavings {
  return { listPrice: saving(option.savingsOpportunity), afterDiscounts: saving(option.savingsOpportunityAfterDiscounts) };
}

function volumeConfiguration(c: SdkVolumeConfiguration | undefined): VolumeConfiguration {
  return {
    volumeType: c?.volumeType ?? null,
    sizeGiB: c?.volumeSize ?? null,
    baselineIops: c?.volumeBaselineIOPS ?? null,
    baselineThroughputMiBps: c?.volumeBaselineThroughput ?? null,
  };
}

function errorsOf(
  errors: ReadonlyArray<{ identifier?: string | undefined; code?: string | undefined; message?: string | undefined }> | undefined,
): AdviceError[] {
  return (errors ?? []).map((e) => ({ identifier: e.identifier ?? null, code: e.code ?? null, message: e.message ?? null }));
}

/** The Name tag (Compute Optimizer spells tags `{ key, value }`). */
function nameTag(tags: ReadonlyArray<{ key?: string | undefined; value?: string | undefined }> | undefined): string | null {
  return tags?.find((t) => t.key === 'Name')?.value || null;
}

/**
 * The id the inventory and the other checks use for the resource an ARN names, where its form
 * is known (`instance/i-…`, `volume/vol-…`, `natgateway/nat-…`, `db:name`), so overlapping
 * findings on one resource are recognised; null for other forms.
 */
export function resourceIdFromArn(arn: string): string | null {
  const resource = arn.split(':').slice(5).join(':');
  const match = /^(?:instance|volume|natgateway)\/([^/]+)$/.exec(resource) ?? /^db:([^:]+)$/.exec(resource);
  return match?.[1] ?? null;
}

/**
 * Compute Optimizer of one region behind {@link ComputeOptimizerPort}: each listing followed
 * through `nextToken`. An account that has not opted in (`OptInRequiredException`) is a skip
 * ({@link COMPUTE_OPTIMIZER_NOT_ENROLLED}), not a failure; other errors map as every adapter's do.
 */
export function computeOptimizerAdapter(client: ComputeOptimizerClient, region: string): ComputeOptimizerPort {
  const call = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === 'OptInRequiredException')
        throw new TaskSkippedError(COMPUTE_OPTIMIZER_NOT_ENROLLED, { cause: error });
      throw mapAwsError(error, `compute-optimizer:${operation}`, region);
    }
  };
  const filter = (findings: string[] | undefined) =>
    findings && findings.length > 0 ? { filters: [{ name: 'Finding' as const, values: findings }] } : {};

  return {
    async ec2InstanceRecommendations(request, signal) {
      const errors: AdviceError[] = [];
      const found = await collectPages('compute-optimizer:GetEC2InstanceRecommendations', async (token) => {
        const out = await call('GetEC2InstanceRecommendations', () =>
          client.send(new GetEC2InstanceRecommendationsCommand({ ...filter(request.findings), ...(token ? { nextToken: token } : {}) }), {
            abortSignal: signal,
          }),
        );
        errors.push(...errorsOf(out.errors));
        return { items: out.instanceRecommendations, next: out.nextToken };
      });
      const recommendations = found
        .filter((r) => r.instanceArn)
        .map((r) => ({
          instanceArn: r.instanceArn!,
          instanceId: resourceIdFromArn(r.instanceArn!) ?? r.instanceArn!,
          instanceName: r.instanceName || null,
          currentInstanceType: r.currentInstanceType ?? 'unknown',
          finding: r.finding ?? 'unknown',
          findingReasonCodes: [...(r.findingReasonCodes ?? [])],
          lookBackPeriodInDays: r.lookBackPeriodInDays ?? null,
          lastRefreshTimestamp: isoOrNull(r.lastRefreshTimestamp),
          options: (r.recommendationOptions ?? [])
            .filter((o) => o.instanceType)
            .map((o) => ({
              instanceType: o.instanceType!,
              rank: o.rank ?? null,
              performanceRisk: o.performanceRisk ?? null,
              migrationEffort: o.migrationEffort ?? null,
              ...savings(o),
            })),
        }));
      return { recommendations, errors };
    },

    async ebsVolumeRecommendations(request, signal) {
      const errors: AdviceError[] = [];
      const found = await collectPages('compute-optimizer:GetEBSVolumeRecommendations', async (token) => {
        const out = await call('GetEBSVolumeRecommendations', () =>
          client.send(new GetEBSVolumeRecommendationsCommand({ ...filter(request.findings), ...(token ? { nextToken: token } : {}) }), {
            abortSignal: signal,
          }),
        );
        errors.push(...errorsOf(out.errors));
        return { items: out.volumeRecommendations, next: out.nextToken };
      });
      const recommendations = found
        .filter((r) => r.volumeArn)
        .map((r) => ({
          volumeArn: r.volumeArn!,
          volumeId: resourceIdFromArn(r.volumeArn!) ?? r.volumeArn!,
          name: nameTag(r.tags),
          current: volumeConfiguration(r.currentConfiguration),
          finding: r.finding ?? 'unknown',
          lookBackPeriodInDays: r.lookBackPeriodInDays ?? null,
          lastRefreshTimestamp: isoOrNull(r.lastRefreshTimestamp),
          options: (r.volumeRecommendationOptions ?? []).map((o) => ({
            configuration: volumeConfiguration(o.configuration),
            rank: o.rank ?? null,
            performanceRisk: o.performanceRisk ?? null,
            ...savings(o),
          })),
        }));
      return { recommendations, errors };
    },

    async idleRecommendations(signal) {
      const errors: AdviceError[] = [];
      const found = await collectPages('compute-optimizer:GetIdleRecommendations', async (token) => {
        const out = await call('GetIdleRecommendations', () =>
          client.send(new GetIdleRecommendationsCommand(token ? { nextToken: token } : {}), { abortSignal: signal }),
        );
        errors.push(...errorsOf(out.errors));
        return { items: out.idleRecommendations, next: out.nextToken };
      });
      const recommendations = found
        .filter((r) => r.resourceArn)
        .map((r) => ({
          resourceArn: r.resourceArn!,
          resourceId: resourceIdFromArn(r.resourceArn!) ?? r.resourceId ?? r.resourceArn!,
          resourceType: r.resourceType ?? 'unknown',
          name: nameTag(r.tags),
          finding: r.finding ?? 'unknown',
          findingDescription: r.findingDescription ?? null,
          lookBackPeriodInDays: r.lookBackPeriodInDays ?? null,
          lastRefreshTimestamp: isoOrNull(r.lastRefreshTimestamp),
          ...savings(r),
        }));
      return { recommendations, errors };
    },
  };
}
