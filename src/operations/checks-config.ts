import { readFile } from 'node:fs/promises';
import { defaultChecksConfig, parseChecksConfig, parseCheckSelection, selectChecks, type ChecksConfig } from '../analysis/config.js';
import { CheckConfigError } from '../analysis/config.js';

/**
 * The checks to run: the config file's thresholds over the defaults, narrowed to the
 * `checks` selection. Read and validated before any AWS call or state write.
 * @param names how errors name the two inputs (`config-file`/`checks` or CLI flags).
 * @throws CheckConfigError naming the input and what is wrong.
 */
export async function loadChecksConfig(
  configFile: string | undefined,
  selection: readonly string[] | 'all',
  names: { configFile: string; checks: string } = { configFile: 'config-file', checks: 'checks' },
): Promise<ChecksConfig> {
  let config = defaultChecksConfig();
  if (configFile !== undefined) {
    let text: string;
    try {
      text = await readFile(configFile, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new CheckConfigError(`${names.configFile}: cannot read ${JSON.stringify(configFile)}: ${reason}`);
    }
    config = parseChecksConfig(text, `${names.configFile} ${configFile}`);
  }
  return selectChecks(config, selection === 'all' ? 'all' : parseCheckSelection(selection, names.checks));
}
