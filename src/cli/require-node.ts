import { ExitCode } from './context.js';
import { nodeVersionProblem } from './node-version.js';

// Imported first by the entry point, so this runs before any other module is evaluated: on an
// older Node the engine would start and fail task after task (`Promise.withResolvers is not a
// function`), open breakers and suggest a retry that fails the same way.
const problem = nodeVersionProblem(process.versions.node);
if (problem !== undefined) {
  process.stderr.write(`error: ${problem}\n`);
  process.exit(ExitCode.Usage);
}
