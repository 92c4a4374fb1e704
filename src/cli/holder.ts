import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Who the CLI is when it holds a lease, as shown to a run that finds it held. */
export function cliHolder(command: string): string {
  return `finops-aws ${command} (pid ${process.pid} on ${hostname()}, ${randomBytes(3).toString('hex')})`;
}
