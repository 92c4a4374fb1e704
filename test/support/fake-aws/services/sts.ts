import { randomBytes } from 'node:crypto';
import type { IssuedCredentials, ServiceDefinition } from '../types.js';
import { el, FakeAwsError, nodes, queryReply } from '../wire.js';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/[\w+=,.@/-]+$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

const randomKey = (prefix: string, length: number) =>
  prefix + [...randomBytes(length)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');

function audienceOf(token: string): unknown {
  try {
    return (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud?: unknown }).aud;
  } catch {
    return undefined;
  }
}

/** STS (awsQuery): web identity federation and the caller's identity. */
export const sts: ServiceDefinition = {
  name: 'sts',
  protocol: 'query',
  namespace: XMLNS,
  handlers: {
    async AssumeRoleWithWebIdentity(params, ctx) {
      const roleArn = params.RoleArn ?? '';
      const sessionName = params.RoleSessionName ?? '';
      const token = params.WebIdentityToken ?? '';
      if (!ROLE_ARN.test(roleArn))
        throw new FakeAwsError(
          'ValidationError',
          `1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint`,
        );
      if (!SESSION_NAME.test(sessionName))
        throw new FakeAwsError(
          'ValidationError',
          `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint`,
        );
      if (!ctx.isIssuedIdToken(token))
        throw new FakeAwsError('InvalidIdentityToken', "Couldn't retrieve verification key from your identity provider");
      if (audienceOf(token) !== 'sts.amazonaws.com') throw new FakeAwsError('InvalidIdentityToken', 'Incorrect token audience');
      const issued: IssuedCredentials = {
        accessKeyId: randomKey('ASIA', 16),
        secretAccessKey: randomBytes(30).toString('base64'),
        sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(96).toString('base64')}`,
        roleArn,
        roleSessionName: sessionName,
      };
      ctx.issued.push(issued);
      const account = ROLE_ARN.exec(roleArn)![1]!;
      const roleName = roleArn.split('/').at(-1)!;
      const duration = Number(params.DurationSeconds ?? '3600');
      const expiration = new Date(Date.now() + duration * 1000).toISOString();
      return queryReply(
        'AssumeRoleWithWebIdentity',
        XMLNS,
        el(
          'Credentials',
          nodes(
            el('AccessKeyId', issued.accessKeyId),
            el('SecretAccessKey', issued.secretAccessKey),
            el('SessionToken', issued.sessionToken),
            el('Expiration', expiration),
          ),
        ) +
          el('SubjectFromWebIdentityToken', 'repo:octo-org/octo-repo:ref:refs/heads/main') +
          el(
            'AssumedRoleUser',
            nodes(
              el('Arn', `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`),
              el('AssumedRoleId', `AROA${randomKey('', 17)}:${sessionName}`),
            ),
          ) +
          el('Provider', 'arn:aws:iam::' + account + ':oidc-provider/token.actions.githubusercontent.com') +
          el('Audience', 'sts.amazonaws.com'),
      );
    },

    async GetCallerIdentity(_params, ctx) {
      const role = ctx.issued.find((c) => c.accessKeyId === ctx.accessKeyId);
      const arn = role
        ? `arn:aws:sts::${ctx.accountId}:assumed-role/${role.roleArn.split('/').at(-1)}/${role.roleSessionName}`
        : `arn:aws:iam::${ctx.accountId}:user/finops-e2e`;
      return queryReply(
        'GetCallerIdentity',
        XMLNS,
        el('UserId', role ? `AROAFAKE:${role.roleSessionName}` : 'AIDAFAKEUSER') + el('Account', ctx.accountId) + el('Arn', arn),
      );
    },
  },
};
