import type { MetricsResult } from '../metrics/types.js';
import { seriesKey } from '../metrics/types.js';

/** Bytes in a megabyte (decimal, as CloudWatch byte counts are usually read). */
export const BYTES_PER_MB = 1_000_000;

export interface Ec2Utilisation {
  /** Days with a CPU datapoint in the lookback. */
  daysOfData: number;
  /** Highest daily Maximum CPU, percent. */
  peakCpuPercent: number;
  /** Mean of the daily Average CPU, percent. */
  averageCpuPercent: number;
  /** Largest daily NetworkIn + NetworkOut, MB (null when CloudWatch returned no network data). */
  peakNetworkMbPerDay: number | null;
}

/**
 * An instance's daily utilisation over the last `lookbackDays` of the metrics window; undefined
 * when there is no CPU data for it. Days without network datapoints count as no traffic.
 */
export function ec2Utilisation(metrics: MetricsResult | undefined, instanceId: string, lookbackDays: number): Ec2Utilisation | undefined {
  if (!metrics) return undefined;
  const from = Date.parse(metrics.end) - lookbackDays * 86_400_000;
  const pick = (metric: string, stat: string) => {
    const series = metrics.series[seriesKey(instanceId, metric, stat)];
    const points = new Map<string, number>();
    series?.timestamps.forEach((t, i) => {
      if (Date.parse(t) >= from) points.set(t, series.values[i]!);
    });
    return { present: series !== undefined, points };
  };
  const cpuMax = pick('CPUUtilization', 'Maximum');
  if (cpuMax.points.size === 0) return undefined;
  const cpuAvg = pick('CPUUtilization', 'Average');
  const netIn = pick('NetworkIn', 'Sum');
  const netOut = pick('NetworkOut', 'Sum');
  const averages = [...cpuAvg.points.values()];
  let peakNetwork: number | null = null;
  if (netIn.present || netOut.present) {
    const days = new Set([...netIn.points.keys(), ...netOut.points.keys()]);
    peakNetwork = 0;
    for (const day of days) peakNetwork = Math.max(peakNetwork, ((netIn.points.get(day) ?? 0) + (netOut.points.get(day) ?? 0)) / BYTES_PER_MB);
  }
  return {
    daysOfData: cpuMax.points.size,
    peakCpuPercent: Math.max(...cpuMax.points.values()),
    averageCpuPercent: averages.length === 0 ? 0 : averages.reduce((a, b) => a + b, 0) / averages.length,
    peakNetworkMbPerDay: peakNetwork,
  };
}
