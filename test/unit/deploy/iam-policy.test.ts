import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

// IAM service prefix of each SDK client package the adapters use. ELB v1 (Classic) and v2 share
// the prefix and the DescribeLoadBalancers name: one IAM action grants both.
const SERVICE_PREFIX: Record<string, string> = {
  'client-cost-explorer': 'ce',
  'client-cloudwatch': 'cloudwatch',
  'client-compute-optimizer': 'compute-optimizer',
  'client-ec2': 'ec2',
  'client-elastic-load-balancing': 'elasticloadbalancing',
  'client-elastic-load-balancing-v2': 'elasticloadbalancing',
  'client-pricing': 'pricing',
  'client-rds': 'rds',
  'client-s3': 's3',
  'client-sts': 'sts',
};
// Operations whose IAM action has another name, or that need no permission at all.
const ACTION_OF: Record<string, string | null> = {
  's3:ListObjectsV2': 's3:ListBucket',
  'sts:GetCallerIdentity': null,
  'sts:AssumeRoleWithWebIdentity': null,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every AWS action the code can call: commands and paginators imported from SDK clients. */
function actionsCalledByCode(): Set<string> {
  const actions = new Set<string>();
  for (const file of files(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/(client-[a-z0-9-]+)'/g)) {
      const prefix = SERVICE_PREFIX[match[2] as string];
      expect(prefix, `unknown SDK client ${match[2]} in ${file}`).toBeDefined();
      for (const raw of (match[1] as string).split(',')) {
        const name = raw
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0] as string;
        const operation = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
        if (!operation || !new RegExp(`\\b${name}\\b`).test(text.replace(match[0], ''))) continue;
        const action = ACTION_OF[`${prefix}:${operation}`];
        if (action !== null) actions.add(action ?? `${prefix}:${operation}`);
      }
    }
  }
  return actions;
}

describe('docs/iam-policy.json', () => {
  const policy = JSON.parse(readFileSync(join(root, 'docs/iam-policy.json'), 'utf8')) as {
    Statement: Array<{ Action: string[]; Resource: string | string[] }>;
  };
  const granted = new Set(policy.Statement.flatMap((s) => s.Action));

  it('grants exactly the actions the code can call', () => {
    expect([...granted].sort()).toEqual([...actionsCalledByCode()].sort());
  });

  it('limits S3 to the state bucket and prefix', () => {
    for (const statement of policy.Statement.filter((s) => s.Action.some((a) => a.startsWith('s3:')))) {
      for (const resource of [statement.Resource].flat()) expect(resource).toMatch(/^arn:aws:s3:::my-finops-state(\/finops\/\*)?$/);
    }
  });
});
