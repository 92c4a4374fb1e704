import type { TaskDefinition } from '../../src/executor/types.js';

/** A fixed 50-task graph in four layers; each value depends on its inputs, so a wrong reuse shows. */
export interface CrashGraphSpec {
  id: string;
  dependsOn: string[];
}

export function crashGraphSpec(): CrashGraphSpec[] {
  const specs: CrashGraphSpec[] = [];
  const layer = (prefix: string, count: number, deps: (i: number) => string[]) => {
    for (let i = 0; i < count; i++) specs.push({ id: `crash-${prefix}:t${i}`, dependsOn: deps(i) });
  };
  layer('a', 10, () => []);
  layer('b', 20, (i) => [`crash-a:t${i % 10}`, `crash-a:t${(i * 3 + 1) % 10}`].filter((d, k, all) => all.indexOf(d) === k));
  layer('c', 15, (i) => [`crash-b:t${i}`, `crash-b:t${i + 5}`]);
  layer('d', 5, (i) => [`crash-c:t${i}`, `crash-c:t${i + 5}`, `crash-c:t${i + 10}`]);
  return specs;
}

/** The value a task must produce: its own weight plus its inputs' values. */
export function expectedValues(): Map<string, number> {
  const values = new Map<string, number>();
  for (const spec of crashGraphSpec()) {
    values.set(spec.id, weight(spec.id) + spec.dependsOn.reduce((sum, d) => sum + (values.get(d) ?? Number.NaN), 0));
  }
  return values;
}

export function weight(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 1000;
  return h;
}

export interface CrashTaskHooks {
  /** Called when a task body finishes, before its result is returned to the executor. */
  ran(taskId: string, nonce: string): void;
  /** Real work time of one task, in ms. */
  durationMs(taskId: string): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export function crashGraph(hooks: CrashTaskHooks): TaskDefinition<{ value: number; nonce: string }>[] {
  return crashGraphSpec().map((spec) => ({
    id: spec.id,
    type: spec.id.split(':')[0] as string,
    dependsOn: spec.dependsOn,
    async run(ctx) {
      await hooks.sleep(hooks.durationMs(spec.id), ctx.signal);
      let value = weight(spec.id);
      for (const dep of spec.dependsOn) value += (ctx.inputs.get(dep) as { value: number }).value;
      const nonce = `${process.pid}-${ctx.attempt}-${Math.random().toString(16).slice(2, 10)}`;
      hooks.ran(spec.id, nonce);
      return { value, nonce };
    },
  }));
}
