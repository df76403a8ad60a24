/**
 * How products run through matmul-blocked's uniform windows (CPU adapters; the kernel's file
 * header says why): the block shapes, W re-laid out once at load, A laid out by block-rows
 * (or by a kernel that writes A blocks directly: patch-blocks, im2col-blocks, conv-input-rows),
 * then one matmul-blocked call with a dispatch per output tile (Q column blocks), k-pass and
 * matrix of a batch.
 */
import { FianetError } from '../errors.js';
import { blockRows } from '../kernels/block-rows.js';
import { blockedSize, blockedWindow, blockedWrittenSize, MAX_KC, packBlockedF16, UNIFORM_WINDOW_FLOATS, windowSlack } from '../kernels/layouts.js';
import type { LinearArgs } from '../kernels/matmul.js';
import { matmulBlocked, matmulBlockedLanes } from '../kernels/matmul-blocked.js';
import { activationIndex, type Activation } from '../kernels/wgsl-helpers.js';
import { expectShape, fmtShape, numel, weightArray, weightDtypeOf, type Dispatch, type Graph, type Tensor } from '../runtime/graph.js';

/** Rows per thread: each vec4 of W a lane loads feeds TM rows. */
const TM = 16;

/** Values of W from which a product of few rows gets its own rows per thread (rowsPerThread). */
const FITTED_ROWS_MIN_WEIGHTS = 2 ** 19;

/**
 * Rows per thread for M rows in blocks of MB and W of N x K values: TM, or when M fits one row
 * block the fewest that keep ceil(M / TM) workgroups, rounded up to a multiple of 4, so they
 * compute few rows past M (22 BERT tokens: 2 x 12 rows, not 2 x 16). Only for W of 2^19 values
 * or more (BERT-base's linears): each TM is a pipeline variant (0.3-2 s of CPU to create on
 * SwiftShader), which the small products of few rows (FIAM's modulation and text keys, ~1% of
 * a BERT-base linear's work each) would add without a measurable gain.
 */
export function rowsPerThread(M: number, MB: number, weights: number): number {
  if (M >= MB || weights < FITTED_ROWS_MIN_WEIGHTS) return Math.min(TM, MB);
  return 4 * Math.ceil(Math.ceil(M / Math.ceil(M / TM)) / 4);
}

/** Vec4s of columns per lane for a tile NB wide: TN_MAX, as long as a tile keeps 8 lanes (llvmpipe's SIMD width). */
const TN_MAX = 2;
const columnVec4s = (NB: number): number => Math.max(1, Math.min(TN_MAX, NB / 32));

/**
 * Column blocks (Q) and k-blocks (P) per dispatch for a product of TM rows per thread, nBlocks
 * column blocks and KB k-blocks. A dispatch binds P windows of A and P Q of W, plus params (and
 * two gate maps): 12 uniform bindings at most. Two column blocks of 3 k-blocks (10 bindings) where
 * rowsPerThread fitted few rows (TM <= 12), the blocks pair up (an odd count would compute a whole
 * block past N), KB is a multiple of 3 and there is no gate (its maps are a window per column
 * block): a lane's TN vec4s in each block make TM + 8 TN vec4 loads per k4 step for 8 TM TN
 * FMAs (TM + 4 TN for 4 TM TN with one block) on 2 TM TN accumulators (48 at TM 12), in half the
 * dispatches: BERT-base's layer at 22 tokens takes ~12% less CPU on llvmpipe and SwiftShader
 * (bench/RESULTS.md, 2026-12-02, qtiles), with no pipeline variant added (no product of that
 * kind keeps one block). Half the dispatches alone (TN 1) gained ~1%. At TM 16 (64 accumulators)
 * it took less CPU but no wall time, with more compile time, and would change the decoder's
 * convolutions (RESULTS); KB = 4 would take two passes instead of one.
 * Otherwise one column block and P the largest divisor of KB up to 4 (8 windows + 2 gate + params).
 */
export function dispatchBlocks(TM: number, nBlocks: number, KB: number, gated: boolean): { Q: number; P: number } {
  if (TM <= 12 && nBlocks % 2 === 0 && KB % 3 === 0 && !gated) return { Q: 2, P: 3 };
  return { Q: 1, P: [4, 3, 2, 1].find((p) => KB % p === 0)! };
}

