import type { MetricsResult } from '../metrics/types.js';
import { seriesKey } from '../metrics/types.js';
import { peakOfSum, statsFrom, windowFrom } from '../metrics/window.js';

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
  const from = windowFrom(metrics, lookbackDays);
  const cpuMax = statsFrom(metrics.series[seriesKey(instanceId, 'CPUUtilization', 'Maximum')], from);
  if (cpuMax.days === 0) return undefined;
  const cpuAvg = statsFrom(metrics.series[seriesKey(instanceId, 'CPUUtilization', 'Average')], from);
  const netIn = metrics.series[seriesKey(instanceId, 'NetworkIn', 'Sum')];
  const netOut = metrics.series[seriesKey(instanceId, 'NetworkOut', 'Sum')];
  return {
    daysOfData: cpuMax.days,
    peakCpuPercent: cpuMax.max,
    averageCpuPercent: cpuAvg.days === 0 ? 0 : cpuAvg.sum / cpuAvg.days,
    peakNetworkMbPerDay: netIn || netOut ? peakOfSum(netIn, netOut, from) / BYTES_PER_MB : null,
  };
}
