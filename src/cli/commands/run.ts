import type { Command } from 'commander';
import { analysisFlags } from '../analysis-flags.js';
import { runAnalysis } from '../analysis-run.js';
import { addAnalysisOptions, addStoreOptions, type Flags } from '../options.js';
import type { Runtime } from '../runtime.js';

/** `run [--demo]`: a full analysis now, with the report files and a headline. */
export function registerRun(program: Command, runtime: Runtime): void {
  const command = program
    .command('run')
    .description('analyse an account now: costs, inventory, checks and the report files (resumes the latest unfinished execution)');
  addAnalysisOptions(addStoreOptions(command), { resumeWindow: true })
    .addHelpText(
      'after',
      `
Uses the AWS SDK's default credential chain (environment, profile, SSO, instance role) and the
account STS says they belong to. Live progress on a terminal, log lines otherwise (--log-level).
Ctrl-C stops cleanly: in-flight tasks go back to pending and \`resume\` continues (exit 130).

Environment (under the flags): FINOPS_STATE_BUCKET, MAX_CONCURRENT_TASKS, TASK_TIMEOUT_SECONDS,
LOG_LEVEL, AWS_REGION; AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL point the state store elsewhere.

Examples:
  $ finops-aws run --demo                                  # no AWS account needed
  $ AWS_PROFILE=prod finops-aws run --regions us-east-1,eu-west-1
  $ finops-aws run --state-bucket my-finops-state --checks ebs-unattached,ec2-idle --json`,
    )
    .action(async (flags: Flags, self: Command) => {
      const parsed = await analysisFlags(flags, self, runtime.io.env);
      const store = runtime.store(parsed.settings);
      const target = await runtime.target(parsed.demo, parsed.settings.awsRegion);
      // The demo account shows all of itself unless told otherwise; a real one defaults to the home region.
      const regions = parsed.demo && !parsed.regionsGiven ? 'all' : parsed.settings.regions;
      runtime.outcome = await runAnalysis({ runtime, flags: parsed, store, target, command: 'run', regions });
    });
}
