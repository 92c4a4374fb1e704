import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_CREDENTIALS, useFakeAwsEndpoint } from './sdk-env.js';
import { tinyAccount } from './tiny-account.js';
import { startFakeAws, type FakeAws } from './index.js';

const ec2 = (region: string) => new EC2Client({ region, credentials: STATIC_CREDENTIALS, maxAttempts: 1 });
const sts = new STSClient({ region: 'us-east-1', credentials: STATIC_CREDENTIALS, maxAttempts: 1 });

describe('fake AWS gates', () => {
  let fake: FakeAws;
  let restore: () => void;
  beforeAll(async () => {
    fake = await startFakeAws({ data: tinyAccount() });
    restore = useFakeAwsEndpoint(fake.endpoint);
  });
  afterAll(async () => {
    restore?.();
    await fake?.stop();
  });

  it('holds the matching requests, of one operation in one region, until released; others pass', async () => {
    const gate = fake.hold({ service: 'ec2', operation: 'DescribeRegions', region: 'eu-west-1' });
    let answered = false;
    const held = ec2('eu-west-1')
      .send(new DescribeRegionsCommand({}))
      .then((r) => ((answered = true), r));
    await gate.whenHeld(1);
    // Another region and another service are answered while the gate holds its request.
    expect((await ec2('us-east-1').send(new DescribeRegionsCommand({}))).Regions?.length).toBeGreaterThan(0);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
    expect(gate.held).toBe(1);
    expect(answered).toBe(false);

    gate.release();
    expect((await held).Regions?.length).toBeGreaterThan(0);
    expect(gate.held).toBe(0);
    // Released for good: later matching requests pass at once.
    expect((await ec2('eu-west-1').send(new DescribeRegionsCommand({}))).Regions?.length).toBeGreaterThan(0);
  });

  it('resolves whenHeld only once that many requests wait at the same time', async () => {
    const gate = fake.hold({ service: 'ec2' });
    let two = false;
    const waiting = gate.whenHeld(2).then(() => (two = true));
    const first = ec2('us-east-1').send(new DescribeRegionsCommand({}));
    await gate.whenHeld(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(two).toBe(false);
    const second = ec2('eu-west-1').send(new DescribeRegionsCommand({}));
    await waiting;
    expect(gate.held).toBe(2);
    gate.release();
    await Promise.all([first, second]);
  });
});
