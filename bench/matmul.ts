/**
 * Matmul benchmark: the tiling variants we tried, at 512^3, 1024^3 and the Swin-B stage-1
 * qkv shape ([14400 x 128] x [128 x 384]) of the shared case table (src/kernels/matmul.ts),
 * in GFLOP/s (2MNK / median time). Each variant's output is checked against the float64
 * reference on sampled rows before it is timed.
 */
import { FianetError } from '../src/errors.js';
import type { Gpu } from '../src/runtime/device.js';
import { MATMUL_CASES, matmul, matmulReference, type MatmulCase } from '../src/kernels/matmul.js';
import { blockedLinear } from '../src/lowering/blocked-matmul.js';
import type { Graph } from '../src/runtime/graph.js';
import { pickByPrefix, timeGraph, type BenchCheck, type Timing } from './harness.js';

const BENCH_CASES: readonly MatmulCase[] = [...MATMUL_CASES.square, MATMUL_CASES.model[1]];

/** Tiling variants: threads WG_X x WG_Y, each computing TM x TN outputs, K tile TK. */
export const MATMUL_VARIANTS: Record<string, Record<string, number>> = {
  'uniform-blocked (16 rows/thread)': { blocked: 1 },
  'naive 1x1 (16x16)': { TM: 1, TN: 1, WG_X: 16, WG_Y: 16, TK: 16 },
  'tiled 4x4 (16x16 TK16)': { TM: 4, TN: 4, WG_X: 16, WG_Y: 16, TK: 16 },
  'tiled 4x4 (8x8 TK16)': { TM: 4, TN: 4, WG_X: 8, WG_Y: 8, TK: 16 },
  'tiled 8x4 (16x8 TK8)': { TM: 8, TN: 4, WG_X: 16, WG_Y: 8, TK: 8 },
  'tiled 4x8 (8x16 TK16)': { TM: 4, TN: 8, WG_X: 8, WG_Y: 16, TK: 16 },
  'tiled 8x8 (8x8 TK8)': { TM: 8, TN: 8, WG_X: 8, WG_Y: 8, TK: 8 },
};

export interface MatmulResult extends Timing {
  case: string;
  variant: string;
  gflops: number;
}

/** Deterministic inputs in [-1, 1) (an LCG: benchmarks need no statistical quality). */
function inputs(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** Every 97th row against the float64 reference, within the float32 dot-product bound K u K (|a|, |b| <= 1). */
function check(c: MatmulCase, variant: string, a: Float32Array, b: Float32Array): BenchCheck {
  return {
    inputs: { a },
    verify(out) {
      const p = { M: 1, N: c.N, K: c.K, lda: c.K, ldb: c.K, ldo: c.N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 };
      for (let m = 0; m < c.M; m += 97) {
        const ref = matmulReference(a.subarray(m * c.K, (m + 1) * c.K), b, p, { transB: true });
        for (let n = 0; n < c.N; n++) {
          const err = Math.abs(out[m * c.N + n] - ref[n]);
          if (!(err <= c.K * 2 ** -24 * c.K)) throw new FianetError('device-error', `matmul bench ${c.name}, ${variant}: out[${m}, ${n}] is ${out[m * c.N + n]}, expected ${ref[n]}`);
        }
      }
    },
  };
}

function build(c: MatmulCase, consts: Record<string, number>, bData: Float32Array) {
  return (g: Graph) => {
    const a = g.input('a', [c.M, c.K]);
    const b = g.weight('b', [c.N, c.K], bData);
    const { blocked, ...tile } = consts;
    if (blocked) return blockedLinear(g, 'mm', a, b, undefined);
    const out = g.activation('out', [c.M, c.N]);
    const u = { M: c.M, N: c.N, K: c.K, lda: c.K, ldb: c.K, ldo: c.N, a_batch: 0, b_batch: 0, o_batch: 0, alpha: 1, batch: 1 };
    g.call(matmul, 'mm', { args: { a, b, out }, uniforms: u, consts: { ...tile, transB: true } });
    return out;
  };
}

export async function benchMatmul(gpu: Gpu, opts: { runs?: number; variants?: string[]; cases?: string[]; log?: (s: string) => void } = {}): Promise<MatmulResult[]> {
  const results: MatmulResult[] = [];
  const names = pickByPrefix('matmul variant', Object.keys(MATMUL_VARIANTS).map((name) => ({ name })), opts.variants).map((v) => v.name);
  for (const c of pickByPrefix('matmul case', BENCH_CASES, opts.cases)) {
    const [a, b] = [inputs(c.M * c.K, 1), inputs(c.N * c.K, 2)];
    for (const variant of names) {
      // The naive kernel at 1024^3 takes seconds per run on CPU adapters: fewer runs.
      const runs = variant.startsWith('naive') && c.M * c.N * c.K > 2e8 ? 3 : opts.runs ?? 10;
      const t = await timeGraph(gpu, build(c, MATMUL_VARIANTS[variant], b), runs, 1, check(c, variant, a, b));
      const gflops = (2 * c.M * c.N * c.K) / (t.medianMs * 1e6);
      results.push({ ...t, case: c.name, variant, gflops });
      opts.log?.(`  ${c.name.padEnd(24)} ${variant.padEnd(26)} ${t.medianMs.toFixed(1).padStart(9)} ms ${gflops.toFixed(2).padStart(7)} GFLOP/s  cpu ${t.cpuMs.toFixed(0)} ms  compile ${t.compileMs.toFixed(0)} ms`);
    }
  }
  return results;
}
