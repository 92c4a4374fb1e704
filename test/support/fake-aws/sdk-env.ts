import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** Dummy credentials: the fake does not check signatures, only reads their scope. */
export const STATIC_CREDENTIALS = { accessKeyId: 'AKIAFAKEE2E000000001', secretAccessKey: 'fake-secret-access-key-not-a-secret' };

/**
 * Points the SDK clients created in this process at `endpoint` through the SDK's own
 * `AWS_ENDPOINT_URL` (as the action is), and takes every other AWS setting of the
 * developer's environment out of the way, so nothing can reach real AWS. Returns the undo.
 */
export function useFakeAwsEndpoint(endpoint: string): () => void {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint)) throw new Error(`refusing a non-loopback AWS endpoint: ${endpoint}`);
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  const nowhere = join(tmpdir(), 'finops-e2e-no-aws-config');
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: `${nowhere}/config`,
    AWS_SHARED_CREDENTIALS_FILE: `${nowhere}/credentials`,
  });
  return () => {
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    for (const [key, value] of Object.entries(saved)) if (key.startsWith('AWS_')) process.env[key] = value;
  };
}
