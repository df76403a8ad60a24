/**
 * Timing shared by every suite: build, compile, check once against the float64 reference,
 * warm up, then timed runs, median reported; compile time apart. Browser-safe: the host
 * (src/cli/bench.ts in Node, web/bench.ts in a page) supplies what only it can measure.
 */
import { FianetError } from '../errors.js';
import type { Gpu } from '../runtime/device.js';
import { targetFor } from '../lowering/target.js';
import { CompiledGraph, type HostTensor, type PhaseOf } from '../runtime/executor.js';
import { profile, type GraphProfile } from '../runtime/gpu-profile.js';
import { Graph, storageWords, type Call, type Tensor } from '../runtime/graph.js';

/**
 * Which clock a figure comes from: 'wall' = host time around submit .. onSubmittedWorkDone;
 * 'gpu-timestamp' = the sum of per-dispatch timestamp queries (see `BenchHost.gpuTimer`).
 */
export type Clock = 'wall' | 'gpu-timestamp';

/** What the host running the suites supplies. */
export interface BenchHost {
  gpu: Gpu;
  /** Warm runs per case (suites with minutes per run cap it). */
  runs: number;
  /** Progress and one line per finished case (the CLI draws one updating line on a terminal). */
  log(line: string): void;
  /** This process's CPU time in ms (Node: process.cpuUsage; browsers have none). */
  cpuTime?: () => number;
  /**
   * Per-dispatch GPU time of one run (runtime/gpu-profile.ts), where the device has timestamp
   * queries (`timestampTimer`). When present, timeRuns reports the median of its sums as the
   * 'gpu' figure (clock 'gpu-timestamp') beside the wall time.
   */
  gpuTimer?: (compiled: CompiledGraph, inputs: Record<string, HostTensor>) => Promise<GraphProfile>;
}

/** The hosts' gpuTimer: `profile` where the device has 'timestamp-query', else none (the wall clock only). */
export const timestampTimer = (gpu: Gpu): BenchHost['gpuTimer'] => (gpu.device.features.has('timestamp-query') ? profile : undefined);

/** Sum of a profile's per-dispatch GPU times in ms; null when it was not timed with timestamps. */
export const gpuSumMs = (p: GraphProfile): number | null => (p.clock === 'gpu-timestamp' ? p.dispatches.reduce((s, d) => s + d.gpuNs, 0) / 1e6 : null);