/** The narrowest column block (blockCols). */
const MIN_NB = UNIFORM_WINDOW_FLOATS / MAX_KC;

const pow2 = (n: number, least: number): number => Math.max(least, 2 ** Math.ceil(Math.log2(n)));

/**
 * Block shape for an [M, K] x [N, K]^T product: KC covers K up to 256, then MB and NB fill
 * what is left of a 64 KiB window (NB no wider than the layer). Powers of two and independent
 * of M, so a model needs few pipeline variants (llvmpipe compiles each on first use).
 */
export function blockShape(N: number, K: number): { KC: number; MB: number; NB: number } {
  const KC = Math.min(MAX_KC, pow2(K, 16));
  return { KC, MB: UNIFORM_WINDOW_FLOATS / KC, NB: blockCols(N, KC) };
}

/**
 * Columns of W per block for a k-block of KC: a block fills at most one 64 KiB window, and is at
 * least 64 wide (what a 64 KiB window holds at KC 256): narrower layers are padded rather than
 * given NB 16 or 32 variants of their own (each a pipeline to compile; base480's narrow layers
 * are ~0.1% of its FLOPs, bench/RESULTS.md 2026-12-02, pipes).
 */
export function blockCols(N: number, KC: number): number {
  return Math.min(UNIFORM_WINDOW_FLOATS / KC, 256, pow2(N, MIN_NB));
}

/**
 * W [N, K] (PyTorch Linear) -> Wb [ceil(N/NB)][ceil(K/KC)][KC][NB], zero padded; done once at
 * load. Into `out` when given (a weight buffer's mapped range): its padding must be zero already.
 */
export function blockWeight(w: Float32Array, N: number, K: number, KC: number, NB: number, out = new Float32Array(blockedSize(N, K, { MB: NB, KC }))): Float32Array {
  const KB = Math.ceil(K / KC);
  // blockedIndex(n, k, K, { MB: NB, KC }, true) walked block by block: a model's weights pass
  // through here at every load (base480: ~230M values), so no per-element index arithmetic, and
  // eight rows of W at once where a block holds them (each k then writes eight neighbouring
  // floats, not one float per cache line: 2-3x faster, measured).
  let n = 0;
  for (; n + 8 <= N && (n % NB) + 8 <= NB; n += 8) {
    const rowBase = Math.floor(n / NB) * KB * KC * NB + (n % NB);
    for (let kb = 0; kb < KB; kb++) {
      const count = Math.min(KC, K - kb * KC);
      for (let c = 0, at = rowBase + kb * KC * NB, from = n * K + kb * KC; c < count; c++, at += NB, from++) {
        out[at] = w[from];
        out[at + 1] = w[from + K];
        out[at + 2] = w[from + 2 * K];
        out[at + 3] = w[from + 3 * K];
        out[at + 4] = w[from + 4 * K];
        out[at + 5] = w[from + 5 * K];
        out[at + 6] = w[from + 6 * K];
        out[at + 7] = w[from + 7 * K];
      }
    }
  }
  for (; n < N; n++) {
    const rowBase = Math.floor(n / NB) * KB * KC * NB + (n % NB);
    for (let kb = 0; kb < KB; kb++) {
      const at = rowBase + kb * KC * NB;
      const from = n * K + kb * KC;
      const count = Math.min(KC, K - kb * KC);
      for (let c = 0; c < count; c++) out[at + c * NB] = w[from + c];
    }
  }
  return out;
}

export interface BlockedMatmulOptions {
  act?: Activation;
  /**
   * Products of a batch of matrices (attention heads): A and W blocks hold one matrix after
   * another, output matrix z starts at z * outBatch (default M * ldo) with rows ldo apart (default N).
   */
  batch?: number;
  ldo?: number;
  outBatch?: number;
  residual?: Tensor;
  alpha?: number;
  /** Output shape (numel M * N); default [M, N]. */
  outShape?: readonly number[];
  /** Store out [N, M] instead of [M, N] (a channel-first convolution output). */
  transposed?: boolean;
  /**
   * With `transposed` and outShape [N, h, w]: conv2d's scale-aware gate epilogue (maps [N, gh, gw]),
   * after bias and activation. Needs gateFitsWindows(gh, gw).
   */
  gate?: { mul: Tensor; add: Tensor; size: readonly [number, number] };
}

