/**
 * The oldest Node.js the CLI runs on. The engine needs 22 (`Promise.withResolvers`,
 * `Map.groupBy`) and commander, the argument parser, declares 22.12.0; package.json's
 * `engines` says the same (a test holds the two together).
 */
export const MIN_NODE_VERSION = '22.12.0';

/** `22.12.0`, `v24.1.0` or `25.0.0-pre` as numbers; undefined when it is not a version. */
function parts(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/**
 * Why the CLI cannot run on Node.js `found` (`process.versions.node`): one message naming the
 * version found, the version needed and the fix; undefined when `found` is new enough, or is not
 * a version this can read (then the CLI runs, as it would without the check).
 */
export function nodeVersionProblem(found: string, minimum: string = MIN_NODE_VERSION): string | undefined {
  const have = parts(found);
  const need = parts(minimum);
  if (!have || !need) return undefined;
  for (let i = 0; i < 3; i++) {
    if (have[i]! > need[i]!) return undefined;
    if (have[i]! < need[i]!) {
      return `finops-aws needs Node.js ${minimum} or newer, and this is Node.js ${found.trim().replace(/^v/, '')}: install a newer Node.js (the current LTS, e.g. \`nvm install --lts\`) and run it again`;
    }
  }
  return undefined;
}
