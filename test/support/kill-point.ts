// Deterministic crash points for the suites that SIGKILL a child process mid-run. The child
// numbers the steps of its run (step 0 is the executor's start, after the execution is opened;
// the suite picks what the later steps are: logged events, finished task bodies) and, at the
// step it was given, logs it and halts itself synchronously. The parent waits until that step
// is logged and only then sends SIGKILL. Between the step and the kill nothing happens in the
// child — no timer, no I/O callback, no task, no checkpoint — however slow the machine, so the
// kill lands where the test says, never after the run has moved on or finished. An I/O request
// already handed to the operating system before the halt completes or not, as it would under a
// real SIGKILL at that moment.
import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';

const AT = 'FINOPS_TEST_KILL_AT_STEP';
const STEPS = 'FINOPS_TEST_KILL_STEPS_FILE';

/** The environment that makes a child halt at step `at` (0-based), logging its steps to `stepsFile`. */
export function killPointEnv(stepsFile: string, at: number): Record<string, string> {
  return { [AT]: String(at), [STEPS]: stepsFile };
}

/**
 * Blocks this process's only JavaScript thread until the process is killed. A child whose
 * parent is gone (a test timed out) does not linger: after `limitMs` it exits with code 70,
 * which its parent, if still there, reports as a child that never got its kill.
 */
export function haltUntilKilled(limitMs = 120_000): never {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + limitMs;
  for (let left = limitMs; left > 0; left = until - Date.now()) Atomics.wait(cell, 0, 0, left);
  process.exit(70);
}

/**
 * In the child: call the returned function at each step of the run, in order (call it from
 * synchronous code — an executor event listener, the end of a task body — so that the halt
 * stops the run exactly there). Without a kill point in the environment it does nothing.
 */
export function killPointFromEnv(env: NodeJS.ProcessEnv = process.env): (step: string) => void {
  const stepsFile = env[STEPS];
  const at = Number(env[AT]);
  if (!stepsFile || !Number.isInteger(at) || at < 0) return () => {};
  let next = 0;
  return (step) => {
    const index = next++;
    appendFileSync(stepsFile, `${index} ${step}\n`);
    if (index === at) haltUntilKilled();
  };
}

/** Non-empty lines of a file that may not exist yet. */
export async function lineCount(path: string): Promise<number> {
  return (await readFile(path, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
}

/**
 * In the parent: sends SIGKILL once the child has logged step `at` to `stepsFile` (it halts
 * right after). Returns false, without killing, when the child exits first: it never reached
 * its kill point, and the caller fails the test.
 */
export async function killAtStep(child: ChildProcess, stepsFile: string, at: number): Promise<boolean> {
  let exited = child.exitCode !== null || child.signalCode !== null;
  const onExit = () => (exited = true);
  child.once('exit', onExit);
  try {
    for (;;) {
      if (exited) return false;
      if ((await lineCount(stepsFile)) > at) {
        child.kill('SIGKILL');
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.off('exit', onExit);
  }
}
