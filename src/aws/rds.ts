import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { isoOrNull, tagRecord } from './convert.js';
import { awsCall } from './errors.js';
import { collectPages } from './paginate.js';
import type { RdsPort } from './ports/index.js';

/** Largest page RDS accepts. */
const PAGE_SIZE = 100;

/** RDS instances of one region behind {@link RdsPort}, every page. */
export function rdsAdapter(client: RDSClient, region: string): RdsPort {
  return {
    async listDbInstances(signal) {
      const instances = await collectPages('rds:DescribeDBInstances', async (marker) => {
        const out = await awsCall('rds:DescribeDBInstances', region, () =>
          client.send(new DescribeDBInstancesCommand({ MaxRecords: PAGE_SIZE, Marker: marker }), { abortSignal: signal }),
        );
        return { items: out.DBInstances, next: out.Marker };
      });
      return instances
        .filter((db) => db.DBInstanceIdentifier)
        .map((db) => ({
          dbInstanceId: db.DBInstanceIdentifier!,
          instanceClass: db.DBInstanceClass ?? 'unknown',
          engine: db.Engine ?? 'unknown',
          status: db.DBInstanceStatus ?? 'unknown',
          multiAz: db.MultiAZ ?? false,
          allocatedStorageGiB: db.AllocatedStorage ?? null,
          storageType: db.StorageType ?? null,
          createTime: isoOrNull(db.InstanceCreateTime),
          clusterId: db.DBClusterIdentifier ?? null,
          tags: tagRecord(db.TagList),
        }));
    },
  };
}
