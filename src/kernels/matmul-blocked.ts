/**
 * Linear layers for CPU adapters: out = act(alpha * A W^T + bias) + residual with both
 * operands read from **uniform buffers**. On Mesa llvmpipe (22.x) every storage-buffer or
 * workgroup-memory load inside a loop takes a per-lane, bounds-checked slow path (~220 ns per
 * 8-lane vec4 load, measured), while uniform-buffer loads are ~10x cheaper; the FMA units
 * then do the work (bench/RESULTS.md). Uniform bindings hold at most 64 KiB, so A and W are
 * first laid out in blocks (`block-rows`, and W once at load time):
 *   A [M, K]  -> Ab [ceil(M/MB)][ceil(K/KC)][MB][KC]   (zero padded)
 *   W [N, K]  -> Wb [ceil(N/NB)][ceil(K/KC)][KC][NB]   (transposed within a block, zero padded)
 * with MB * KC and NB * KC at most 16384 floats; the block shape follows the layer (a narrow
 * layer gets narrow blocks, so little padding is multiplied). One dispatch computes an MB x NB
 * output tile over P k-blocks (P pairs of windows bound); K beyond P blocks takes further
 * passes that accumulate. Workgroups split the tile's rows (TM per thread, uniform across
 * lanes, so A loads are broadcasts); lanes own 4 consecutive columns (one vec4 of W per k).
 * A convolution's output (stored transposed) can end in the scale-aware gate (conv2d's
 * epilogue): its two small maps are read through uniform windows too, laid out per column
 * block as [ceil(N/NB)][GP][NB] (GP = gh * gw padded to vec4s), so a lane's 4 channels at a
 * tap are one vec4 and each row's taps are computed once. Read from storage, the gate's 8
 * loads per output cost 3-4x the whole 1x1 convolution; this way, nothing measurable.
 */
import { FianetError } from '../errors.js';
import { expectShape, fmtShape, numel, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, type KernelBinding } from '../runtime/kernel.js';
import { blockRows, WINDOW_FLOATS } from './block-rows.js';
import { gateEpilogue } from './conv2d.js';
import { LINEAR_TAP } from './upsample-bilinear.js';
import { activationFn, type Activation } from './wgsl-helpers.js';

