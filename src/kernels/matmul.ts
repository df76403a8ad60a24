/**
 * Register-tiled matrix multiply with a fused epilogue:
 *   out[b, m, n] = act(alpha * sum_k A[b, m, k] * B[b, k, n] + bias[n]) + residual[b, m, n]
 * B is either [K, N] or, for weights stored PyTorch-style as [out, in], [N, K] (transB).
 * Leading dimensions and batch strides are uniforms, so a head of a [tokens, heads * dim]
 * tensor is read in place (no permute copies for multi-head attention).
 *
 * Tiling: a workgroup of WG_X x WG_Y threads computes a (WG_Y*TM) x (WG_X*TN) tile of C;
 * each thread keeps TM x TN accumulators in registers and reads A and B tiles of depth TK
 * from workgroup memory, stored k-major so a thread's TM (TN) values are contiguous.
 */
import { FianetError } from '../errors.js';
import { expectShape, fmtShape, weightDtypeOf, type Graph, type Tensor, type WeightDtype } from '../runtime/graph.js';
import { defineKernel } from '../runtime/kernel.js';
import { activationFn, weightAtFn, weightBindingType, type Activation } from './wgsl-helpers.js';
import { applyActivation } from './reference.js';

export const matmul = defineKernel({
  name: 'matmul',
  // wdt: how b is stored (an f16 weight: packed halves).
  bindings: (c) => [{ name: 'a' }, { name: 'b', type: weightBindingType(c.wdt) }, { name: 'bias', optional: true }, { name: 'residual', optional: true }, { name: 'out', output: true }],
  uniforms: {
    M: 'u32', N: 'u32', K: 'u32',
    lda: 'u32', ldb: 'u32', ldo: 'u32',
    a_batch: 'u32', b_batch: 'u32', o_batch: 'u32',
    alpha: 'f32', batch: 'u32',
  },
  constants: { TM: 4, TN: 4, WG_X: 16, WG_Y: 16, TK: 16, transB: false, act: 'none' as Activation, bias: false, residual: false, wdt: 'f32' as WeightDtype },
  wgsl: (c) => {
    const BM = c.WG_Y * c.TM;
    const BN = c.WG_X * c.TN;
    const threads = c.WG_X * c.WG_Y;
    // B element (k, n) of this batch.
    const bAt = c.transB ? 'b_base + n * params.ldb + k' : 'b_base + k * params.ldb + n';
    return /* wgsl */ `
// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]
${activationFn(c.act)}
${weightAtFn('b', c.wdt)}
const BM = ${BM}u;
const BN = ${BN}u;
const TK = ${c.TK}u;
var<workgroup> tile_a: array<f32, ${BM * c.TK}>; // [TK][BM]
var<workgroup> tile_b: array<f32, ${BN * c.TK}>; // [TK][BN]

@compute @workgroup_size(${c.WG_X}, ${c.WG_Y}, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * ${c.WG_X}u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, ${c.TN}>, ${c.TM}>;
  var a_reg: array<f32, ${c.TM}>;
  var b_reg: array<f32, ${c.TN}>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += ${threads}u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += ${threads}u) {
      ${c.transB ? 'let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;' : 'let n = col0 + i % BN; let k = k0 + i / BN; let slot = i;'}
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(${bAt}); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < ${c.TM}u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * ${c.TM}u + i]; }
      for (var j = 0u; j < ${c.TN}u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * ${c.TN}u + j]; }
      for (var i = 0u; i < ${c.TM}u; i++) {
        for (var j = 0u; j < ${c.TN}u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < ${c.TM}u; i++) {
    let m = row0 + lid.y * ${c.TM}u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < ${c.TN}u; j++) {
      let n = col0 + lid.x * ${c.TN}u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      ${c.bias ? 'v += bias[n];' : ''}
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      ${c.residual ? 'v += residual[o];' : ''}
      out[o] = v;
    }
  }
}
`;
  },
  workgroups: (u, c) => [Math.ceil(u.N / (c.WG_X * c.TN)), Math.ceil(u.M / (c.WG_Y * c.TM)), u.batch],
});