/** Taps per channel of a relaid-out gate map: gh * gw rounded up to a multiple of 4 (NB >= 16 then keeps windows 256-byte aligned). */
const gatePitch = (gh: number, gw: number): number => 4 * Math.ceil((gh * gw) / 4);

/** Whether the gate epilogue can read gate maps of gh x gw through uniform windows (16 channels at least). */
export function gateFitsWindows(gh: number, gw: number): boolean {
  return 16 * gatePitch(gh, gw) <= UNIFORM_WINDOW_FLOATS;
}

/**
 * y = act(alpha * x W^T + b) (+ residual) through uniform-buffer blocks (see the file header).
 * x [..., K]; w a PyTorch Linear weight [N, K] (a graph weight: it is re-laid out at load).
 */
export function blockedLinear(g: Graph, name: string, { x, w, bias, ...opts }: LinearArgs): Tensor {
  const where = g.name(name);
  const K = x.shape[x.shape.length - 1];
  const M = numel(x.shape) / K;
  if (w.kind !== 'weight' || w.shape.length !== 2 || w.shape[1] !== K) {
    throw new FianetError(w.kind === 'weight' ? 'bad-weights' : 'bad-graph', `${where}: weight '${w.label}' is ${fmtShape(w.shape)}, expected [*, ${K}] for input ${fmtShape(x.shape)}`);
  }
  const { KC, MB } = blockShape(w.shape[0], K);
  const KB = Math.ceil(K / KC);
  const xb = g.activation(`${name}.blocked`, [blockedSize(M, K, { MB, KC })]);
  g.call(blockRows, `${name}.block`, { args: { x, out: xb }, uniforms: { M, K, KB, n: blockedWrittenSize(M, K, { MB, KC }), off: 0, ldm: K, ldk: 1, zstride: 0, zblocks: Math.ceil(M / MB) * KB, KC, MB }, consts: { rowsInner: false } });
  return blockedMatmulFromBlocks(g, name, xb, { M, K, KC, MB }, w, bias, { ...opts, outShape: [...x.shape.slice(0, -1), w.shape[0]] });
}

/** A [rows, cols] matrix read from a tensor at off + row * ldr + col * ldc (a slice, a transpose, a row-major activation). */
export interface MatrixView {
  tensor: Tensor;
  rows: number;
  cols: number;
  off?: number;
  ldr: number;
  ldc: number;
  /** Offset between the matrices of a batch (a product's heads). */
  batchStride?: number;
}

/** W already in matmul-blocked's W layout, e.g. an activation laid out by block-rows with rowsInner. */
export interface BlockedOperand {
  blocked: Tensor;
  /** Rows of W (output columns). */
  N: number;
}

function blockView(g: Graph, name: string, v: MatrixView, MB: number, KC: number, rowsInner: boolean, batch = 1): Tensor {
  const where = g.name(name);
  const { rows: M, cols: K, off = 0, ldr, ldc, batchStride = 0 } = v;
  const last = off + (batch - 1) * batchStride + (M - 1) * ldr + (K - 1) * ldc;
  if (last >= numel(v.tensor.shape)) throw new FianetError('bad-graph', `${where}: ${batch} x [${M}, ${K}] views at ${off} (strides ${batchStride}, ${ldr}, ${ldc}) read past '${v.tensor.label}' ${fmtShape(v.tensor.shape)}`);
  const KB = Math.ceil(K / KC);
  const zblocks = Math.ceil(M / MB) * KB;
  const out = g.activation(name, [blockedSize(M, K, { MB, KC }, batch) + windowSlack({ MB, KC })]);
  g.call(blockRows, name, { args: { x: v.tensor, out }, uniforms: { M, K, KB, n: blockedWrittenSize(M, K, { MB, KC }, batch), off, ldm: ldr, ldk: ldc, zstride: batchStride, zblocks, KC, MB }, consts: { rowsInner } });
  return out;
}

