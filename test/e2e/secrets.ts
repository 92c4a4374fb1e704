import { GetObjectCommand } from '@aws-sdk/client-s3';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActionRun } from '../support/run-action.js';
import type { E2E } from './harness.js';

/** Every secret the fakes handed out in this world: role credentials, OIDC tokens, the GitHub tokens. */
export function secretsOf(e: E2E): Array<{ kind: string; value: string }> {
  return [
    ...e.aws.issued.flatMap((c) => [
      { kind: 'AWS access key id', value: c.accessKeyId },
      { kind: 'AWS secret access key', value: c.secretAccessKey },
      { kind: 'AWS session token', value: c.sessionToken },
    ]),
    ...e.github.idTokens.map((value) => ({ kind: 'OIDC ID token', value })),
    { kind: 'OIDC request token', value: e.github.requestToken },
    { kind: 'GitHub token', value: e.github.token },
  ];
}

/**
 * Everything a user, a reviewer or a later run can read: the log (minus the runner's own
 * `::add-mask::` commands, which the runner consumes), the summary, the report files, the
 * PR comments and every object in the state bucket.
 */
export async function publicTexts(e: E2E, runs: readonly ActionRun[]): Promise<Array<{ where: string; text: string }>> {
  const texts: Array<{ where: string; text: string }> = [];
  for (const [i, run] of runs.entries()) {
    texts.push({
      where: `run ${i} stdout`,
      text: run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    });
    texts.push({ where: `run ${i} stderr`, text: run.stderr }, { where: `run ${i} summary`, text: run.summary });
    const dir = join(run.workspace, run.outputs['report-dir'] ?? 'finops-report');
    for (const file of await readdir(dir).catch(() => [] as string[]))
      texts.push({ where: `run ${i} ${file}`, text: await readFile(join(dir, file), 'utf8') });
  }
  for (const c of e.github.comments) texts.push({ where: `comment ${c.id}`, text: c.body });
  for (const key of await e.stateKeys()) {
    const object = await e.s3.send(new GetObjectCommand({ Bucket: e.bucket, Key: key }));
    texts.push({ where: `s3://${e.bucket}/${key}`, text: await object.Body!.transformToString() });
  }
  return texts;
}

/** Where each secret shows up, as `kind in where` lines (empty when nothing leaked). */
export async function leaks(e: E2E, runs: readonly ActionRun[]): Promise<string[]> {
  const secrets = secretsOf(e);
  const found: string[] = [];
  for (const { where, text } of await publicTexts(e, runs)) {
    for (const secret of secrets) if (secret.value && text.includes(secret.value)) found.push(`${secret.kind} in ${where}`);
  }
  return found;
}
