// A real `finops-aws run --demo` process whose CloudWatch call for us-east-1 never returns:
// it prints HUNG when it gets there, and the test kills it with SIGKILL (a crashed run).
import { main } from '../../../src/cli/main.js';
import { hangUntilAborted, instrumentedDemo } from '../support/instrumented.js';

const [stateArgs, reportDir] = process.argv.slice(2);
const aws = instrumentedDemo({
  intercept: (call, signal) => {
    if (call !== 'cloudwatch[us-east-1].getMetricData') return undefined;
    process.stdout.write('HUNG\n');
    return hangUntilAborted(signal);
  },
});
const io = { stdout: process.stderr, stderr: process.stderr, env: process.env, isTTY: false };
process.exitCode = await main(['run', '--demo', ...(JSON.parse(stateArgs!) as string[]), '--report-dir', reportDir!], io, {
  adaptersFor: aws.adaptersFor,
});