/**
 * alpha * A_z B_z^T for `batch` pairs of activations seen through strides (A [M, K], B [N, K]),
 * e.g. attention scores (queries x keys) or probabilities x values (B = values transposed) of
 * every head: both are laid out in blocks by block-rows, then multiplied by matmul-blocked.
 * Output matrix z starts at z * outBatch, rows ldo apart (default: [batch, M, N] packed).
 */
export function blockedMatmulViews(g: Graph, name: string, a: MatrixView, b: MatrixView, opts: Omit<BlockedMatmulOptions, 'gate' | 'transposed'> = {}): Tensor {
  if (a.cols !== b.cols) throw new FianetError('bad-graph', `${g.name(name)}: A is [${a.rows}, ${a.cols}], B is [${b.rows}, ${b.cols}]: K differs`);
  const [M, N, K] = [a.rows, b.rows, a.cols];
  const batch = opts.batch ?? 1;
  const { KC, MB, NB } = blockShape(N, K);
  const ab = blockView(g, `${name}.block_a`, a, MB, KC, false, batch);
  const bb = blockView(g, `${name}.block_b`, b, NB, KC, true, batch);
  return blockedMatmulFromBlocks(g, name, ab, { M, K, KC, MB }, { blocked: bb, N }, undefined, opts);
}

/** Shape of a blocked product: M x K by N x K, A in blocks of MB x KC. */
export interface BlockedDims {
  M: number;
  K: number;
  KC: number;
  MB: number;
  /** Byte offset of A's window for row block mb and k-block kb; default the block-rows layout [z][mb][kb][MB][KC]. */
  aWindow?: (mb: number, kb: number, z?: number) => number;
  /** Rows are pixels of a grid `pitch` wide, of which the first w columns are outputs (stored compacted). */
  rowPitch?: { pitch: number; w: number };
  /** K without zero padding, for the declared FLOPs (an implicit convolution pads channels to KC). */
  usefulK?: number;
}

/**
 * The matmul-blocked dispatches for A already in blocks: xb = Ab [ceil(M/MB)][ceil(K/KC)][MB][KC]
 * with KC and MB from blockShape(N, K); w a graph weight [N, ...] holding [N, K] row-major
 * (a conv weight [cout, cin, k, k] qualifies), blocked once at load, or an operand already
 * in W's block layout.
 */
