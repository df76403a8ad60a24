/**
 * Timing helpers shared by every benchmark: warm-up, then timed runs, median reported;
 * compile time reported apart. Figures always carry the adapter that produced them.
 */
import { FianetError } from '../src/errors.js';
import type { Gpu } from '../src/runtime/device.js';
import { targetFor } from '../src/lowering/target.js';
import { CompiledGraph, type HostTensor, type PhaseOf } from '../src/runtime/executor.js';
import { Graph, type Tensor } from '../src/runtime/graph.js';

export interface Timing {
  compileMs: number;
  firstMs: number;
  medianMs: number;
  minMs: number;
  /** Median CPU time of this process per run (llvmpipe's threads run in it): steadier than wall time on a shared machine. */
  cpuMs: number;
  runs: number;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * What a benchmark checks once before it times: the graph run on `inputs`, its output `out`
 * passed to `verify`, which throws (a FianetError naming the case) when it is wrong. A fast
 * kernel that computes the wrong thing is not a result.
 */
export interface BenchCheck {
  inputs: Record<string, HostTensor>;
  verify(out: Float32Array): void;
}

/** Builds, compiles, checks (when given `check`) and times a graph: first run apart, then `runs` warm runs. */
export async function timeGraph(gpu: Gpu, build: (g: Graph) => Tensor, runs = 10, warmup = 2, check?: BenchCheck): Promise<Timing> {
  const g = new Graph(targetFor(gpu.adapter));
  g.output('out', build(g));
  const t0 = performance.now();
  const compiled = await CompiledGraph.compile(gpu, g);
  await gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t0;
  try {
    if (check) check.verify((await compiled.run(check.inputs)).outputs.out as Float32Array);
    const firstMs = await compiled.timeOnce();
    for (let i = 1; i < warmup; i++) await compiled.timeOnce();
    return { compileMs, firstMs, ...(await timeRuns(compiled, runs)) };
  } finally {
    compiled.destroy();
  }
}

/** `runs` timed runs of a compiled, warmed-up graph: median and min wall time, median CPU time. */
export async function timeRuns(compiled: CompiledGraph, runs: number, onRun?: (i: number, ms: number) => void): Promise<Pick<Timing, 'medianMs' | 'minMs' | 'cpuMs' | 'runs'>> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    times.push(await compiled.timeOnce());
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    onRun?.(i, times[i]);
  }
  return { medianMs: median(times), minMs: Math.min(...times), cpuMs: median(cpu), runs };
}

/** A phase of a profiled graph: median time over the profiled runs and the FLOPs its calls declare. */
export interface PhaseTiming {
  phase: string;
  medianMs: number;
  gflop: number;
  gflops: number;
}

/**
 * `runs` profiled runs of a compiled graph grouped by `phaseOf` (phases in the order they ran):
 * each phase's median time and the GFLOP/s of the FLOPs its calls declare.
 */
export async function profilePhases(
  compiled: CompiledGraph,
  inputs: Record<string, HostTensor>,
  outputs: readonly string[],
  runs: number,
  phaseOf: PhaseOf,
  onRun?: (i: number, phases: Record<string, number>) => void,
): Promise<PhaseTiming[]> {
  const times = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const phases = (await compiled.run(inputs, outputs, { profile: phaseOf })).phases!;
    for (const [k, v] of Object.entries(phases)) times.set(k, [...(times.get(k) ?? []), v]);
    onRun?.(i, phases);
  }
  const flops = new Map<string, number>();
  for (const c of compiled.calls) flops.set(phaseOf(c), (flops.get(phaseOf(c)) ?? 0) + (c.flops ?? 0));
  return [...times].map(([phase, ts]) => {
    const ms = median(ts);
    const gflop = (flops.get(phase) ?? 0) / 1e9;
    return { phase, medianMs: ms, gflop, gflops: gflop / (ms / 1000) };
  });
}

/**
 * The entries of `all` whose name starts with one of `prefixes` (all of them without
 * prefixes); a prefix that selects nothing is an error naming what there is.
 */
export function pickByPrefix<T extends { name: string }>(what: string, all: readonly T[], prefixes?: readonly string[]): T[] {
  if (!prefixes) return [...all];
  for (const p of prefixes) {
    if (!all.some((x) => x.name.startsWith(p))) throw new FianetError('bad-input', `no ${what} starts with '${p}' (${all.map((x) => `'${x.name}'`).join(', ')})`);
  }
  return all.filter((x) => prefixes.some((p) => x.name.startsWith(p)));
}

export function adapterName(gpu: Gpu): string {
  const a = gpu.adapter;
  return `${a.kind} (${[a.description, a.architecture].filter(Boolean).join(', ')})`;
}
