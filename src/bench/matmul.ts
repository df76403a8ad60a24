/**
 * Matmul suite: the tiling variants we tried, at 512^3, 1024^3 and the Swin-B stage-1 qkv
 * shape of the shared case table (src/kernels/matmul.ts), each variant's output checked
 * against the float64 reference on sampled rows (the tests' tolerance) before it is timed.
 */
import { MATMUL_CASES, matmul, matmulAtol, matmulReference, type MatmulCase } from '../kernels/matmul.js';
import { blockedLinear } from '../lowering/blocked-matmul.js';
import type { Graph } from '../runtime/graph.js';
import { checkFailed, pickByPrefix, timeGraph, type BenchCheck, type BenchHost } from './harness.js';
import { randomArray } from './random.js';
import { rowOf, type BenchSuiteResult } from './schema.js';

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

/** `a [M, K] x w [N, K]^T` on every 97th row (and the last) against the float64 reference, atol matmulAtol(K). */
export function checkLinear(c: MatmulCase, variant: string, a: Float32Array, w: Float32Array): BenchCheck {
  return {
    inputs: { a },
    verify(out) {
      const p = { M: 1, N: c.N, K: c.K, lda: c.K, ldb: c.K, ldo: c.N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 };
      const atol = matmulAtol(c.K);
      const rows = [...Array.from({ length: Math.ceil(c.M / 97) }, (_, i) => i * 97), c.M - 1];
      for (const m of rows) {
        const ref = matmulReference(a.subarray(m * c.K, (m + 1) * c.K), w, p, { transB: true });
        for (let n = 0; n < c.N; n++) {
          if (!(Math.abs(out[m * c.N + n] - ref[n]) <= atol)) checkFailed(`matmul ${c.name}, ${variant}`, `out[${m}, ${n}]`, out[m * c.N + n], ref[n], atol);
        }
      }
    },
  };
}

function build(c: MatmulCase, consts: Record<string, number>, w: Float32Array) {
  return (g: Graph) => {
    const a = g.input('a', [c.M, c.K]);
    const b = g.weight('b', [c.N, c.K], w);
    const { blocked, ...tile } = consts;
    if (blocked) return blockedLinear(g, 'mm', { x: a, w: b });
    const out = g.activation('out', [c.M, c.N]);
    const u = { M: c.M, N: c.N, K: c.K, lda: c.K, ldb: c.K, ldo: c.N, a_batch: 0, b_batch: 0, o_batch: 0, alpha: 1, batch: 1 };
    g.call(matmul, 'mm', { args: { a, b, out }, uniforms: u, consts: { ...tile, transB: true }, flops: 2 * c.M * c.N * c.K });
    return out;
  };
}

export async function benchMatmul(host: BenchHost, opts: { variants?: string[]; cases?: string[] } = {}): Promise<BenchSuiteResult> {
  const rows = [];
  const names = pickByPrefix('matmul variant', Object.keys(MATMUL_VARIANTS).map((name) => ({ name })), opts.variants).map((v) => v.name);
  for (const c of pickByPrefix('matmul case', BENCH_CASES, opts.cases)) {
    const [a, w] = [randomArray(c.M * c.K, 1), randomArray(c.N * c.K, 2)];
    for (const variant of names) {
      // The naive kernel at 1024^3 takes seconds per run on CPU adapters: fewer runs.
      const runs = variant.startsWith('naive') && c.M * c.N * c.K > 2e8 ? Math.min(3, host.runs) : host.runs;
      host.log(`matmul: ${c.name} ${variant}: compiling, checking, timing`);
      const t = await timeGraph(host, build(c, MATMUL_VARIANTS[variant], w), checkLinear(c, variant, a, w), runs);
      host.log(`matmul: ${c.name} ${variant} ${t.medianMs.toFixed(1)} ms, ${(t.flop / (t.medianMs * 1e6)).toFixed(2)} GFLOP/s`);
      rows.push(rowOf('matmul', c.name, variant, t));
    }
  }
  return { suite: 'matmul', title: 'Matmul ([M, K] x [N, K]^T)', rows, notes: [] };
}