export function blockedMatmulFromBlocks(
  g: Graph,
  name: string,
  xb: Tensor,
  dims: BlockedDims,
  w: Tensor | BlockedOperand,
  bias: Tensor | undefined,
  opts: BlockedMatmulOptions = {},
): Tensor {
  const where = g.name(name);
  const { M, K, KC, MB } = dims;
  const N = 'blocked' in w ? w.N : w.shape[0];
  if (!('blocked' in w) && (w.kind !== 'weight' || numel(w.shape) !== N * K)) {
    throw new FianetError(w.kind === 'weight' ? 'bad-weights' : 'bad-graph', `${where}: weight '${w.label}' is ${fmtShape(w.shape)}, expected [*, ${K}] (or [*, ...] with ${K} values per row)`);
  }
  const shape = { KC, MB, NB: blockCols(N, KC) };
  const expected = blockShape(N, K);
  if (!dims.aWindow && (expected.KC !== KC || expected.MB !== MB)) throw new FianetError('bad-graph', `${where}: A is blocked ${MB} x ${KC}, blockShape(${N}, ${K}) wants ${expected.MB} x ${expected.KC}`);
  if (MB * KC > UNIFORM_WINDOW_FLOATS || KC > MAX_KC) throw new FianetError('bad-graph', `${where}: A blocks of ${MB} x ${KC} exceed a 64 KiB window or ${MAX_KC} columns`);
  // Rows stored: every row of A, or the first w of each pitch-wide grid row.
  const outRows = dims.rowPitch ? (M / dims.rowPitch.pitch) * dims.rowPitch.w : M;
  if (!Number.isInteger(outRows)) throw new FianetError('bad-graph', `${where}: ${M} rows are not whole grid rows of pitch ${dims.rowPitch!.pitch}`);
  const batch = opts.batch ?? 1;
  const ldo = opts.ldo ?? (opts.transposed ? outRows : N);
  const outBatch = opts.outBatch ?? outRows * ldo;
  const outShape = opts.outShape ?? [batch * outRows, N];
  const strided = batch > 1 || opts.ldo !== undefined;
  if (strided && (opts.transposed || opts.gate || dims.aWindow || dims.rowPitch)) throw new FianetError('bad-graph', `${where}: a batched or strided output takes plain row-major blocks only`);
  if (strided ? (batch - 1) * outBatch + (outRows - 1) * ldo + N > numel(outShape) : numel(outShape) !== outRows * N) {
    throw new FianetError('bad-graph', `${where}: output ${fmtShape(outShape)} does not hold ${batch} x ${outRows} x ${N} values (row stride ${ldo}, matrix stride ${outBatch})`);
  }
  const [outH, outW] = opts.gate ? outShape.slice(1) : [1, 1];
  const GP = opts.gate ? gatePitch(...opts.gate.size) : 0;
  if (opts.gate) {
    if (!opts.transposed || outShape.length !== 3 || outH * outW !== M) throw new FianetError('bad-graph', `${where}: the gate epilogue needs a transposed [${N}, h, w] output, got ${fmtShape(outShape)}`);
    if ('blocked' in w) throw new FianetError('bad-graph', `${where}: the gate epilogue needs a weight (it picks the column blocks)`);
    if (!gateFitsWindows(...opts.gate.size)) throw new FianetError('bad-graph', `${where}: gate maps of ${opts.gate.size.join(' x ')} do not fit a uniform window; use conv2d`);
    const [gh, gw] = opts.gate.size;
    expectShape(where, 'gate_mul', opts.gate.mul, [N, gh, gw]);
    expectShape(where, 'gate_add', opts.gate.add, [N, gh, gw]);
  }
  // A gated tile's NB channels of either gate map fill at most one window.
  const NB = GP ? Math.min(shape.NB, 2 ** Math.floor(Math.log2(UNIFORM_WINDOW_FLOATS / GP))) : shape.NB;
  const KB = Math.ceil(K / KC);
  const [mBlocks, nBlocks] = [Math.ceil(M / MB), Math.ceil(N / NB)];
  const aWindow = dims.aWindow ?? ((mb: number, kb: number, z = 0) => blockedWindow(mb, kb, KB, { MB, KC }, z, mBlocks));
  const aEnd = (dims.aWindow ? aWindow(mBlocks - 1, KB - 1) : aWindow(mBlocks - 1, KB - 1, batch - 1)) + MB * KC * 4;
  if (numel(xb.shape) * 4 < aEnd) throw new FianetError('bad-graph', `${where}: blocked A has ${numel(xb.shape)} values, its last window ends at float ${aEnd / 4}`);
  if (bias) expectShape(where, `bias '${bias.label}'`, bias, [N]);
  if (opts.residual) expectShape(where, 'residual', opts.residual, outShape);
  const wb = 'blocked' in w ? w.blocked : blockedWeight(g, w, N, K, KC, NB);
  if (numel(wb.shape) < batch * nBlocks * KB * KC * NB) throw new FianetError('bad-graph', `${where}: blocked W has ${numel(wb.shape)} values, expected at least ${batch * nBlocks * KB * KC * NB}`);

  const TM = rowsPerThread(M, MB, N * K);
  const { Q, P } = dispatchBlocks(TM, nBlocks, KB, GP > 0);
  const passes = KB / P;
  const args: Record<string, Tensor | undefined> = { bias, residual: opts.residual, out: g.activation(name, outShape) };
  if (opts.gate) {
    // [N, gh * gw] -> [ceil(N/NB)][GP][NB]: one k-block of GP, so a tile's channels are one window.
    const hw = opts.gate.size[0] * opts.gate.size[1];
    for (const map of ['mul', 'add'] as const) {
      args[`gate_${map}`] = blockView(g, `${name}.gate_${map}`, { tensor: opts.gate[map], rows: N, cols: hw, ldr: hw, ldc: 1 }, NB, GP, true);
    }
  }
  for (let p = 0; p < P; p++) {
    args[`a${p}`] = xb;
    for (let q = 0; q < Q; q++) args[`w${p * Q + q}`] = wb;
  }
  // f16 W blocks take half the bytes of f32 ones (packBlockedF16).
  const wdt = weightDtypeOf(wb);
  const wBytes = wdt === 'f16' ? 0.5 : 1;
  const dispatches: Dispatch[] = [];
  for (let z = 0; z < batch; z++) {
    for (let mb = 0; mb < mBlocks; mb++) {
      for (let nb = 0; nb < nBlocks; nb += Q) {
        for (let pass = 0; pass < passes; pass++) {
          const windows: Record<string, number> = {};
          for (let p = 0; p < P; p++) {
            const kb = pass * P + p;
            windows[`a${p}`] = aWindow(mb, kb, z);
            for (let q = 0; q < Q; q++) windows[`w${p * Q + q}`] = blockedWindow(nb + q, kb, KB, { MB: NB, KC }, z, nBlocks) * wBytes;
          }
          if (GP) windows.gate_mul = windows.gate_add = nb * NB * GP * 4;
          const uniforms = {
            M, N, ldo, out_t: opts.transposed ? 1 : 0, m0: mb * MB, n0: nb * NB,
            first: pass === 0 ? 1 : 0, last: pass === passes - 1 ? 1 : 0, alpha: opts.alpha ?? 1, kc4: KC / 4,
            h: outH, w: dims.rowPitch?.w ?? outW, gh: opts.gate?.size[0] ?? 1, gw: opts.gate?.size[1] ?? 1, pitch: dims.rowPitch?.pitch ?? 0,
            o_off: z * outBatch, act: activationIndex(opts.act ?? 'none'), out_kc_log2: 0, has_bias: bias ? 1 : 0,
          };
          dispatches.push({ uniforms, windows });
        }
      }
    }
  }
  const flops = 2 * batch * outRows * N * (dims.usefulK ?? K);
  const TN = columnVec4s(NB);
  // A shared over subgroups where the target has them and a workgroup is whole subgroups.
  const sg = g.target.subgroupSize;
  const SG = sg && matmulBlockedLanes(NB, TN) % sg === 0 ? sg : 0;
  const consts = { NB, TM, TN, Q, P, GP, activated: (opts.act ?? 'none') !== 'none', residual: !!opts.residual, passes: passes > 1, wdt, SG };
  g.call(matmulBlocked, name, { args, uniforms: dispatches[0].uniforms, consts, dispatches, flops });
  return args.out!;
}

