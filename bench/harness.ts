/**
 * Timing helpers shared by every benchmark: warm-up, then timed runs, median reported;
 * compile time reported apart. Figures always carry the adapter that produced them.
 */
import { FianetError } from '../src/errors.js';
import { preferredLinear, type Gpu } from '../src/runtime/device.js';
import { CompiledGraph } from '../src/runtime/executor.js';
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

/** Builds, compiles and times a graph: first run apart, then `runs` warm runs (at least `minMs` of them). */
export async function timeGraph(gpu: Gpu, build: (g: Graph) => Tensor, runs = 10, warmup = 2): Promise<Timing> {
  const g = new Graph({ linear: preferredLinear(gpu.adapter) });
  g.output('out', build(g));
  const t0 = performance.now();
  const compiled = await CompiledGraph.compile(gpu, g);
  await gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t0;
  try {
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
