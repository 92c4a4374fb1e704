import { fromWebToken } from '@aws-sdk/credential-providers';

/** Role credentials as the SDK's clients take them. */
export type AwsCredentials = Awaited<ReturnType<ReturnType<typeof fromWebToken>>>;
export type AwsCredentialsProvider = () => Promise<AwsCredentials>;

/** The GitHub side of OIDC, injected so tests and the CLI need no runner. */
export interface IdTokenSource {
  /** True when the runner exposes the token request variables (`permissions: id-token: write`). */
  available(): boolean;
  getIdToken(audience: string): Promise<string>;
}

export interface OidcCredentialOptions {
  roleArn: string;
  roleSessionName: string;
  region: string;
  tokens: IdTokenSource;
  /** Called with each secret value so the runner masks it in logs. */
  mask: (secret: string) => void;
  /** Session length, in seconds. @default 3600 */
  durationSeconds?: number;
  /** @default Date.now */
  now?: () => number;
}

/** Credentials this close to expiry are refreshed (the SDK's own margin is similar). */
const REFRESH_MARGIN_MS = 5 * 60_000;

export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

const AUDIENCE = 'sts.amazonaws.com';

/**
 * Credentials from STS AssumeRoleWithWebIdentity with a GitHub OIDC token, shared by every
 * client of the run: one role session until it nears expiry, then a refresh with a fresh ID
 * token (GitHub's tokens live about five minutes, role sessions an hour).
 */
export function oidcCredentials(options: OidcCredentialOptions): AwsCredentialsProvider {
  if (!options.tokens.available()) {
    throw new CredentialsError(
      'role-to-assume is set but the job cannot request a GitHub OIDC token: add `permissions: id-token: write` to the workflow or job',
    );
  }
  const now = options.now ?? Date.now;
  let current: Promise<AwsCredentials> | undefined;
  const fresh = (credentials: AwsCredentials) =>
    credentials.expiration === undefined || credentials.expiration.getTime() - now() > REFRESH_MARGIN_MS;
  return async () => {
    const pending = current;
    if (pending) {
      const credentials = await pending.catch(() => undefined);
      if (credentials && fresh(credentials)) return credentials;
      // Another caller started the refresh while we waited: share it.
      if (current !== pending && current) return current;
    }
    current = assumeRole(options);
    return current;
  };
}

async function assumeRole(options: OidcCredentialOptions): Promise<AwsCredentials> {
  let token: string;
  try {
    token = await options.tokens.getIdToken(AUDIENCE);
  } catch (error) {
    throw new CredentialsError(`could not get a GitHub OIDC token for ${AUDIENCE}: ${message(error)}`, { cause: error });
  }
  options.mask(token);
  try {
    const credentials = await fromWebToken({
      roleArn: options.roleArn,
      roleSessionName: options.roleSessionName,
      webIdentityToken: token,
      durationSeconds: options.durationSeconds ?? 3600,
      clientConfig: { region: options.region },
    })();
    options.mask(credentials.accessKeyId);
    options.mask(credentials.secretAccessKey);
    if (credentials.sessionToken) options.mask(credentials.sessionToken);
    return credentials;
  } catch (error) {
    throw new CredentialsError(
      `could not assume role ${options.roleArn} with web identity: ${message(error)}. Check the role's trust policy allows this repository's OIDC subject and audience ${AUDIENCE}`,
      { cause: error },
    );
  }
}

/** `finops-<run id>-<attempt>`, within STS's 64-character limit. */
export function defaultSessionName(env: NodeJS.ProcessEnv): string {
  const runId = env.GITHUB_RUN_ID ?? 'local';
  const attempt = env.GITHUB_RUN_ATTEMPT ?? '1';
  return `finops-${runId}-${attempt}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