/**
 * A weight [N, K...] re-laid out in W blocks once, when the weights are uploaded, stored in the
 * graph's weightDtype (streamed-weight.ts); `reorder` first turns its data into the [N, K] rows
 * the product reads (`tag` names that in the label).
 */
export function blockedWeight(
  g: Graph, w: Tensor, N: number, K: number, KC: number, NB: number,
  reorder?: { tag: string; rows: (data: Float32Array) => Float32Array },
): Tensor {
  if (w.dtype !== 'f32') throw new FianetError('bad-graph', `${w.label}: only f32 weights are laid out in blocks, this one is ${w.dtype}`);
  const source = g.weights.get(w.id)!;
  const dtype = g.weightDtype;
  const size = blockedSize(N, K, { MB: NB, KC });
  const slack = windowSlack({ MB: NB, KC });
  // Written straight into the weight's buffer; the slack after the blocks (windowSlack) stays zero.
  const writeTo = async (into: ArrayBuffer): Promise<void> => {
    const data = (await weightArray(w, source)) as Float32Array;
    const rows = reorder ? reorder.rows(data) : data;
    if (dtype === 'f32') blockWeight(rows, N, K, KC, NB, new Float32Array(into, 0, size));
    else packBlockedF16(blockWeight(rows, N, K, KC, NB), KC, NB, w.label, new Uint32Array(into, 0, size / 2));
  };
  return g.weight(`${w.label}#${reorder?.tag ?? ''}blocked${KC}x${NB}${dtype === 'f16' ? 'f16' : ''}`, [size + slack], { writeTo }, dtype);
}