export interface Timing {
  compileMs: number;
  firstMs: number;
  medianMs: number;
  minMs: number;
  /** Median CPU time of this process per run (llvmpipe's threads run in it), null where the host cannot tell. */
  cpuMs: number | null;
  /** Median GPU time per run from timestamp queries, null without them. */
  gpuMs: number | null;
  /** Median wall time of those same timestamped submits (gpuMs is within it), null without them. */
  gpuWallMs: number | null;
  runs: number;
  /** FLOPs (multiply-adds count 2) and bytes of the distinct tensors the timed calls declare and bind. */
  flop: number;
  bytes: number;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Bytes of the distinct tensors a call binds: its traffic if it reads each input and writes each output once (the roofline's x; a gather touches less). */
export function callBytes(call: Call): number {
  const seen = new Set<number>();
  let bytes = 0;
  for (const t of call.args) {
    if (!t || seen.has(t.id)) continue;
    seen.add(t.id);
    bytes += 4 * storageWords(t); // f16 weights: two to a word
  }
  return bytes;
}

/** Declared FLOPs and bound bytes of some calls. */
export function callsWork(calls: readonly Call[]): { flop: number; bytes: number } {
  return { flop: calls.reduce((s, c) => s + (c.flops ?? 0), 0), bytes: calls.reduce((s, c) => s + callBytes(c), 0) };
}

/**
 * What a benchmark checks once before it times: the graph run on `inputs`, its output `out`
 * passed to `verify`, which throws (a FianetError naming the case) when it is wrong. A fast
 * kernel that computes the wrong thing is not a result.
 */
export interface BenchCheck {
  inputs: Record<string, HostTensor>;
  verify(out: Float32Array): void;
}

/** Builds, compiles, checks and times a graph: first run apart, then `runs` warm runs. */
export async function timeGraph(host: BenchHost, build: (g: Graph) => Tensor, check: BenchCheck, runs = host.runs, warmup = 1): Promise<Timing> {
  const { gpu } = host;
  const g = new Graph(targetFor(gpu.adapter));
  g.output('out', build(g));
  const t0 = performance.now();
  const compiled = await CompiledGraph.compile(gpu, g);
  await gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t0;
  try {
    check.verify((await compiled.run(check.inputs)).outputs.out as Float32Array);
    const firstMs = await compiled.timeOnce();
    for (let i = 1; i < warmup; i++) await compiled.timeOnce();
    const { profile: _, ...timing } = await timeRuns(host, compiled, runs, check.inputs);
    return { compileMs, firstMs, ...timing, ...callsWork(compiled.calls) };
  } finally {
    compiled.destroy();
  }
}

/**
 * `runs` timed runs of a compiled, warmed-up graph: median and min wall time, median CPU time;
 * with the host's gpuTimer, `runs` more profiled on `inputs`: their median GPU sum, and the
 * last profile (suites that split the time per phase or kernel read it).
 */
export async function timeRuns(
  host: BenchHost,
  compiled: CompiledGraph,
  runs: number,
  inputs: Record<string, HostTensor>,
  onRun?: (i: number, ms: number) => void,
): Promise<Pick<Timing, 'medianMs' | 'minMs' | 'cpuMs' | 'gpuMs' | 'gpuWallMs' | 'runs'> & { profile?: GraphProfile }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = host.cpuTime?.();
    times.push(await compiled.timeOnce());
    if (c0 !== undefined) cpu.push(host.cpuTime!() - c0);
    onRun?.(i, times[i]);
  }
  const [gpu, gpuWall]: number[][] = [[], []];
  let last: GraphProfile | undefined;
  // Separate runs, so that the queries (one pass per dispatch) do not perturb the wall clock.
  for (let i = 0; host.gpuTimer && i < runs; i++) {
    last = await host.gpuTimer(compiled, inputs);
    const ms = gpuSumMs(last);
    if (ms === null) continue;
    gpu.push(ms);
    gpuWall.push(last.wallMs);
  }
  return { medianMs: median(times), minMs: Math.min(...times), cpuMs: cpu.length ? median(cpu) : null, gpuMs: gpu.length ? median(gpu) : null, gpuWallMs: gpu.length ? median(gpuWall) : null, runs, profile: last };
}

/** A phase of a profiled graph: median time over the profiled runs and the work its calls declare. */
export interface PhaseTiming {
  phase: string;
  medianMs: number;
  flop: number;
  bytes: number;
  calls: number;
}

/**
 * `runs` profiled runs of a compiled graph grouped by `phaseOf` (phases in the order they ran):
 * each phase's median time and the FLOPs and bytes its calls declare.
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
  return [...times].map(([phase, ts]) => {
    const calls = compiled.calls.filter((c) => phaseOf(c) === phase);
    return { phase, medianMs: median(ts), ...callsWork(calls), calls: calls.length };
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

/** Throws the benchmark's check failure: one line naming the suite, case, variant and element. */
export function checkFailed(what: string, at: string, got: number, expected: number, atol: number): never {
  throw new FianetError('device-error', `${what}: ${at} is ${got}, expected ${expected} (|diff| ${Math.abs(got - expected).toExponential(2)} > atol ${atol.toExponential(2)}); not timing a wrong result`);
}

/**
 * The max |got - want| of a checked output; the first element beyond `atol` (or not finite)
 * throws checkFailed, `at(i)` naming it ("tmem0[3, 1, 2]").
 */
export function checkedError(what: string, at: (i: number) => string, got: ArrayLike<number>, want: ArrayLike<number>, atol: number): number {
  let max = 0;
  for (let i = 0; i < want.length; i++) {
    const d = Math.abs(got[i] - want[i]);
    if (!(d <= atol)) checkFailed(what, at(i), got[i], want[i], atol);
    max = Math.max(max, d);
  }
  return max;
}

/** "name[i, j, k]" for element `i` of a row-major tensor of `shape`. */
export function elementAt(name: string, shape: readonly number[], i: number): string {
  const c: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    c.unshift(i % shape[d]);
    i = Math.floor(i / shape[d]);
  }
  return `${name}[${c.join(', ')}]`;
}

export function adapterName(gpu: Gpu): string {
  const a = gpu.adapter;
  return `${a.kind} (${[a.description, a.architecture].filter(Boolean).join(', ')})`;
}
