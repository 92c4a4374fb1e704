import type { PortCall } from './instrument.js';

/** A task of the executed graph, as its manifest record describes it. */
export interface GraphNode {
  id: string;
  dependsOn: readonly string[];
  optionalDependsOn: readonly string[];
}

/**
 * The task that makes a port call. Each port method is called by exactly one task type of
 * the analysis graph (src/analysis/graph.ts, tasks/inventory.ts); `pre` is resolveRegions,
 * before the graph. `computeBound` refuses calls that map to no task of the graph.
 */
export function taskOfCall(call: PortCall): string {
  const r = call.region;
  switch (`${call.port}.${call.method}`) {
    case 'regions.listEnabledRegions':
      return 'pre';
    case 'costExplorer.getCostAndUsage':
      return (call.request as { granularity?: string }).granularity === 'DAILY' ? 'cost-daily' : 'cost-months';
    case 'costExplorer.getCostForecast':
      return 'cost-forecast';
    case 'costExplorer.getAnomalies':
      return 'cost-anomalies';
    case 'pricing.getProducts':
      return `prices:${r}`;
    case 'ec2.listInstances':
      return `ec2-inventory:${r}`;
    case 'ec2.listVolumes':
      return `ebs-inventory:${r}`;
    case 'ec2.listSnapshots':
    case 'ec2.listImages':
      return `snapshot-inventory:${r}`;
    case 'ec2.listAddresses':
      return `eip-inventory:${r}`;
    case 'ec2.listNatGateways':
      return `nat-inventory:${r}`;
    default:
      if (call.port === 'elb' || call.port === 'elbClassic') return `elb-inventory:${r}`;
      if (call.port === 'rds') return `rds-inventory:${r}`;
      if (call.port === 'cloudwatch') return `metrics:${r}`;
      throw new Error(`no task makes ${call.port}.${call.method}`);
  }
}

/**
 * Sequential calls of one task: the longest chain of calls that did not overlap in time (calls
 * in flight together, like listSnapshots ‖ listImages or a batch of 5 DescribeTargetHealth,
 * count once). Greedy by end time finds the largest set of pairwise disjoint intervals.
 */
export function sequentialCalls(calls: readonly PortCall[]): number {
  let count = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const c of [...calls].sort((a, b) => a.end - b.end)) {
    if (c.start >= lastEnd) {
      count++;
      lastEnd = c.end;
    }
  }
  return count;
}

export interface Bound {
  /** Longest dependency chain (required and optional dependencies: the executor waits for both), ms. */
  criticalPathMs: number;
  /** Sum of every task's sequential calls × latency, ms. */
  workMs: number;
  /** workMs / concurrency: k slots cannot do the work faster. */
  workPerSlotMs: number;
  /** Calls before the graph (resolveRegions), ms. */
  preMs: number;
  /** pre + max(critical path, work / k): no schedule of these calls on k slots beats it. */
  boundMs: number;
  /** Sequential calls by task (tasks without AWS calls omitted). */
  sequential: Record<string, number>;
  /** The tasks of one longest chain, first to last. */
  chain: string[];
}

/** The lower bound on the wall time of the graph with `latencyMs` per call and `concurrency` slots. */
export function computeBound(nodes: readonly GraphNode[], calls: readonly PortCall[], latencyMs: number, concurrency: number): Bound {
  const byTask = new Map<string, PortCall[]>();
  const ids = new Set(nodes.map((n) => n.id).concat('pre'));
  for (const call of calls) {
    const task = taskOfCall(call);
    if (!ids.has(task)) throw new Error(`call ${call.port}.${call.method} maps to ${task}, which is not in the graph`);
    byTask.set(task, [...(byTask.get(task) ?? []), call]);
  }
  const sequential: Record<string, number> = {};
  for (const [task, list] of byTask) sequential[task] = sequentialCalls(list);
  const cost = (id: string) => (sequential[id] ?? 0) * latencyMs;
  const finish = new Map<string, { ms: number; via: string | undefined }>();
  const visit = (id: string): number => {
    const known = finish.get(id);
    if (known) return known.ms;
    const node = nodes.find((n) => n.id === id)!;
    let best = 0;
    let via: string | undefined;
    for (const dep of [...node.dependsOn, ...node.optionalDependsOn]) {
      const ms = visit(dep);
      if (ms > best) [best, via] = [ms, dep];
    }
    finish.set(id, { ms: best + cost(id), via });
    return best + cost(id);
  };
  let end = nodes[0]!.id;
  for (const n of nodes) if (visit(n.id) > visit(end)) end = n.id;
  const chain: string[] = [];
  for (let at: string | undefined = end; at; at = finish.get(at)!.via) chain.unshift(at);
  const workMs = nodes.reduce((sum, n) => sum + cost(n.id), 0);
  const preMs = cost('pre');
  const criticalPathMs = visit(end);
  const workPerSlotMs = workMs / concurrency;
  return {
    criticalPathMs,
    workMs,
    workPerSlotMs,
    preMs,
    boundMs: preMs + Math.max(criticalPathMs, workPerSlotMs),
    sequential,
    chain: chain.filter((id) => cost(id) > 0),
  };
}
