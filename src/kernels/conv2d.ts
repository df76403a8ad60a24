/**
 * Stride-1 'same' convolution (KS x KS, KS odd) as an implicit GEMM, for the decoder's 3x3
 * convolutions and every 1x1 convolution of the TMEM and the scale-aware gates:
 *   out[m, p] = epilogue(sum_k W[m, k] * X[k, p]),  m < cout, p < h*w, k = ci*KS*KS + dy*KS + dx
 * X is never materialised (no im2col): each K tile is gathered from the inputs as it is
 * loaded into workgroup memory. The input channels are the concatenation of two sources
 * (DESIGN section 4: the decoder's torch.cat), each read where it lies:
 *   A: a strided view (channel slice of a larger tensor, channel-first or token-major),
 *      bilinearly upsampled on the fly (align_corners=true) when smaller than the output;
 *   B: an optional channel-first [cb, h, w] map at the output size.
 * Epilogue: + bias (BatchNorm folded in at load time), activation (ReLU for the decoder,
 * h-sigmoid for the gates), or the scale-aware gate: v * up(gate_mul) + up(gate_add) with
 * both gate maps bilinearly upsampled (align_corners=false) from [cout, gh, gw].
 *
 * Tiling: a WG_X x WG_Y workgroup computes BM = WG_Y*TM output channels by BN = WG_X*TN
 * pixels; each thread keeps TM x TN accumulators (TM consecutive channels, TN consecutive
 * pixels, as TM x TN/4 vec4) and walks K in tiles of TK held in workgroup memory as vec4, so
 * one workgroup load feeds 4 to 16 FMAs. The loops over TM and TN are unrolled by the
 * generator: on llvmpipe, private arrays indexed in loops live in memory and every
 * workgroup-memory load is a slow per-lane access (8x8 per thread with vec4 tiles takes
 * ~2.3x less CPU there than 4x4 with scalar tiles; bench/decoder.ts). Every thread loads the same
 * pixel column of the X tile at every K step (its pixel coordinates are computed once).
 */
import { FianetError } from '../errors.js';
import { expectShape, fmtShape, numel, weightDtypeOf, type Graph, type Tensor, type WeightDtype } from '../runtime/graph.js';
import { defineKernel, MAX_WORKGROUPS_PER_DIM } from '../runtime/kernel.js';
import { applyActivation } from './reference.js';
import { bilinearAt, upsampleBilinearReference } from './upsample-bilinear.js';
import { activationFn, gateEpilogue, LINEAR_TAP, readConvInput, weightAtFn, weightBindingType, type Activation } from './wgsl-helpers.js';

export interface ConvTile {
  TM: number;
  TN: number;
  WG_X: number;
  WG_Y: number;
  TK: number;
}

