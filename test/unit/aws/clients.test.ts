import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { clientConfig, globalApiRegion, SDK_MAX_ATTEMPTS } from '../../../src/aws/clients.js';

describe('SDK client configuration', () => {
  const saved = process.env.AWS_ENDPOINT_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = saved;
  });

  it('sets region and a modest maxAttempts, and no endpoint', async () => {
    const config = clientConfig({ region: 'eu-west-1' });
    expect(config).toEqual({ region: 'eu-west-1', maxAttempts: 4 });
    expect(SDK_MAX_ATTEMPTS).toBe(4);
    expect(await new EC2Client(config).config.maxAttempts()).toBe(4);
  });

  it('leaves endpoints to the SDK, so AWS_ENDPOINT_URL points the clients at an emulator', async () => {
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4599';
    const client = new EC2Client(clientConfig({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
    let target = '';
    client.middlewareStack.add(
      () => async (args) => {
        const request = args.request as { hostname: string; port?: number };
        target = `${request.hostname}:${request.port}`;
        throw new Error('stop before sending');
      },
      { step: 'finalizeRequest' },
    );
    await expect(client.send(new DescribeRegionsCommand({}))).rejects.toThrow('stop before sending');
    expect(target).toBe('127.0.0.1:4599');
  });

  it('account-wide APIs go to their partition’s region', () => {
    expect(globalApiRegion('eu-west-1')).toBe('us-east-1');
    expect(globalApiRegion('cn-north-1')).toBe('cn-northwest-1');
    expect(globalApiRegion('us-gov-east-1')).toBe('us-gov-west-1');
  });
});