export const matmulBlocked = defineKernel({
  name: 'matmul-blocked',
  // P pairs of 64 KiB uniform windows (a_p: a block of A, w_p: a block of W), then storage.
  bindings: (c) => [
    ...[...Array(c.P).keys()].flatMap((p): KernelBinding[] => [
      { name: `a${p}`, uniform: (c.MB * c.KC) / 4 },
      { name: `w${p}`, uniform: (c.NB * c.KC) / 4 },
    ]),
    { name: 'bias', optional: true },
    { name: 'residual', optional: true },
    // The gate maps of the tile's NB channels, [GP][NB] (laid out by block-rows).
    ...(c.GP ? [{ name: 'gate_mul', uniform: (c.NB * c.GP) / 4 }, { name: 'gate_add', uniform: (c.NB * c.GP) / 4 }] : []),
    { name: 'out', output: true },
  ],
  // kc4 = KC / 4 as a uniform: a constant trip count lets LLVM unroll the k loop completely,
  // which multiplies llvmpipe's first-use compile time for no measurable gain.
  // out_t stores the product transposed (out [N, M], ldo = M): the channel-first output of a
  // convolution lowered to im2col rows x weight^T (conv2d-blocked.ts).
  // h, w, gh, gw: the gate epilogue's output and gate-map sizes (conv2d's gateEpilogue).
  // pitch > 0: rows m are pixels of a grid `pitch` wide of which the first w columns are
  // stored, compacted (an implicit-GEMM convolution computes on its padded input's grid).
  uniforms: {
    M: 'u32', N: 'u32', ldo: 'u32', out_t: 'u32', m0: 'u32', n0: 'u32', first: 'u32', last: 'u32', alpha: 'f32', kc4: 'u32', has_bias: 'u32', has_residual: 'u32',
    h: 'u32', w: 'u32', gh: 'u32', gw: 'u32', pitch: 'u32',
  },
  // bias and residual are uniform flags, not constants: fewer pipeline variants to compile.
  // GP > 0: the scale-aware gate epilogue of a transposed (convolution) output, its maps read
  // through two more uniform windows of NB channels x GP floats.
  constants: { KC: 128, MB: 128, NB: 128, TM: 16, P: 1, act: 'none' as Activation, GP: 0 },
  wgsl: (c) => {
    const NB4 = c.NB / 4;
    const rows = [...Array(c.TM).keys()];
    const pairs = [...Array(c.P).keys()];
    const step = (p: number) => /* wgsl */ `
  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let wk = k4 * ${4 * NB4}u + col4;
    let wk0 = w${p}[wk];
    let wk1 = w${p}[wk + ${NB4}u];
    let wk2 = w${p}[wk + ${2 * NB4}u];
    let wk3 = w${p}[wk + ${3 * NB4}u];
${rows.map((i) => `    { let a = a${p}[(r0 + ${i}u) * ${c.KC / 4}u + k4]; acc${i} = fma(vec4(a.x), wk0, fma(vec4(a.y), wk1, fma(vec4(a.z), wk2, fma(vec4(a.w), wk3, acc${i})))); }`).join('\n')}
  }`;
    return /* wgsl */ `
// a_p: [${c.MB} rows][${c.KC}] block of A, w_p: [${c.KC}][${c.NB} cols] block of W^T -> out tile [M, N] (or [N, M]) at (m0, n0)
${c.GP ? `// gate_mul, gate_add: [${c.GP} (gh * gw used)][${c.NB} channels]; out [N, M] with M = h * w pixels` : ''}
${activationFn(c.act)}
${c.GP ? LINEAR_TAP + gateEpilogue('vec4<f32>', '0u', (map, i) => `${map}[(${i}) * ${NB4}u + m]`) : ''}
fn store(m: u32, n: u32, s: f32${c.GP ? ', gm: f32, ga: f32' : ''}) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  let o = select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  var v = s * params.alpha;
  if (params.first == 0u) { v += out[o]; }
  if (params.last != 0u) {
    if (params.has_bias != 0u) { v += bias[n]; }
    v = activate(v);
    ${c.GP ? 'v = v * gm + ga;' : ''}
    if (params.has_residual != 0u) { v += residual[o]; }
  }
  out[o] = v;
}

@compute @workgroup_size(${NB4}, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let col4 = lid.x;
  let r0 = wg.y * ${c.TM}u;
${rows.map((i) => `  var acc${i} = vec4<f32>();`).join('\n')}
${pairs.map(step).join('\n')}
  let n = params.n0 + 4u * col4;
${rows.map((i) => (c.GP ? `  {
    let t = gate_taps(params.m0 + r0 + ${i}u);
    let gm = gate_mul_at(col4, t.y, t.x);
    let ga = gate_add_at(col4, t.y, t.x);
    for (var j = 0u; j < 4u; j++) { store(params.m0 + r0 + ${i}u, n + j, acc${i}[j], gm[j], ga[j]); }
  }` : `  for (var j = 0u; j < 4u; j++) { store(params.m0 + r0 + ${i}u, n + j, acc${i}[j]); }`)).join('\n')}
}
`;
  },
  // Only the rows of the tile that exist: the last tile of a 66-row BERT batch has 2 of 64.
  workgroups: (u, c) => [1, Math.ceil(Math.min(c.MB, u.M - u.m0) / c.TM), 1],
});

/** Rows per thread: 16 keeps 16 vec4 accumulators in registers; tiny layers use fewer. */
const TM = 16;

const pow2 = (n: number, least: number): number => Math.max(least, 2 ** Math.ceil(Math.log2(n)));

/**
 * Block shape for an [M, K] x [N, K]^T product: KC covers K up to 256, then MB and NB fill
 * what is left of a 64 KiB window (NB no wider than the layer). Powers of two and independent
 * of M, so a model needs few pipeline variants (llvmpipe compiles each on first use).
 */
export function blockShape(N: number, K: number): { KC: number; MB: number; NB: number } {
  const KC = Math.min(256, pow2(K, 16));
  return { KC, MB: WINDOW_FLOATS / KC, NB: blockCols(N, KC) };
}

/** Columns of W per block for a k-block of KC: a block fills at most one 64 KiB window. */
export function blockCols(N: number, KC: number): number {
  return Math.min(WINDOW_FLOATS / KC, 256, pow2(N, 16));
}

/** W [N, K] (PyTorch Linear) -> Wb [ceil(N/NB)][ceil(K/KC)][KC][NB], zero padded; done once at load. */
export function blockWeight(w: Float32Array, N: number, K: number, KC: number, NB: number): Float32Array {
  const KB = Math.ceil(K / KC);
  const block = KC * NB;
  const out = new Float32Array(Math.ceil(N / NB) * KB * block);
  for (let n = 0; n < N; n++) {
    const nb = Math.floor(n / NB);
    const c = n % NB;
    for (let k = 0; k < K; k++) {
      const kb = Math.floor(k / KC);
      out[(nb * KB + kb) * block + (k % KC) * NB + c] = w[n * K + k];
    }
  }
  return out;
}

export interface BlockedMatmulOptions {
  act?: Activation;
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
  return 16 * gatePitch(gh, gw) <= WINDOW_FLOATS;
}

/**
 * y = act(alpha * x W^T + b) (+ residual) through uniform-buffer blocks (see the file header).
 * x [..., K]; w a PyTorch Linear weight [N, K] (a graph weight: it is re-laid out at load).
 */
export function blockedLinear(g: Graph, name: string, x: Tensor, w: Tensor, bias: Tensor | undefined, opts: Omit<BlockedMatmulOptions, 'outShape' | 'transposed'> = {}): Tensor {
  const where = g.name(name);
  const K = x.shape[x.shape.length - 1];
  const M = numel(x.shape) / K;
  if (w.kind !== 'weight' || w.shape.length !== 2 || w.shape[1] !== K) {
    throw new FianetError(w.kind === 'weight' ? 'bad-weights' : 'bad-graph', `${where}: weight '${w.label}' is ${fmtShape(w.shape)}, expected [*, ${K}] for input ${fmtShape(x.shape)}`);
  }
  const { KC, MB } = blockShape(w.shape[0], K);
  const KB = Math.ceil(K / KC);
  const n = Math.ceil(M / MB) * KB * MB * KC;
  const xb = g.activation(`${name}.blocked`, [n]);
  g.call(blockRows, `${name}.block`, { x, out: xb }, { M, K, KB, n, off: 0, ldm: K, ldk: 1 }, { KC, MB, rowsInner: false });
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
}

/** W already in matmul-blocked's W layout, e.g. an activation laid out by block-rows with rowsInner. */
export interface BlockedOperand {
  blocked: Tensor;
  /** Rows of W (output columns). */
  N: number;
}

function blockView(g: Graph, name: string, v: MatrixView, MB: number, KC: number, rowsInner: boolean): Tensor {
  const where = g.name(name);
  const { rows: M, cols: K, off = 0, ldr, ldc } = v;
  const last = off + (M - 1) * ldr + (K - 1) * ldc;
  if (last >= numel(v.tensor.shape)) throw new FianetError('bad-graph', `${where}: a [${M}, ${K}] view at ${off} (strides ${ldr}, ${ldc}) reads past '${v.tensor.label}' ${fmtShape(v.tensor.shape)}`);
  const KB = Math.ceil(K / KC);
  const n = Math.ceil(M / MB) * KB * MB * KC;
  const out = g.activation(name, [n]);
  g.call(blockRows, name, { x: v.tensor, out }, { M, K, KB, n, off, ldm: ldr, ldk: ldc }, { KC, MB, rowsInner });
  return out;
}

/**
 * alpha * A B^T for two activations seen through strides (A [M, K], B [N, K]), e.g.
 * attention scores (queries x keys) or probabilities x values (B = values transposed):
 * both are laid out in blocks by block-rows, then multiplied by matmul-blocked.
 */
export function blockedMatmulViews(g: Graph, name: string, a: MatrixView, b: MatrixView, opts: Omit<BlockedMatmulOptions, 'gate' | 'transposed'> = {}): Tensor {
  if (a.cols !== b.cols) throw new FianetError('bad-graph', `${g.name(name)}: A is [${a.rows}, ${a.cols}], B is [${b.rows}, ${b.cols}]: K differs`);
  const [M, N, K] = [a.rows, b.rows, a.cols];
  const { KC, MB, NB } = blockShape(N, K);
  const ab = blockView(g, `${name}.block_a`, a, MB, KC, false);
  const bb = blockView(g, `${name}.block_b`, b, NB, KC, true);
  return blockedMatmulFromBlocks(g, name, ab, { M, K, KC, MB }, { blocked: bb, N }, undefined, opts);
}

/** Shape of a blocked product: M x K by N x K, A in blocks of MB x KC. */
export interface BlockedDims {
  M: number;
  K: number;
  KC: number;
  MB: number;
  /** Byte offset of A's window for row block mb and k-block kb; default the block-rows layout [mb][kb][MB][KC]. */
  aWindow?: (mb: number, kb: number) => number;
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
  if (MB * KC > WINDOW_FLOATS) throw new FianetError('bad-graph', `${where}: A blocks of ${MB} x ${KC} exceed a 64 KiB window`);
  // Rows stored: every row of A, or the first w of each pitch-wide grid row.
  const outRows = dims.rowPitch ? (M / dims.rowPitch.pitch) * dims.rowPitch.w : M;
  if (!Number.isInteger(outRows)) throw new FianetError('bad-graph', `${where}: ${M} rows are not whole grid rows of pitch ${dims.rowPitch!.pitch}`);
  const outShape = opts.outShape ?? [outRows, N];
  if (numel(outShape) !== outRows * N) throw new FianetError('bad-graph', `${where}: output ${fmtShape(outShape)} does not hold ${outRows} x ${N} values`);
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
  const NB = GP ? Math.min(shape.NB, 2 ** Math.floor(Math.log2(WINDOW_FLOATS / GP))) : shape.NB;
  const KB = Math.ceil(K / KC);
  const [mBlocks, nBlocks] = [Math.ceil(M / MB), Math.ceil(N / NB)];
  const aWindow = dims.aWindow ?? ((mb: number, kb: number) => (mb * KB + kb) * MB * KC * 4);
  const aEnd = aWindow(mBlocks - 1, KB - 1) + MB * KC * 4;
  if (numel(xb.shape) * 4 < aEnd) throw new FianetError('bad-graph', `${where}: blocked A has ${numel(xb.shape)} values, its last window ends at float ${aEnd / 4}`);
  if (bias) expectShape(where, `bias '${bias.label}'`, bias, [N]);
  if (opts.residual) expectShape(where, 'residual', opts.residual, outShape);
  const wb = 'blocked' in w ? w.blocked : blockedWeight(g, w, N, K, KC, NB);
  if (numel(wb.shape) < nBlocks * KB * KC * NB) throw new FianetError('bad-graph', `${where}: blocked W has ${numel(wb.shape)} values, expected at least ${nBlocks * KB * KC * NB}`);

  // P k-blocks per dispatch (a divisor of KB, at most 4: 8 uniform windows + 2 gate windows + params <= 12).
  const P = [4, 3, 2, 1].find((p) => KB % p === 0)!;
  const passes = KB / P;
  const args: Record<string, Tensor | undefined> = { bias, residual: opts.residual, out: g.activation(name, outShape) };
  if (opts.gate) {
    // [N, gh * gw] -> [ceil(N/NB)][GP][NB]: one k-block of GP, so a tile's channels are one window.
    const hw = opts.gate.size[0] * opts.gate.size[1];
    for (const map of ['mul', 'add'] as const) {
      args[`gate_${map}`] = blockView(g, `${name}.gate_${map}`, { tensor: opts.gate[map], rows: N, cols: hw, ldr: hw, ldc: 1 }, NB, GP, true);
    }
  }
  for (let p = 0; p < P; p++) [args[`a${p}`], args[`w${p}`]] = [xb, wb];
  const dispatches = [];
  for (let mb = 0; mb < mBlocks; mb++) {
    for (let nb = 0; nb < nBlocks; nb++) {
      for (let pass = 0; pass < passes; pass++) {
        const windows: Record<string, number> = {};
        for (let p = 0; p < P; p++) {
          const kb = pass * P + p;
          windows[`a${p}`] = aWindow(mb, kb);
          windows[`w${p}`] = (nb * KB + kb) * NB * KC * 4;
        }
        if (GP) windows.gate_mul = windows.gate_add = nb * NB * GP * 4;
        const uniforms = {
          M, N, ldo: opts.transposed ? outRows : N, out_t: opts.transposed ? 1 : 0, m0: mb * MB, n0: nb * NB,
          first: pass === 0 ? 1 : 0, last: pass === passes - 1 ? 1 : 0, alpha: opts.alpha ?? 1, kc4: KC / 4,
          has_bias: bias ? 1 : 0, has_residual: opts.residual ? 1 : 0,
          h: outH, w: dims.rowPitch?.w ?? outW, gh: opts.gate?.size[0] ?? 1, gw: opts.gate?.size[1] ?? 1, pitch: dims.rowPitch?.pitch ?? 0,
        };
        dispatches.push({ uniforms, windows });
      }
    }
  }
  const flops = 2 * outRows * N * (dims.usefulK ?? K);
  g.call(matmulBlocked, name, args, dispatches[0].uniforms, { KC, MB, NB, TM: Math.min(TM, MB), P, act: opts.act ?? 'none', GP }, dispatches, flops);
  return args.out!;
}

/**
 * A weight [N, K...] re-laid out in W blocks once, when the weights are uploaded; `reorder`
 * first turns its data into the [N, K] rows the product reads (`tag` names that in the label).
 */
export function blockedWeight(
  g: Graph, w: Tensor, N: number, K: number, KC: number, NB: number,
  reorder?: { tag: string; rows: (data: Float32Array) => Float32Array },
): Tensor {
  const source = g.weights.get(w.id)!;
  return g.weight(`${w.label}#${reorder?.tag ?? ''}blocked${KC}x${NB}`, [Math.ceil(N / NB) * Math.ceil(K / KC) * KC * NB], async () => {
    const data = (typeof source === 'function' ? await source() : source) as Float32Array;
    return blockWeight(reorder ? reorder.rows(data) : data, N, K, KC, NB);
  });
}