export const conv2d = defineKernel({
  name: 'conv2d',
  // wdt: how w is stored (f16: packed halves).
  bindings: (c) => [
    { name: 'xa' },
    { name: 'xb', optional: true },
    { name: 'w', type: weightBindingType(c.wdt) },
    { name: 'bias', optional: true },
    { name: 'gate_mul', optional: true },
    { name: 'gate_add', optional: true },
    { name: 'out', output: true },
  ],
  uniforms: {
    cout: 'u32', h: 'u32', w: 'u32',
    ca: 'u32', ha: 'u32', wa: 'u32', a_off: 'u32', a_cs: 'u32', a_ps: 'u32',
    cb: 'u32', gh: 'u32', gw: 'u32',
  },
  constants: { KS: 3, upA: false, inB: false, bias: false, act: 'none' as Activation, gate: false, TM: 8, TN: 8, WG_X: 8, WG_Y: 8, TK: 8, wdt: 'f32' as WeightDtype },
  wgsl: (c) => {
    const BM = c.WG_Y * c.TM;
    const BN = c.WG_X * c.TN;
    const threads = c.WG_X * c.WG_Y;
    // Unrolled by the generator: private arrays indexed in loops live in memory on llvmpipe
    // (NIR does not unroll them); named scalars stay in registers.
    const rows = [...Array(c.TM).keys()];
    const quads = [...Array(c.TN / 4).keys()];
    const each = (f: (i: number, q: number) => string) => rows.flatMap((i) => quads.map((q) => f(i, q))).join('\n');
    return /* wgsl */ `
// xa: view of [ca, ha, wa], xb: [cb, h, w], w: [cout, (ca + cb) * KS * KS], bias: [cout],
// gate_mul, gate_add: [cout, gh, gw] -> out: [cout, h, w]
${activationFn(c.act)}
${weightAtFn('w', c.wdt)}
${c.upA || c.gate ? LINEAR_TAP : ''}
${c.gate ? gateEpilogue('f32', 'm * params.gh * params.gw', (map, i) => `${map}[${i}]`) : ''}
const KS = ${c.KS}u;
const KK = ${c.KS * c.KS}u;
const PAD = ${(c.KS - 1) / 2};
const BM = ${BM}u;
const BN = ${BN}u;
const TK = ${c.TK}u;
const THREADS = ${threads}u;
var<workgroup> tile_w: array<vec4<f32>, ${(BM * c.TK) / 4}>; // [TK][BM]
var<workgroup> tile_x: array<vec4<f32>, ${(BN * c.TK) / 4}>; // [TK][BN]

fn store(m: u32, n: u32, acc: f32) {
  let hw = params.h * params.w;
  if (m >= params.cout || n >= hw) { return; }
  var v = acc;
  ${c.bias ? 'v += bias[m];' : ''}
  v = activate(v);
  ${c.gate ? 'v = gate(v, m, gate_taps(n));' : ''}
  out[m * hw + n] = v;
}

@compute @workgroup_size(${c.WG_X}, ${c.WG_Y}, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * ${c.WG_X}u + lid.x;
  let hw = params.h * params.w;
  let m0 = wg.y * BM;
  let n0 = wg.x * BN;
  let K = (params.ca + params.cb) * KK;
  // The X-tile column (output pixel) this thread loads at every K step.
  let ln = tid % BN;
  let p = n0 + ln;
  let py = i32(p / params.w);
  let px = i32(p % params.w);
${each((i, q) => `  var acc${i}_${q} = vec4<f32>();`)}
  for (var k0 = 0u; k0 < K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += THREADS) {
      let m = m0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.cout && k < K) { v = w_at(m * K + k); }
      let slot = (i % TK) * BM + i / TK;
      tile_w[slot / 4u][slot % 4u] = v;
    }
    for (var r = tid / BN; r < TK; r += THREADS / BN) {
      let k = k0 + r;
      var v = 0.0;
      if (k < K && p < hw) {
        let ci = k / KK;
        let t = k % KK;
        let yy = py + i32(t / KS) - PAD;
        let xx = px + i32(t % KS) - PAD;
        if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
          let sy = u32(yy);
          let sx = u32(xx);
          ${readConvInput(c.upA, c.inB)}
        }
      }
      let slot = r * BN + ln;
      tile_x[slot / 4u][slot % 4u] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
${[...Array(c.TM / 4).keys()].map((q) => `      let a${q} = tile_w[kk * ${BM / 4}u + lid.y * ${c.TM / 4}u + ${q}u];`).join('\n')}
${quads.map((q) => `      let b${q} = tile_x[kk * ${BN / 4}u + lid.x * ${c.TN / 4}u + ${q}u];`).join('\n')}
${each((i, q) => `      acc${i}_${q} = fma(vec4<f32>(a${Math.floor(i / 4)}[${i % 4}]), b${q}, acc${i}_${q});`)}
    }
    workgroupBarrier();
  }
${each((i, q) => [0, 1, 2, 3].map((e) => `  store(m0 + lid.y * ${c.TM}u + ${i}u, n0 + lid.x * ${c.TN}u + ${4 * q + e}u, acc${i}_${q}[${e}]);`).join('\n'))}
}
`;
  },
  workgroups: (u, c) => [Math.ceil((u.h * u.w) / (c.WG_X * c.TN)), Math.ceil(u.cout / (c.WG_Y * c.TM)), 1],
});

/** Where a convolution reads an input: channel c, pixel (y, x) at offset + c*cstride + (y*w + x)*pstride. */
export interface ConvInput {
  tensor: Tensor;
  channels: number;
  size: readonly [number, number];
  offset: number;
  cstride: number;
  pstride: number;
}

/** A channel-first map [C, H, W] (or [C, H*W], leading 1s allowed). */
export function channelFirst(tensor: Tensor, channels: number, size: readonly [number, number]): ConvInput {
  return { tensor, channels, size, offset: 0, cstride: size[0] * size[1], pstride: 1 };
}

/** A token-major map [H*W, C] (Swin's and the TMEM blocks' layout). */
export function tokenMajor(tensor: Tensor, channels: number, size: readonly [number, number]): ConvInput {
  return { tensor, channels, size, offset: 0, cstride: 1, pstride: channels };
}

/** Channels [from, from + count) of an input, read in place. */
export function channelSlice(x: ConvInput, from: number, count: number): ConvInput {
  return { ...x, channels: count, offset: x.offset + from * x.cstride };
}

export interface Conv2dArgs {
  a: ConvInput;
  /** Concatenated after A's channels; channel-first at the output size. */
  b?: Tensor;
  /** Output size; A is upsampled to it (bilinear, align_corners=true) when smaller. */
  size: readonly [number, number];
  /** [cout, ca + cb, KS, KS] */
  weight: Tensor;
  bias?: Tensor;
  act?: Activation;
  /** Scale-aware gate epilogue: v * up(mul) + up(add), both [cout, gh, gw], align_corners=false. */
  gate?: { mul: Tensor; add: Tensor; size: readonly [number, number] };
  tile?: ConvTile;
}

