import {
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeRegionsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ec2Adapter, regionsAdapter } from '../../../src/aws/ec2.js';
import { TaskSkippedError } from '../../../src/primitives/errors.js';
import { serviceError } from '../../fixtures/aws/cost-explorer.js';
import * as fx from '../../fixtures/aws/ec2.js';

const mock = mockClient(EC2Client);
const client = new EC2Client({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const ec2 = ec2Adapter(client, 'us-east-1');

/** Serves pages in order, checking each request carries the previous page's token. */
function pages<T extends { NextToken?: string | undefined }>(list: T[]) {
  return (input: { NextToken?: string }) => {
    const index = input.NextToken === undefined ? 0 : list.findIndex((_, i) => i > 0 && list[i - 1]!.NextToken === input.NextToken);
    if (index < 0) throw new Error(`unexpected token ${input.NextToken}`);
    return list[index]!;
  };
}

describe('EC2 adapter', () => {
  afterEach(() => mock.reset());

  it('reads every page of DescribeInstances, empty pages included, into plain JSON', async () => {
    mock.on(DescribeInstancesCommand).callsFake(pages(fx.instancePages));
    const instances = await ec2.listInstances();
    expect(mock.commandCalls(DescribeInstancesCommand)).toHaveLength(3);
    expect(instances.map((i) => i.instanceId)).toEqual(['i-0aa0000000000001a', 'i-0aa0000000000002b', 'i-0aa0000000000003c']);
    expect(instances[0]).toEqual({
      instanceId: 'i-0aa0000000000001a',
      instanceType: 'm5.large',
      state: 'running',
      launchTime: '2026-03-02T09:15:00.000Z',
      stateTransitionReason: null,
      platformDetails: 'Linux/UNIX',
      lifecycle: null,
      tenancy: 'default',
      name: 'web-1',
      tags: { Name: 'web-1', team: 'web' },
      volumeIds: ['vol-0aa0000000000001a'],
    });
    expect(instances[1]).toMatchObject({
      tags: {},
      name: null,
      platformDetails: null,
      stateTransitionReason: 'User initiated (2026-08-01 10:20:30 GMT)',
    });
    expect(instances[2]).toMatchObject({ launchTime: null, lifecycle: 'spot', volumeIds: [] });
    expect(JSON.parse(JSON.stringify(instances))).toEqual(instances);
  });

  it('pages volumes, snapshots (owned only), images and NAT gateways', async () => {
    mock.on(DescribeVolumesCommand).callsFake(pages(fx.volumePages));
    mock.on(DescribeSnapshotsCommand).callsFake(pages(fx.snapshotPages));
    mock.on(DescribeImagesCommand).callsFake(pages(fx.imagePages));
    mock.on(DescribeNatGatewaysCommand).callsFake(pages(fx.natPages));
    const volumes = await ec2.listVolumes();
    expect(volumes.map((v) => [v.volumeId, v.volumeType, v.sizeGiB, v.iops, v.throughputMiBps, v.state])).toEqual([
      ['vol-0aa0000000000001a', 'gp2', 100, 300, null, 'in-use'],
      ['vol-0aa0000000000004d', 'gp3', 500, 6000, 250, 'available'],
    ]);
    expect(volumes[0]!.attachments).toEqual([{ instanceId: 'i-0aa0000000000001a', state: 'attached', device: '/dev/xvda' }]);
    const snapshots = await ec2.listSnapshots();
    expect(mock.commandCalls(DescribeSnapshotsCommand)[0]!.args[0].input).toMatchObject({ OwnerIds: ['self'] });
    expect(snapshots.map((s) => [s.snapshotId, s.volumeId, s.startTime])).toEqual([
      ['snap-0aa000000000001a', 'vol-0aa0000000000001a', '2025-06-01T00:00:00.000Z'],
      ['snap-0aa000000000002b', null, '2024-01-01T00:00:00.000Z'],
    ]);
    const images = await ec2.listImages();
    expect(mock.commandCalls(DescribeImagesCommand)[0]!.args[0].input).toMatchObject({ Owners: ['self'] });
    expect(images[0]!.snapshotIds).toEqual(['snap-0aa000000000002b']);
    const nats = await ec2.listNatGateways();
    expect(nats.map((n) => [n.natGatewayId, n.state, n.createTime])).toEqual([
      ['nat-0aa00000000000001', 'available', '2025-05-05T00:00:00.000Z'],
      ['nat-0aa00000000000002', 'deleted', null],
    ]);
  });

  it('lists addresses in one call (DescribeAddresses is not paginated)', async () => {
    mock.on(DescribeAddressesCommand).resolves(fx.addresses);
    const addresses = await ec2.listAddresses();
    expect(addresses[1]).toEqual({
      allocationId: 'eipalloc-0aa00000000000002',
      publicIp: '203.0.113.11',
      associationId: null,
      instanceId: null,
      networkInterfaceId: null,
      domain: 'vpc',
      name: 'spare',
      tags: { Name: 'spare' },
    });
  });

  it('enabled regions exclude the ones not opted in', async () => {
    mock.on(DescribeRegionsCommand).resolves(fx.regions);
    expect(await regionsAdapter(client, 'us-east-1').listEnabledRegions()).toEqual(['af-south-1', 'eu-west-1', 'us-east-1']);
  });

  it('access denied and disabled regions become skips with the reason; throttling keeps its name and says what failed', async () => {
    mock
      .on(DescribeInstancesCommand)
      .rejects(serviceError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403));
    const denied = await ec2.listInstances().catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(TaskSkippedError);
    expect((denied as Error).message).toMatch(/access denied to ec2:DescribeInstances in us-east-1: grant ec2:DescribeInstances/);
    mock.on(DescribeVolumesCommand).rejects(serviceError('OptInRequired', 'You are not subscribed to this service.', 401));
    expect(((await ec2.listVolumes().catch((e: unknown) => e)) as Error).message).toMatch(/region is not enabled/);
    mock.on(DescribeNatGatewaysCommand).rejects(serviceError('RequestLimitExceeded', 'Request limit exceeded.', 503, true));
    const throttled = (await ec2.listNatGateways().catch((e: unknown) => e)) as Error & { $retryable?: unknown };
    expect(throttled).not.toBeInstanceOf(TaskSkippedError);
    expect(throttled.name).toBe('RequestLimitExceeded');
    expect(throttled.$retryable).toBeTruthy();
    expect(throttled.message).toBe('ec2:DescribeNatGateways in us-east-1: Request limit exceeded.');
  });

  it('a token repeated by the service stops the listing instead of looping', async () => {
    mock.on(DescribeVolumesCommand).resolves({ Volumes: [], NextToken: 'same' });
    await expect(ec2.listVolumes()).rejects.toThrow(/already returned/);
  });

  it('passes the task signal to every call', async () => {
    mock.on(DescribeAddressesCommand).resolves(fx.addresses);
    const controller = new AbortController();
    const sent: unknown[] = [];
    const spy = { send: (cmd: unknown, options: unknown) => (sent.push(options), client.send(cmd as never, options as never)) };
    await ec2Adapter(spy as unknown as EC2Client, 'us-east-1').listAddresses(controller.signal);
    expect(sent).toEqual([{ abortSignal: controller.signal }]);
  });
});
