import type { EbsSnapshot, EbsVolume, Ec2Instance, ElasticIp, MachineImage, NatGateway } from '../../../../src/aws/ports/index.js';
import { page, pageSize } from '../paging.js';
import { fromSource, type HandlerContext, type QueryHandler, type ServiceDefinition } from '../types.js';
import { ec2Reply, el, formList, list, nodes, tagItems } from '../wire.js';

const STATE_CODES: Record<string, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

const tagSet = (tags: Record<string, string>) => list('tagSet', tagItems(tags, 'key', 'value'), (x) => x, 'item');
const items = <T>(name: string, values: readonly T[], render: (v: T) => string) => list(name, values, render, 'item');

/** A paginated Describe* answer: `MaxResults`/`NextToken` in, one page and `nextToken` out. */
function paginated<T>(
  operation: string,
  setName: string,
  listAll: (ctx: HandlerContext) => Promise<T[]>,
  render: (item: T, ctx: HandlerContext) => string,
): QueryHandler {
  return async (params, ctx) => {
    const all = await fromSource(() => listAll(ctx));
    const scope = {
      operation,
      region: ctx.region,
      owners: formList(params, 'Owner'),
      filters: Object.keys(params)
        .filter((k) => k.startsWith('Filter'))
        .sort(),
    };
    const size = pageSize(params.MaxResults, ctx.pageSizes.ec2);
    const { items: shown, next } = page(all, { token: params.NextToken, size, scope, invalidTokenCode: 'InvalidPaginationToken' });
    return ec2Reply(operation, items(setName, shown, (item) => render(item, ctx)) + el('nextToken', next));
  };
}

function instanceXml(i: Ec2Instance, ctx: HandlerContext): string {
  return (
    el('instanceId', i.instanceId) +
    el('imageId', 'ami-0fake00000000000a') +
    el('instanceState', nodes(el('code', STATE_CODES[i.state] ?? 16), el('name', i.state))) +
    el('reason', i.stateTransitionReason ?? '') +
    el('instanceType', i.instanceType) +
    el('launchTime', i.launchTime) +
    el('placement', nodes(el('availabilityZone', `${ctx.region}a`), el('tenancy', i.tenancy))) +
    items(
      'blockDeviceMapping',
      i.volumeIds,
      (id, n = i.volumeIds.indexOf(id)) =>
        el('deviceName', n === 0 ? '/dev/xvda' : `/dev/sd${String.fromCharCode(102 + n)}`) +
        el('ebs', nodes(el('volumeId', id), el('status', 'attached'), el('deleteOnTermination', n === 0))),
    ) +
    el('instanceLifecycle', i.lifecycle) +
    tagSet(i.tags) +
    el('platformDetails', i.platformDetails)
  );
}

function volumeXml(v: EbsVolume, ctx: HandlerContext): string {
  return (
    el('volumeId', v.volumeId) +
    el('size', v.sizeGiB) +
    el('availabilityZone', `${ctx.region}a`) +
    el('status', v.state) +
    el('createTime', v.createTime) +
    items(
      'attachmentSet',
      v.attachments,
      (a) => el('volumeId', v.volumeId) + el('instanceId', a.instanceId) + el('device', a.device) + el('status', a.state),
    ) +
    el('volumeType', v.volumeType) +
    el('iops', v.iops) +
    el('throughput', v.throughputMiBps) +
    tagSet(v.tags)
  );
}

function snapshotXml(s: EbsSnapshot, ctx: HandlerContext): string {
  return (
    el('snapshotId', s.snapshotId) +
    // EC2 reports vol-ffffffff for a snapshot without a known source volume.
    el('volumeId', s.volumeId ?? 'vol-ffffffff') +
    el('status', s.state) +
    el('startTime', s.startTime) +
    el('ownerId', ctx.accountId) +
    el('volumeSize', s.volumeSizeGiB) +
    el('description', s.description) +
    el('storageTier', s.storageTier) +
    tagSet(s.tags)
  );
}

function imageXml(i: MachineImage, ctx: HandlerContext): string {
  return (
    el('imageId', i.imageId) +
    el('imageState', i.state) +
    el('imageOwnerId', ctx.accountId) +
    el('creationDate', i.creationDate) +
    el('name', i.name) +
    items(
      'blockDeviceMapping',
      i.snapshotIds,
      (id) => el('deviceName', '/dev/xvda') + el('ebs', nodes(el('snapshotId', id), el('volumeType', 'gp3'))),
    )
  );
}

function addressXml(a: ElasticIp): string {
  return (
    el('publicIp', a.publicIp) +
    el('allocationId', a.allocationId) +
    el('domain', a.domain) +
    el('instanceId', a.instanceId) +
    el('associationId', a.associationId) +
    el('networkInterfaceId', a.networkInterfaceId) +
    tagSet(a.tags)
  );
}

function natXml(g: NatGateway): string {
  return (
    el('natGatewayId', g.natGatewayId) +
    el('createTime', g.createTime) +
    el('state', g.state) +
    el('connectivityType', g.connectivityType) +
    el('vpcId', g.vpcId) +
    el('subnetId', g.subnetId) +
    tagSet(g.tags)
  );
}

/** EC2 (ec2Query): the listings the analyses read, each paginated where EC2 paginates. */
export const ec2: ServiceDefinition = {
  name: 'ec2',
  protocol: 'ec2',
  namespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  handlers: {
    async DescribeRegions(_params, ctx) {
      const regions = await fromSource(() => ctx.data.regions.listEnabledRegions());
      return ec2Reply(
        'DescribeRegions',
        items(
          'regionInfo',
          regions,
          (r) => el('regionName', r) + el('regionEndpoint', `ec2.${r}.amazonaws.com`) + el('optInStatus', 'opt-in-not-required'),
        ),
      );
    },
    // One reservation per instance, as launches one at a time produce.
    DescribeInstances: paginated(
      'DescribeInstances',
      'reservationSet',
      (ctx) => ctx.data.ec2(ctx.region).listInstances(),
      (i, ctx) =>
        el('reservationId', `r-${i.instanceId.slice(2)}`) +
        el('ownerId', ctx.accountId) +
        items('instancesSet', [i], (x) => instanceXml(x, ctx)),
    ),
    DescribeVolumes: paginated('DescribeVolumes', 'volumeSet', (ctx) => ctx.data.ec2(ctx.region).listVolumes(), volumeXml),
    DescribeSnapshots: paginated('DescribeSnapshots', 'snapshotSet', (ctx) => ctx.data.ec2(ctx.region).listSnapshots(), snapshotXml),
    DescribeImages: paginated('DescribeImages', 'imagesSet', (ctx) => ctx.data.ec2(ctx.region).listImages(), imageXml),
    DescribeNatGateways: paginated('DescribeNatGateways', 'natGatewaySet', (ctx) => ctx.data.ec2(ctx.region).listNatGateways(), natXml),
    async DescribeAddresses(_params, ctx) {
      // Not paginated in EC2 either: every address of the region in one answer.
      const addresses = await fromSource(() => ctx.data.ec2(ctx.region).listAddresses());
      return ec2Reply('DescribeAddresses', items('addressesSet', addresses, addressXml));
    },
  },
};