/** Tile shape per problem: the 2-class classifier would waste 62 of 64 rows of the default tile. */
export function convTile(cout: number): ConvTile {
  if (cout <= 16) return { TM: 4, TN: 4, WG_X: 16, WG_Y: 4, TK: 16 };
  return { TM: 8, TN: 8, WG_X: 8, WG_Y: 8, TK: 8 };
}

/** The sizes of a convolution, checked against its arguments (shared with lowering/blocked-conv). */
export interface ConvDims {
  h: number;
  w: number;
  ha: number;
  wa: number;
  cb: number;
  cin: number;
  cout: number;
  ks: number;
}

export function checkConv2dArgs(g: Graph, name: string, args: Conv2dArgs): ConvDims {
  const where = g.name(name);
  const fail = (msg: string): never => {
    throw new FianetError('bad-graph', `${where}: ${msg}`);
  };
  const { a, b, size, weight } = args;
  const [h, w] = size;
  const [ha, wa] = a.size;
  const last = a.offset + (a.channels - 1) * a.cstride + (ha * wa - 1) * a.pstride;
  if (last >= numel(a.tensor.shape)) fail(`input view [${a.channels}, ${ha}, ${wa}] reads past '${a.tensor.label}' ${fmtShape(a.tensor.shape)}`);
  if (ha > h || wa > w) fail(`input ${ha} x ${wa} is larger than the output ${h} x ${w}`);
  const cb = b ? numel(b.shape) / (h * w) : 0;
  if (b && (!Number.isInteger(cb) || cb < 1)) fail(`second input ${fmtShape(b.shape)} is not a channel-first map at ${h} x ${w}`);
  const cin = a.channels + cb;
  const [cout, , ks] = weight.shape;
  if (weight.shape.length !== 4 || weight.shape[3] !== ks || ks % 2 !== 1) fail(`weight '${weight.label}' is ${fmtShape(weight.shape)}, expected [cout, ${cin}, k, k] with k odd`);
  expectShape(where, `weight '${weight.label}'`, weight, [cout, cin, ks, ks]);
  if (args.bias) expectShape(where, `bias '${args.bias.label}'`, args.bias, [cout]);
  if (args.gate) {
    const [gh, gw] = args.gate.size;
    expectShape(where, 'gate_mul', args.gate.mul, [cout, gh, gw]);
    expectShape(where, 'gate_add', args.gate.add, [cout, gh, gw]);
    if ((args.act ?? 'none') !== 'none') fail('an activation and the gate epilogue do not combine');
  }
  return { h, w, ha, wa, cb, cin, cout, ks };
}

export function conv2dOp(g: Graph, name: string, args: Conv2dArgs): Tensor {
  const fail = (msg: string): never => {
    throw new FianetError('bad-graph', `${g.name(name)}: ${msg}`);
  };
  const { a, b, weight } = args;
  const { h, w, ha, wa, cb, cout, ks } = checkConv2dArgs(g, name, args);
  const tile = args.tile ?? convTile(cout);
  const [BN, threads] = [tile.WG_X * tile.TN, tile.WG_X * tile.WG_Y];
  if (threads % BN !== 0 || tile.TM % 4 !== 0 || tile.TN % 4 !== 0) {
    fail(`tile ${JSON.stringify(tile)}: TM and TN must be multiples of 4 and the ${threads} threads must load whole rows of ${BN} pixels`);
  }
  if (Math.ceil((h * w) / BN) > MAX_WORKGROUPS_PER_DIM) fail(`${h * w} pixels need more than ${MAX_WORKGROUPS_PER_DIM} workgroups`);
  const out = g.activation(name, [cout, h, w]);
  g.call(conv2d, name, { args: { xa: a.tensor, xb: b, w: weight, bias: args.bias, gate_mul: args.gate?.mul, gate_add: args.gate?.add, out }, uniforms: {
      cout, h, w, ca: a.channels, ha, wa, a_off: a.offset, a_cs: a.cstride, a_ps: a.pstride, cb,
      gh: args.gate?.size[0] ?? 1, gw: args.gate?.size[1] ?? 1,
    }, consts: { ...tile, KS: ks, upA: ha !== h || wa !== w, inB: !!b, bias: !!args.bias, act: args.act ?? 'none', gate: !!args.gate, wdt: weightDtypeOf(args.weight) }, flops: 2 * cout * h * w * (a.channels + cb) * ks * ks });
  return out;
}

/** A decoder convolution shape: A (upsampled to `size` when smaller) concatenated with the skip map B, 3x3, ReLU. */
export interface DecoderConvCase {
  name: string;
  /** Channels of the first input and its size. */
  ca: number;
  aSize: [number, number];
  /** Channels of the second (skip) input at the output size; 0 for none. */
  cb: number;
  cout: number;
  size: [number, number];
}

