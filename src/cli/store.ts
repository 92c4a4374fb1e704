import { openStateStore } from '../operations/open-store.js';
import type { Clock } from '../primitives/clock.js';
import type { Settings } from '../settings/settings.js';
import { S3ObjectStore } from '../state/s3-store.js';
import { StateStore } from '../state/state-store.js';
import { SettingsError } from '../settings/validators.js';
import { CliError, ExitCode, type CliDeps, type CliIo } from './context.js';
import { relabel } from './options.js';

/** Keys given in the CLI's environment, used as they are; otherwise the SDK's default chain applies. */
function envCredentials(env: CliIo['env']) {
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  const sessionToken = env['AWS_SESSION_TOKEN'];
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined;
}

/**
 * The state store the flags chose (the engine's factory: S3 when a bucket is given, path-style
 * under an endpoint override, else the local directory). Tests may hand in the S3 client.
 * @throws CliError (usage) when `--state-dir` exists and is not a directory
 */
export function openStore(settings: Settings, io: CliIo, deps: CliDeps, clock: Clock, onWarning: (message: string) => void): StateStore {
  const { state } = settings;
  if (state.kind === 's3' && deps.s3Client) {
    const client = deps.s3Client({ region: settings.awsRegion });
    const objects = new S3ObjectStore({
      client,
      bucket: state.bucket,
      prefix: state.prefix,
      ...(deps.s3PageSize === undefined ? {} : { pageSize: deps.s3PageSize }),
    });
    return new StateStore(objects, { clock, onWarning });
  }
  try {
    return openStateStore(state, { region: settings.awsRegion, credentials: envCredentials(io.env), clock, onWarning, env: { ...io.env } });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    throw new CliError(ExitCode.Usage, error.errors.map((e) => relabel(e, `--${e.input}`)).join('\n'));
  }
}
