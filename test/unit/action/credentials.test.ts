import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsError, defaultSessionName, oidcCredentials } from '../../../src/aws/oidc-credentials.js';

const ROLE = 'arn:aws:iam::123456789012:role/finops-reader';

let expiration = '2099-01-01T00:00:00Z';

function stsResponse(accessKeyId: string): string {
  return `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>repo:org/repo:ref:refs/heads/main</SubjectFromWebIdentityToken>
    <Audience>sts.amazonaws.com</Audience>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/finops-reader/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
    <Credentials>
      <SessionToken>session-token-${accessKeyId}</SessionToken>
      <SecretAccessKey>secret-${accessKeyId}</SecretAccessKey>
      <Expiration>${expiration}</Expiration>
      <AccessKeyId>${accessKeyId}</AccessKeyId>
    </Credentials>
    <Provider>token.actions.githubusercontent.com</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>11111111-2222-3333-4444-555555555555</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`;
}

describe('oidcCredentials', () => {
  let server: Server;
  const requests: URLSearchParams[] = [];
  let deny = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const params = new URLSearchParams(body);
        requests.push(params);
        if (deny) {
          res.writeHead(403, { 'content-type': 'text/xml' });
          res.end(
            '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error><RequestId>x</RequestId></ErrorResponse>',
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(stsResponse(`ASIA${requests.length}`));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL_STS;
    await new Promise((resolve) => server.close(resolve));
  });

  it('tells the user to grant id-token: write when the runner offers no token', () => {
    expect(() =>
      oidcCredentials({
        roleArn: ROLE,
        roleSessionName: 's',
        region: 'us-east-1',
        mask: () => {},
        tokens: { available: () => false, getIdToken: async () => '' },
      }),
    ).toThrow(/permissions: id-token: write/);
  });

  it('shares one role session across callers, refreshes it near expiry with a fresh token, and masks every secret', async () => {
    const masked: string[] = [];
    let issued = 0;
    let now = Date.parse('2026-11-25T06:00:00Z');
    expiration = '2026-11-25T07:00:00Z';
    const before = requests.length;
    const provider = oidcCredentials({
      roleArn: ROLE,
      roleSessionName: 'finops-42-1',
      region: 'us-east-1',
      mask: (s) => masked.push(s),
      now: () => now,
      tokens: { available: () => true, getIdToken: async (aud) => `token-${aud}-${++issued}` },
    });
    // Every client of the run asks at once: one AssumeRoleWithWebIdentity serves them all.
    const together = await Promise.all([provider(), provider(), provider()]);
    expect(together.map((c) => c.accessKeyId)).toEqual(['ASIA1', 'ASIA1', 'ASIA1']);
    now += 30 * 60_000;
    expect((await provider()).accessKeyId).toBe('ASIA1');
    // Within five minutes of expiry the next caller gets a new session on a new token.
    now += 26 * 60_000;
    const first = together[0]!;
    const second = await provider();
    expect(requests.length - before).toBe(2);
    expect(first.accessKeyId).toBe('ASIA1');
    expect(second.accessKeyId).toBe('ASIA2');
    const sent = requests.slice(-2);
    expiration = '2099-01-01T00:00:00Z';
    expect(sent.map((p) => p.get('WebIdentityToken'))).toEqual(['token-sts.amazonaws.com-1', 'token-sts.amazonaws.com-2']);
    expect(sent[0]?.get('RoleArn')).toBe(ROLE);
    expect(sent[0]?.get('RoleSessionName')).toBe('finops-42-1');
    expect(masked).toEqual(expect.arrayContaining(['token-sts.amazonaws.com-1', 'ASIA1', 'secret-ASIA1', 'session-token-ASIA1']));
  });

  it('says which role could not be assumed and why', async () => {
    deny = true;
    const provider = oidcCredentials({
      roleArn: ROLE,
      roleSessionName: 's1',
      region: 'us-east-1',
      mask: () => {},
      tokens: { available: () => true, getIdToken: async () => 't' },
    });
    await expect(provider()).rejects.toThrow(new RegExp(`could not assume role ${ROLE}.*Not authorized.*trust policy`));
    await expect(provider()).rejects.toBeInstanceOf(CredentialsError);
    deny = false;
  });

  it('builds a session name from the run id and attempt', () => {
    expect(defaultSessionName({ GITHUB_RUN_ID: '123456', GITHUB_RUN_ATTEMPT: '2' })).toBe('finops-123456-2');
    expect(defaultSessionName({})).toBe('finops-local-1');
  });
});
