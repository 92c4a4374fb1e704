import type { EbsVolume } from '../../aws/ports/index.js';
import { priceKeys, type PriceKey } from './keys.js';
import type { PriceEntry, PriceLookup } from './price-book.js';

/** gp3's included performance: 3,000 IOPS and 125 MiB/s at no extra charge. */
export const GP3_BASELINE_IOPS = 3000;
export const GP3_BASELINE_THROUGHPUT_MIBPS = 125;

export interface MonthlyCost {
  /** USD per month. */
  usd: number;
  prices: PriceEntry[];
}

/** Price keys needed to price a volume of this type (storage plus performance). */
export function volumePriceKeys(volumeType: string): PriceKey[] {
  const keys = [priceKeys.ebsStorage(volumeType)];
  if (volumeType === 'io1' || volumeType === 'io2' || volumeType === 'gp3') keys.push(priceKeys.ebsIops(volumeType));
  if (volumeType === 'gp3') keys.push(priceKeys.gp3Throughput);
  return keys;
}

/**
 * What a volume costs per month: GiB × storage rate, plus provisioned IOPS (io1/io2: all of
 * them; gp3: above 3,000) and gp3 throughput above 125 MiB/s. Undefined without a storage price.
 */
export function volumeMonthlyCost(
  volume: Pick<EbsVolume, 'volumeType' | 'sizeGiB' | 'iops' | 'throughputMiBps'>,
  prices: PriceLookup,
): MonthlyCost | undefined {
  const storage = prices.get(priceKeys.ebsStorage(volume.volumeType));
  if (!storage) return undefined;
  let usd = volume.sizeGiB * storage.usd;
  const used: PriceEntry[] = [storage];
  const iops = volume.iops ?? 0;
  const billedIops =
    volume.volumeType === 'gp3'
      ? Math.max(0, iops - GP3_BASELINE_IOPS)
      : volume.volumeType === 'io1' || volume.volumeType === 'io2'
        ? iops
        : 0;
  if (billedIops > 0) {
    const rate = prices.get(priceKeys.ebsIops(volume.volumeType));
    if (!rate) return undefined;
    usd += billedIops * rate.usd;
    used.push(rate);
  }
  const extraThroughput =
    volume.volumeType === 'gp3'
      ? Math.max(0, (volume.throughputMiBps ?? GP3_BASELINE_THROUGHPUT_MIBPS) - GP3_BASELINE_THROUGHPUT_MIBPS)
      : 0;
  if (extraThroughput > 0) {
    const rate = prices.get(priceKeys.gp3Throughput);
    if (!rate) return undefined;
    usd += extraThroughput * rate.usd;
    used.push(rate);
  }
  return { usd, prices: used };
}

/** gp2 volumes this large sustain 250 MiB/s; smaller ones reach it only on burst credits. */
export const GP2_FULL_THROUGHPUT_MIN_GIB = 334;

/**
 * The gp3 configuration that matches a gp2 volume's sustained performance: gp2 gives 3 IOPS/GiB
 * (100 to 16,000) and bursts to 3,000 below 1 TiB, so gp3 needs max(3,000, 3 × GiB) IOPS; gp2
 * sustains 250 MiB/s from 334 GiB (below, its 128 MiB/s is met by gp3's 125 MiB/s baseline
 * within 3%, and burst-only throughput is not matched).
 */
export function gp3Equivalent(sizeGiB: number): { iops: number; throughputMiBps: number } {
  const gp2Iops = Math.min(16_000, Math.max(100, 3 * sizeGiB));
  return {
    iops: Math.max(GP3_BASELINE_IOPS, gp2Iops),
    throughputMiBps: sizeGiB >= GP2_FULL_THROUGHPUT_MIN_GIB ? 250 : GP3_BASELINE_THROUGHPUT_MIBPS,
  };
}
