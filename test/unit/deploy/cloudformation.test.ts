import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const template = parse(read('docs/cloudformation/finops-aws-action.yaml')) as {
  Resources: Record<string, { Type: string; Properties: Record<string, any> }>;
};
const policy = JSON.parse(read('docs/iam-policy.json')) as { Statement: Array<{ Sid: string; Action: string[] }> };

describe('CloudFormation template', () => {
  it('declares the OIDC provider, the role, its policy and the state bucket', () => {
    const types = Object.fromEntries(Object.entries(template.Resources).map(([name, r]) => [name, r.Type]));
    expect(types).toMatchObject({
      GitHubOidcProvider: 'AWS::IAM::OIDCProvider',
      StateBucket: 'AWS::S3::Bucket',
      StateBucketPolicy: 'AWS::S3::BucketPolicy',
      AnalysisRole: 'AWS::IAM::Role',
    });
  });

  it('trusts only the repository through GitHub OIDC with the STS audience', () => {
    const statement = template.Resources.AnalysisRole!.Properties.AssumeRolePolicyDocument.Statement[0];
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(statement.Condition.StringEquals['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
    expect(statement.Condition.StringLike['token.actions.githubusercontent.com:sub']['Fn::Sub']).toBe(
      'repo:${GitHubOrg}/${GitHubRepo}:${SubjectFilter}',
    );
  });

  it('grants the role the same read actions as docs/iam-policy.json', () => {
    const inline = template.Resources.AnalysisRole!.Properties.Policies[0].PolicyDocument.Statement as Array<{
      Sid: string;
      Action: string | string[];
    }>;
    const actions = (sid: string, statements: Array<{ Sid: string; Action: string | string[] }>) =>
      [statements.find((s) => s.Sid === sid)?.Action].flat().sort();
    for (const sid of ['ReadCostsAndInventory', 'ListStateBucketPrefix', 'ReadWriteStateObjects']) {
      expect(actions(sid, inline), sid).toEqual(actions(sid, policy.Statement));
    }
  });

  it('keeps the bucket encrypted, private, versioned and expiring old executions', () => {
    const bucket = template.Resources.StateBucket!.Properties;
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(Object.values(bucket.PublicAccessBlockConfiguration)).toEqual([true, true, true, true]);
    expect(bucket.VersioningConfiguration.Status).toBe('Enabled');
    expect(bucket.LifecycleConfiguration.Rules.map((r: { Id: string }) => r.Id)).toContain('expire-old-executions');
  });
});