/**
 * A Linear layer, act(alpha * x W^T + bias) (+ residual), named so that x, W, the bias and
 * the residual (all Tensors) cannot be swapped silently: x [..., K] (leading dimensions
 * flattened into rows), a PyTorch Linear weight W [N, K], bias [N], residual [..., N].
 */
export interface LinearArgs {
  x: Tensor;
  w: Tensor;
  bias?: Tensor;
  act?: Activation;
  residual?: Tensor;
  /** Default 1. */
  alpha?: number;
}

/** A Linear layer (LinearArgs) on the register-tiled kernel. */
export function tiledLinear(g: Graph, name: string, { x, w, bias, ...opts }: LinearArgs): Tensor {
  const where = g.name(name);
  const K = x.shape[x.shape.length - 1];
  const M = x.shape.length === 1 ? 1 : x.shape.slice(0, -1).reduce((p, d) => p * d, 1);
  if (w.shape.length !== 2 || w.shape[1] !== K) {
    throw new FianetError(w.kind === 'weight' ? 'bad-weights' : 'bad-graph', `${where}: weight '${w.label}' is ${fmtShape(w.shape)}, expected [*, ${K}] for input ${fmtShape(x.shape)}`);
  }
  const N = w.shape[0];
  if (bias) expectShape(where, `bias '${bias.label}'`, bias, [N]);
  const outShape = [...x.shape.slice(0, -1), N];
  if (opts.residual) expectShape(where, 'residual', opts.residual, outShape);
  const out = g.activation(name, outShape);
  g.call(matmul, name, { args: { a: x, b: w, bias, residual: opts.residual, out }, uniforms: { M, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, alpha: opts.alpha ?? 1, batch: 1 }, consts: { transB: true, act: opts.act ?? 'none', bias: !!bias, residual: !!opts.residual, wdt: weightDtypeOf(w), ...tileFor(M, N) }, flops: 2 * M * N * K });
  return out;
}

export interface StridedMatmulParams {
  M: number; N: number; K: number;
  lda: number; ldb: number; ldo: number;
  a_batch: number; b_batch: number; o_batch: number;
  batch: number;
  alpha?: number;
}

/** A and B (B^T with transB) read through the strides of `params`, the output's shape. */
export interface StridedMatmulArgs {
  a: Tensor;
  b: Tensor;
  outShape: readonly number[];
  params: StridedMatmulParams;
  transB?: boolean;
  act?: Activation;
}

/**
 * out (shape `outShape`) = alpha * A B for `batch` matrices addressed through strides, e.g.
 * per-head attention scores read straight from a [tokens, heads * dim] projection.
 */
export function stridedMatmul(g: Graph, name: string, { a, b, outShape, params: p, ...opts }: StridedMatmulArgs): Tensor {
  const where = g.name(name);
  const last = (t: Tensor, base: number, batchStride: number, rows: number, cols: number, ld: number) =>
    (p.batch - 1) * batchStride + (rows - 1) * ld + cols - 1 + base < t.shape.reduce((x, y) => x * y, 1);
  const aOk = last(a, 0, p.a_batch, p.M, p.K, p.lda);
  const bOk = opts.transB ? last(b, 0, p.b_batch, p.N, p.K, p.ldb) : last(b, 0, p.b_batch, p.K, p.N, p.ldb);
  if (!aOk || !bOk) throw new FianetError('bad-graph', `${where}: strides read past ${aOk ? 'B' : 'A'} (${fmtShape((aOk ? b : a).shape)})`);
  const out = g.activation(name, outShape);
  if (!last(out, 0, p.o_batch, p.M, p.N, p.ldo)) throw new FianetError('bad-graph', `${where}: strides write past the output ${fmtShape(outShape)}`);
  g.call(matmul, name, { args: { a, b, out }, uniforms: { ...p, alpha: p.alpha ?? 1 }, consts: { transB: !!opts.transB, act: opts.act ?? 'none', bias: false, residual: false, ...tileFor(p.M, p.N) }, flops: 2 * p.batch * p.M * p.N * p.K });
  return out;
}

