/**
 * The adapter's measured ceilings, the yardsticks of every other row, measured first in the
 * same run: compute = the FMA probe (compute-probe.ts) on as many threads as the adapter
 * can run at once; memory = a vec4 copy of 64 MiB (bytes read + written per second); and
 * our best matmul at 1024^3 (matmul-blocked on CPU adapters, the tiled kernel on GPUs) to
 * show how far the real kernels are from the probe, and as the yardstick of the whole
 * forward (the e2e suite prints its rate as a share of this one's).
 */
import { FianetError } from '../errors.js';
import { elementwiseMain } from '../kernels/wgsl-helpers.js';
import { MATMUL_CASES } from '../kernels/matmul.js';
import { targetFor } from '../lowering/target.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { computeProbe, computeProbeReference, PROBE_FLOP_PER_ITERATION, PROBE_WINDOW_VEC4 } from './compute-probe.js';
import { checkFailed, timeGraph, type BenchHost, type Clock, type Timing } from './harness.js';
import { checkLinear } from './matmul.js';
import { randomArray } from './random.js';
import { rowOf, type BenchSuiteResult } from './schema.js';

const WG = 256;

const copyVec4 = defineKernel({
  name: 'bench-copy',
  bindings: [{ name: 'x', type: 'vec4<f32>' }, { name: 'out', output: true, type: 'vec4<f32>' }],
  uniforms: { n4: 'u32' },
  constants: {},
  wgsl: () => /* wgsl */ `
// x: [n4] vec4 -> out: [n4] vec4
${elementwiseMain(WG, /* wgsl */ `
  if (i < params.n4) { out[i] = x[i]; }
`)}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n4 / WG)),
});

/** Probe threads: more than any adapter runs at once (llvmpipe: one per core; an H200: ~270k resident). */
const PROBE_THREADS = 2 ** 18;
/** The probe's loop grows until one run takes this long, so launch overhead stays a small part. */
const PROBE_MIN_MS = 50;
const PROBE_MAX_ITERS = 2 ** 16;
/** The matmul peak is a yardstick (e2e's ratio): at least this many warm runs, whatever --runs says (~0.1-0.6 s each on llvmpipe). */
const MATMUL_MIN_RUNS = 7;

export interface Ceilings {
  computeGflops: number;
  copyGbps: number;
  /** The clock of the times they divide by: 'gpu-timestamp' where timed, as the rows' rates (absent in older reports: wall). */
  clock?: Clock;
  /** Our best matmul at 1024^3 on the same clock, median of `runs`; per CPU-second where the host has a CPU clock (absent in older reports). */
  matmul?: { gflops: number; gflopsPerCpuSecond: number | null; runs: number };
}

async function probeCompute(host: BenchHost): Promise<Timing & { iters: number }> {
  const win = randomArray(PROBE_WINDOW_VEC4 * 4, 31, 0.1, 0.9);
  const c = 0.01;
  for (let iters = 64; ; iters *= 4) {
    const t = await timeGraph(host, (g) => {
      const out = g.activation('probe', [PROBE_THREADS * 4]);
      g.call(computeProbe, 'probe', { args: { win: g.weight('win', [win.length], win), out }, uniforms: { iters, threads: PROBE_THREADS, c }, flops: PROBE_THREADS * iters * PROBE_FLOP_PER_ITERATION });
      return out;
    }, {
      inputs: {},
      verify(out) {
        // Each accumulator contracts towards c / (1 - u): float32 and float64 agree to ~1e-6 relative.
        for (const t of [0, 1, 63, 64, PROBE_THREADS - 1]) {
          computeProbeReference(win, iters, c, t).forEach((e, l) => {
            if (!(Math.abs(out[4 * t + l] - e) <= 1e-4 * Math.abs(e))) checkFailed(`compute probe (${iters} iterations)`, `out[${t}].${'xyzw'[l]}`, out[4 * t + l], e, 1e-4 * Math.abs(e));
          });
        }
      },
    }, host.runs);
    if (t.medianMs >= PROBE_MIN_MS || iters * 4 > PROBE_MAX_ITERS) return { ...t, iters };
  }
}

export async function measurePeaks(host: BenchHost): Promise<{ suite: BenchSuiteResult; ceilings: Ceilings }> {
  const probe = await probeCompute(host);
  // Ceilings by the clock the rows' rates use (withCeilings): GPU timestamps where timed.
  const timeOf = (t: Timing) => t.gpuMs ?? t.medianMs;
  const clock: Clock = probe.gpuMs != null ? 'gpu-timestamp' : 'wall';
  const computeGflops = probe.flop / (timeOf(probe) * 1e6);
  host.log(`peak: compute probe ${timeOf(probe).toFixed(1)} ms, ${computeGflops.toFixed(2)} GFLOP/s`);

  const floats = 16 * 2 ** 20; // 64 MiB
  const x = randomArray(floats, 41);
  const copy = await timeGraph(host, (g) => {
    const out = g.activation('copy', [floats]);
    g.call(copyVec4, 'copy', { args: { x: g.input('x', [floats]), out }, uniforms: { n4: floats / 4 } });
    return out;
  }, {
    inputs: { x },
    verify(out) {
      for (let i = 0; i < floats; i += 4099) if (out[i] !== x[i]) checkFailed('copy probe', `out[${i}]`, out[i], x[i], 0);
    },
  });
  const copyGbps = copy.bytes / (timeOf(copy) * 1e6);
  host.log(`peak: copy 64 MiB ${timeOf(copy).toFixed(1)} ms, ${copyGbps.toFixed(2)} GB/s`);
  if (!(computeGflops > 0 && copyGbps > 0)) throw new FianetError('device-error', `the peaks came out as ${computeGflops} GFLOP/s and ${copyGbps} GB/s: the adapter's timer is not usable`);

  const target = targetFor(host.gpu.adapter);
  const c = MATMUL_CASES.square[1];
  const kernel = target.name === 'uniform-windows' ? 'matmul-blocked' : 'matmul (tiled)';
  const a = randomArray(c.M * c.K, 1);
  const w = randomArray(c.N * c.K, 2);
  const mmRuns = Math.max(host.runs, MATMUL_MIN_RUNS);
  const mm = await timeGraph(host, (g) => target.linear(g, 'mm', { x: g.input('a', [c.M, c.K]), w: g.weight('w', [c.N, c.K], w) }), checkLinear(c, kernel, a, w), mmRuns);
  const matmul = { gflops: mm.flop / (timeOf(mm) * 1e6), gflopsPerCpuSecond: mm.cpuMs ? mm.flop / (mm.cpuMs * 1e6) : null, runs: mmRuns };
  host.log(`peak: ${kernel} ${c.name} ${timeOf(mm).toFixed(1)} ms, ${matmul.gflops.toFixed(2)} GFLOP/s`);

  const rows = [
    rowOf('peaks', `compute probe (${PROBE_THREADS} threads x ${probe.iters} iterations of 16 vec4 FMAs)`, 'bench-compute-probe', probe),
    rowOf('peaks', 'copy 64 MiB (vec4)', 'bench-copy', copy),
    rowOf('peaks', `best matmul ${c.name}`, kernel, mm),
  ];
  return { suite: { suite: 'peaks', title: 'Peaks (the ceilings every % is of)', rows, notes: [] }, ceilings: { computeGflops, copyGbps, clock, matmul } };
}
