import type { AwsAdapters } from '../aws/ports/index.js';

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/**
 * The regions to analyse: the given list, or for `all` the account's enabled regions
 * (DescribeRegions). Call it once per execution, before {@link buildAnalysisGraph}: the graph is
 * static (its task ids are stored in the execution), so the region set must be known up front.
 * On resume, rebuild with the same list (see {@link regionsOfTaskIds}).
 */
export async function resolveRegions(
  adapters: Pick<AwsAdapters, 'regions'>,
  input: readonly string[] | 'all',
  signal?: AbortSignal,
): Promise<string[]> {
  if (input !== 'all') return assertRegions(input);
  const regions = await adapters.regions.listEnabledRegions(signal);
  if (regions.length === 0) throw new Error('DescribeRegions returned no enabled region');
  return assertRegions(regions);
}

/** The regions a stored graph was built for, from its task ids (`checks:{region}` and friends). */
export function regionsOfTaskIds(taskIds: Iterable<string>): string[] {
  const regions = new Set<string>();
  for (const id of taskIds) {
    const [, param] = id.split(':');
    if (param && REGION.test(param)) regions.add(param);
  }
  return [...regions].sort();
}

/**
 * Checks and deduplicates a region list (order kept).
 * @throws RangeError naming the first malformed region.
 */
export function assertRegions(regions: readonly string[]): string[] {
  if ((regions as unknown) === 'all')
    throw new RangeError('regions "all" must be resolved with resolveRegions() before building the graph');
  for (const region of regions) {
    if (!REGION.test(region)) throw new RangeError(`"${region}" is not an AWS region such as us-east-1`);
  }
  return [...new Set(regions)];
}
