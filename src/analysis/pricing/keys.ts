/**
 * What the checks need priced, as stable string keys (they are cache keys and JSON map keys):
 *
 * | key                              | unit                              |
 * |----------------------------------|-----------------------------------|
 * | `ebs:{volumeType}`               | USD per GB-month of volume        |
 * | `ebs-iops:{volumeType}`          | USD per provisioned IOPS-month    |
 * | `ebs-throughput:gp3`             | USD per MiB/s-month               |
 * | `ebs-snapshot`                   | USD per GB-month (standard tier)  |
 * | `eip-idle`                       | USD per hour                      |
 * | `nat-hour` / `nat-gb`            | USD per hour / per GB processed   |
 * | `lb:{type}`                      | USD per hour (application, network, gateway, classic) |
 * | `ec2:{instanceType}`             | USD per hour, Linux, shared tenancy, on-demand |
 * | `rds:{engine}:{az}:{class}`      | USD per hour, on-demand; az = `single-az` or `multi-az` |
 */
export type PriceKey = string;

export const priceKeys = {
  ebsStorage: (volumeType: string): PriceKey => `ebs:${volumeType}`,
  ebsIops: (volumeType: string): PriceKey => `ebs-iops:${volumeType}`,
  gp3Throughput: 'ebs-throughput:gp3' as PriceKey,
  snapshot: 'ebs-snapshot' as PriceKey,
  eipIdle: 'eip-idle' as PriceKey,
  natHour: 'nat-hour' as PriceKey,
  natGb: 'nat-gb' as PriceKey,
  loadBalancer: (type: string): PriceKey => `lb:${type}`,
  ec2: (instanceType: string): PriceKey => `ec2:${instanceType}`,
  rds: (engine: string, multiAz: boolean, instanceClass: string): PriceKey =>
    `rds:${rdsEngineGroup(engine)}:${multiAz ? 'multi-az' : 'single-az'}:${instanceClass}`,
};

/** Hours in a month, as AWS prices monthly usage (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;

/**
 * Engines priced alike share a key: MariaDB and MySQL have the same on-demand rates.
 * Commercial engines (Oracle, SQL Server) depend on license and edition and are not priced.
 */
export function rdsEngineGroup(engine: string): string {
  if (engine === 'mariadb') return 'mysql';
  return engine;
}

/** Engines whose on-demand rate this tool can price (Price List `databaseEngine`). */
export const RDS_PRICE_LIST_ENGINES: Readonly<Record<string, string>> = {
  mysql: 'MySQL',
  postgres: 'PostgreSQL',
  'aurora-mysql': 'Aurora MySQL',
  'aurora-postgresql': 'Aurora PostgreSQL',
};
