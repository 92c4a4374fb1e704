import {
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeRegionsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import { isoOrNull, tagRecord } from './convert.js';
import { awsCall } from './errors.js';
import { collectPages } from './paginate.js';
import type { Ec2Instance, Ec2Port, RegionsPort } from './ports/index.js';

/** Largest pages EC2 accepts for these listings; fewer pages means fewer throttled calls. */
const PAGE_SIZE = 1000;
const VOLUME_PAGE_SIZE = 500;

/** EC2 listings of one region behind {@link Ec2Port}, every page. */
export function ec2Adapter(client: EC2Client, region: string): Ec2Port {
  const call = <T>(op: string, fn: () => Promise<T>) => awsCall(`ec2:${op}`, region, fn);
  return {
    async listInstances(signal) {
      const reservations = await collectPages('ec2:DescribeInstances', async (token) => {
        const out = await call('DescribeInstances', () =>
          client.send(new DescribeInstancesCommand({ MaxResults: PAGE_SIZE, NextToken: token }), { abortSignal: signal }),
        );
        return { items: out.Reservations, next: out.NextToken };
      });
      return reservations
        .flatMap((r) => r.Instances ?? [])
        .filter((i) => i.InstanceId)
        .map(toInstance);
    },

    async listVolumes(signal) {
      const volumes = await collectPages('ec2:DescribeVolumes', async (token) => {
        const out = await call('DescribeVolumes', () =>
          client.send(new DescribeVolumesCommand({ MaxResults: VOLUME_PAGE_SIZE, NextToken: token }), { abortSignal: signal }),
        );
        return { items: out.Volumes, next: out.NextToken };
      });
      return volumes
        .filter((v) => v.VolumeId)
        .map((v) => {
          const tags = tagRecord(v.Tags);
          return {
            volumeId: v.VolumeId!,
            volumeType: v.VolumeType ?? 'unknown',
            sizeGiB: v.Size ?? 0,
            iops: v.Iops ?? null,
            throughputMiBps: v.Throughput ?? null,
            state: v.State ?? 'unknown',
            createTime: isoOrNull(v.CreateTime),
            attachments: (v.Attachments ?? []).map((a) => ({
              instanceId: a.InstanceId ?? null,
              state: a.State ?? null,
              device: a.Device ?? null,
            })),
            name: tags.Name ?? null,
            tags,
          };
        });
    },

    async listSnapshots(signal) {
      const snapshots = await collectPages('ec2:DescribeSnapshots', async (token) => {
        const out = await call('DescribeSnapshots', () =>
          client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: PAGE_SIZE, NextToken: token }), {
            abortSignal: signal,
          }),
        );
        return { items: out.Snapshots, next: out.NextToken };
      });
      return snapshots
        .filter((s) => s.SnapshotId)
        .map((s) => {
          const tags = tagRecord(s.Tags);
          return {
            snapshotId: s.SnapshotId!,
            // EC2 reports vol-ffffffff for snapshots copied from another one.
            volumeId: s.VolumeId && s.VolumeId !== 'vol-ffffffff' ? s.VolumeId : null,
            volumeSizeGiB: s.VolumeSize ?? 0,
            startTime: isoOrNull(s.StartTime),
            state: s.State ?? null,
            description: s.Description ?? null,
            storageTier: s.StorageTier ?? null,
            name: tags.Name ?? null,
            tags,
          };
        });
    },

    async listImages(signal) {
      const images = await collectPages('ec2:DescribeImages', async (token) => {
        const out = await call('DescribeImages', () =>
          client.send(new DescribeImagesCommand({ Owners: ['self'], MaxResults: PAGE_SIZE, NextToken: token }), { abortSignal: signal }),
        );
        return { items: out.Images, next: out.NextToken };
      });
      return images
        .filter((i) => i.ImageId)
        .map((i) => ({
          imageId: i.ImageId!,
          name: i.Name ?? null,
          state: i.State ?? null,
          creationDate: isoOrNull(i.CreationDate),
          snapshotIds: (i.BlockDeviceMappings ?? []).map((m) => m.Ebs?.SnapshotId).filter((id): id is string => !!id),
        }));
    },

    async listAddresses(signal) {
      // DescribeAddresses is not paginated: one call returns every address of the region.
      const out = await call('DescribeAddresses', () => client.send(new DescribeAddressesCommand({}), { abortSignal: signal }));
      return (out.Addresses ?? []).map((a) => {
        const tags = tagRecord(a.Tags);
        return {
          allocationId: a.AllocationId ?? null,
          publicIp: a.PublicIp ?? null,
          associationId: a.AssociationId ?? null,
          instanceId: a.InstanceId ?? null,
          networkInterfaceId: a.NetworkInterfaceId ?? null,
          domain: a.Domain ?? null,
          name: tags.Name ?? null,
          tags,
        };
      });
    },

    async listNatGateways(signal) {
      const gateways = await collectPages('ec2:DescribeNatGateways', async (token) => {
        const out = await call('DescribeNatGateways', () =>
          client.send(new DescribeNatGatewaysCommand({ MaxResults: PAGE_SIZE, NextToken: token }), { abortSignal: signal }),
        );
        return { items: out.NatGateways, next: out.NextToken };
      });
      return gateways
        .filter((g) => g.NatGatewayId)
        .map((g) => {
          const tags = tagRecord(g.Tags);
          return {
            natGatewayId: g.NatGatewayId!,
            state: g.State ?? 'unknown',
            createTime: isoOrNull(g.CreateTime),
            connectivityType: g.ConnectivityType ?? null,
            vpcId: g.VpcId ?? null,
            subnetId: g.SubnetId ?? null,
            name: tags.Name ?? null,
            tags,
          };
        });
    },
  };
}

function toInstance(i: Instance): Ec2Instance {
  const tags = tagRecord(i.Tags);
  return {
    instanceId: i.InstanceId!,
    instanceType: i.InstanceType ?? 'unknown',
    state: i.State?.Name ?? 'unknown',
    launchTime: isoOrNull(i.LaunchTime),
    stateTransitionReason: i.StateTransitionReason || null,
    platformDetails: i.PlatformDetails ?? null,
    lifecycle: i.InstanceLifecycle ?? null,
    tenancy: i.Placement?.Tenancy ?? null,
    name: tags.Name ?? null,
    tags,
    volumeIds: (i.BlockDeviceMappings ?? []).map((m) => m.Ebs?.VolumeId).filter((id): id is string => !!id),
  };
}

/** DescribeRegions (the account's enabled regions) behind {@link RegionsPort}. */
export function regionsAdapter(client: EC2Client, homeRegion: string): RegionsPort {
  return {
    async listEnabledRegions(signal) {
      // Without AllRegions, EC2 lists only the regions enabled for the account.
      const out = await awsCall('ec2:DescribeRegions', homeRegion, () =>
        client.send(new DescribeRegionsCommand({}), { abortSignal: signal }),
      );
      return (out.Regions ?? [])
        .filter((r) => r.RegionName && r.OptInStatus !== 'not-opted-in')
        .map((r) => r.RegionName!)
        .sort();
    },
  };
}
