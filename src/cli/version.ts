// A JSON import: the bundler inlines it, so the bundled CLI knows its version without package.json beside it.
import packageJson from '../../package.json' with { type: 'json' };

/** The package's version, as `finops-aws --version` prints it. */
export const CLI_VERSION: string = packageJson.version;