/**
 * Decoder shapes shared by the tests (conv2d*.test.ts, test/full/conv2d-base480.test.ts) and
 * the benchmark (src/bench/decoder.ts): the tiny fixture's first convolution, and base480's
 * largest (conv1_2: 85 GFLOP), a plain one (conv2_2) and the deepest (conv1_4).
 */
export const DECODER_CONV_CASES: { small: DecoderConvCase[]; base480: DecoderConvCase[] } = {
  small: [{ name: 'small fixture conv1_2 (128@20 up + 32) -> 128 @40', ca: 128, aSize: [20, 20], cb: 32, cout: 128, size: [40, 40] }],
  base480: [
    { name: 'conv1_2 (512@60 up + 128) -> 512 @120', ca: 512, aSize: [60, 60], cb: 128, cout: 512, size: [120, 120] },
    { name: 'conv2_2 512 -> 512 @120', ca: 512, aSize: [120, 120], cb: 0, cout: 512, size: [120, 120] },
    { name: 'conv1_4 (1024@15 up + 512) -> 512 @30', ca: 1024, aSize: [15, 15], cb: 512, cout: 512, size: [30, 30] },
  ],
};

/**
 * Tolerance of a K-term convolution (K = cin x taps) of inputs in [-1, 1] (tests and the
 * benchmark's check): atol 1e-7 K, rtol 1e-6 for the gate's and upsampling's few float32
 * roundings of O(1) values (conv2d.test.ts gives the bound this sits under).
 */
export const conv2dTolerance = (K: number): { atol: number; rtol: number } => ({ atol: 1e-7 * K, rtol: 1e-6 });

export interface ConvReferenceArgs {
  /** A's data (the whole tensor the view reads), read through `a`'s offset and strides. */
  aData: ArrayLike<number>;
  a: Omit<ConvInput, 'tensor'>;
  bData?: ArrayLike<number>;
  size: readonly [number, number];
  weight: ArrayLike<number>;
  cout: number;
  ks: number;
  bias?: ArrayLike<number>;
  act?: Activation;
  gate?: { mul: ArrayLike<number>; add: ArrayLike<number>; size: readonly [number, number] };
}

/**
 * Float64 reference in the reference's order of operations: gather A, upsample it, concat B,
 * convolve with zero padding, then bias, activation or gate. Returns one output value
 * (m, y, x) at a time so tests at the real shapes can check a sample of pixels.
 */
export function conv2dReference(r: ConvReferenceArgs): (m: number, y: number, x: number) => number {
  const [h, w] = r.size;
  const [ha, wa] = r.a.size;
  const gathered = new Float64Array(r.a.channels * ha * wa);
  for (let c = 0; c < r.a.channels; c++) {
    for (let p = 0; p < ha * wa; p++) gathered[c * ha * wa + p] = r.aData[r.a.offset + c * r.a.cstride + p * r.a.pstride];
  }
  const up = ha === h && wa === w ? gathered : upsampleBilinearReference(gathered, r.a.channels, ha, wa, h, w, true);
  const cb = r.bData ? r.bData.length / (h * w) : 0;
  const cin = r.a.channels + cb;
  const input = (c: number, y: number, x: number) => (c < r.a.channels ? up[(c * h + y) * w + x] : r.bData![((c - r.a.channels) * h + y) * w + x]);
  const pad = (r.ks - 1) / 2;
  return (m, y, x) => {
    let s = 0;
    for (let c = 0; c < cin; c++) {
      for (let dy = 0; dy < r.ks; dy++) {
        const yy = y + dy - pad;
        if (yy < 0 || yy >= h) continue;
        for (let dx = 0; dx < r.ks; dx++) {
          const xx = x + dx - pad;
          if (xx >= 0 && xx < w) s += r.weight[((m * cin + c) * r.ks + dy) * r.ks + dx] * input(c, yy, xx);
        }
      }
    }
    if (r.bias) s += r.bias[m];
    s = applyActivation(r.act ?? 'none', s);
    if (r.gate) {
      const [gh, gw] = r.gate.size;
      s = s * bilinearAt(r.gate.mul, gh, gw, m, y, x, h, w, false) + bilinearAt(r.gate.add, gh, gw, m, y, x, h, w, false);
    }
    return s;
  };
}

/** The whole reference output [cout, h, w]. */
export function conv2dReferenceAll(r: ConvReferenceArgs): Float64Array {
  const at = conv2dReference(r);
  const [h, w] = r.size;
  const out = new Float64Array(r.cout * h * w);
  for (let m = 0; m < r.cout; m++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[(m * h + y) * w + x] = at(m, y, x);
  return out;
}