/** Tile shape per problem: small M (BERT's 22 tokens) wastes most of a 64-row tile. */
export function tileFor(M: number, N: number): { TM: number; TN: number; WG_X: number; WG_Y: number } {
  if (M <= 32) return { TM: 2, TN: 4, WG_X: 16, WG_Y: 16 };
  if (N <= 32) return { TM: 4, TN: 2, WG_X: 16, WG_Y: 16 };
  return { TM: 4, TN: 4, WG_X: 16, WG_Y: 16 };
}

/** A product shape of the shared case table. */
export interface MatmulCase {
  name: string;
  M: number;
  N: number;
  K: number;
}

const named = (M: number, N: number, K: number, what = ''): MatmulCase => ({ name: `${what}${what ? ' ' : ''}${M}x${N}x${K}`, M, N, K });

/**
 * The shapes the tests (test/kernels/matmul*.test.ts) and the benchmark (src/bench/matmul.ts) share:
 * awkward ones (1, primes, not tile multiples), the model's, and the square ones peaks are quoted at.
 */
export const MATMUL_CASES = {
  awkward: [named(1, 1, 1), named(1, 7, 3), named(7, 13, 5), named(17, 33, 65), named(64, 64, 64), named(129, 67, 257)],
  // BERT-base rows (22 tokens) on a slice of the 768 -> 3072 layer; Swin-B stage-1 qkv at 480.
  model: [named(22, 96, 768, 'bert'), named(14400, 384, 128, 'swin qkv')],
  square: [named(512, 512, 512), named(1024, 1024, 1024)],
} as const;

/**
 * Tolerance of a K-term product of inputs in [-1, 1] (tests and the benchmarks' checks): 2e-7 K,
 * 3-7x the error measured on llvmpipe (about 4e-8 K for both lowerings: 2.5e-6 at K = 64,
 * 1.0e-5 at 257, 3.2e-5 at 768, 6.6e-6 at the Swin qkv's 128), where the worst-case bound
 * K u sum |a b| is ~1000x looser. FIANET_REPORT_ERRORS=1 prints the measured figures.
 */
export const matmulAtol = (K: number): number => 2e-7 * K;

/** Plain-loop reference (float64 accumulation) with the same conventions and strides. */
export function matmulReference(
  a: ArrayLike<number>, b: ArrayLike<number>, p: { M: number; N: number; K: number; lda: number; ldb: number; ldo: number; a_batch: number; b_batch: number; o_batch: number; batch: number; alpha?: number },
  opts: { transB?: boolean; bias?: ArrayLike<number>; act?: Activation; residual?: ArrayLike<number> } = {},
): Float64Array {
  const out = new Float64Array(p.batch * p.o_batch || p.M * p.ldo);
  for (let z = 0; z < p.batch; z++) {
    for (let m = 0; m < p.M; m++) {
      for (let n = 0; n < p.N; n++) {
        let s = 0;
        for (let k = 0; k < p.K; k++) {
          const bv = opts.transB ? b[z * p.b_batch + n * p.ldb + k] : b[z * p.b_batch + k * p.ldb + n];
          s += a[z * p.a_batch + m * p.lda + k] * bv;
        }
        s *= p.alpha ?? 1;
        if (opts.bias) s += opts.bias[n];
        s = applyActivation(opts.act ?? 'none', s);
        const o = z * p.o_batch + m * p.ldo + n;
        if (opts.residual) s += opts.residual[o];
        out[o] = s;
      }
    }
  }
  return out;
}
