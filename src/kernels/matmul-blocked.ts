/**
 * Linear layers for CPU adapters: out = act(alpha * A W^T + bias) + residual with both
 * operands read from **uniform buffers**. On Mesa llvmpipe (22.x) every storage-buffer or
 * workgroup-memory load inside a loop takes a per-lane, bounds-checked slow path (~220 ns per
 * 8-lane vec4 load, measured), while uniform-buffer loads are ~10x cheaper; the FMA units
 * then do the work (bench/RESULTS.md). Uniform bindings hold at most 64 KiB, so A and W are
 * first laid out in blocks (`block-rows`, and W once at load time):
 *   A [M, K]  -> Ab [ceil(M/MB)][ceil(K/KC)][MB][KC]   (zero padded)
 *   W [N, K]  -> Wb [ceil(N/NB)][ceil(K/KC)][KC][NB]   (transposed within a block, zero padded)
 * with MB * KC = 16384 and NB * KC at most 16384 floats; the block shape follows the layer (a
 * narrow layer gets narrow blocks, so little padding is multiplied). The shader declares the
 * windows for any KC (blockWindowFloats) and takes KC as a uniform (kc4), so one pipeline
 * serves every KC (windowSlack pads the operands whose blocks are smaller). One dispatch
 * computes an MB x NB output tile over P k-blocks (P pairs of windows bound); K beyond P
 * blocks takes further passes that accumulate. Workgroups split the tile's rows (TM per
 * thread, uniform across lanes); lanes own TN vec4s of columns, NB / TN columns apart. On
 * llvmpipe every load in the k loop (even one uniform across lanes) is a gather of 8 scalar
 * loads per component (~11 ns per vec4 per 8 lanes, against ~2 ns per vec4 FMA:
 * bench/RESULTS.md, 2026-12-02), so the rate follows loads per FMA: TM + 4 TN vec4 loads for
 * 4 TM TN vec4 FMAs per k4 step.
 * A convolution's output (stored transposed) can end in the scale-aware gate (conv2d's
 * epilogue): its two small maps are read through uniform windows too, laid out per column
 * block as [ceil(N/NB)][GP][NB] (GP = gh * gw padded to vec4s), so a lane's 4 channels at a
 * tap are one vec4 and each row's taps are computed once. Read from storage, the gate's 8
 * loads per output cost 3-4x the whole 1x1 convolution; this way, nothing measurable.
 */
import type { WeightDtype } from '../runtime/graph.js';
import { defineKernel, type KernelBinding } from '../runtime/kernel.js';
import { blockedIndexFn, blockedWeightLoads, blockWindowFloats, UNIFORM_WINDOW_FLOATS } from './layouts.js';
import { activationFn, activationSwitchFn, gateEpilogue, LINEAR_TAP, weightBindingType } from './wgsl-helpers.js';

export const matmulBlocked = defineKernel({
  name: 'matmul-blocked',
  // P pairs of 64 KiB uniform windows (a_p: a block of A, w_p: a block of W), then storage.
  bindings: (c) => [
    ...[...Array(c.P).keys()].flatMap((p): KernelBinding[] => [
      { name: `a${p}`, uniform: UNIFORM_WINDOW_FLOATS / 4 },
      { name: `w${p}`, uniform: blockWindowFloats(c.NB) / (c.wdt === 'f16' ? 8 : 4), type: weightBindingType(c.wdt) },
    ]),
    { name: 'bias', optional: true },
    { name: 'residual', optional: true },
    // The gate maps of the tile's NB channels, [GP][NB] (laid out by block-rows).
    ...(c.GP ? [{ name: 'gate_mul', uniform: (c.NB * c.GP) / 4 }, { name: 'gate_add', uniform: (c.NB * c.GP) / 4 }] : []),
    { name: 'out', output: true },
  ],
  // kc4 = KC / 4 as a uniform: a constant trip count lets LLVM unroll the k loop completely,
  // which multiplies llvmpipe's first-use compile time for no measurable gain; it is also A's
  // row pitch in its window (MB = 16384 / KC rows).
  // out_t stores the product transposed (out [N, M], ldo = M): the channel-first output of a
  // convolution lowered to im2col rows x weight^T (lowering/blocked-conv.ts).
  // h, w, gh, gw: the gate epilogue's output and gate-map sizes (conv2d's gateEpilogue).
  // o_off: where this dispatch's output matrix starts (one matrix of a batched product).
  // pitch > 0: rows m are pixels of a grid `pitch` wide of which the first w columns are
  // stored, compacted (an implicit-GEMM convolution computes on its padded input's grid).
  uniforms: {
    M: 'u32', N: 'u32', ldo: 'u32', out_t: 'u32', m0: 'u32', n0: 'u32', first: 'u32', last: 'u32', alpha: 'f32', kc4: 'u32',
    h: 'u32', w: 'u32', gh: 'u32', gw: 'u32', pitch: 'u32', o_off: 'u32', act: 'u32', out_kc_log2: 'u32',
  },
  // Which activation (act: an index into ACTIVATIONS) is a uniform: each constant multiplies the
  // pipelines to compile. `activated` only says whether there is one: the switch costs llvmpipe
  // ~10% CPU on a K = 128 layer (Swin qkv, measured), so the layers without one skip it.
  // bias, residual and passes > 1 (read back the partial sums) are constants: llvmpipe runs
  // both sides of a branch under a lane mask, so a uniform flag still paid a per-lane storage
  // load per output for each of them (Swin's K = 128 layers spent ~40% of their time in the
  // epilogue, bench/RESULTS.md 2026-12-02).
  // GP > 0: the scale-aware gate epilogue of a transposed (convolution) output, its maps read
  // through two more uniform windows of NB channels x GP floats.
  // TN: vec4s of columns per lane (lanes = NB / (4 TN)); each W load then feeds TM rows and each A load TN vec4s.
  // wdt: how W blocks are stored (f16: packBlockedF16's layout, half the window).
  // blockedOut: out [M, N] is stored as the next product's A blocks (layouts.ts; their shape
  // the uniform out_kc_log2) instead of row-major, so no block-rows pass lays it out
  // (lowering/fuse-block-rows.ts).
  constants: { NB: 128, TM: 16, TN: 1, P: 1, GP: 0, activated: false, bias: false, residual: false, passes: false, wdt: 'f32' as WeightDtype, blockedOut: false },
  wgsl: (c) => {
    const NB4 = c.NB / 4;
    const LANES = NB4 / c.TN;
    const rows = [...Array(c.TM).keys()];
    const cols = [...Array(c.TN).keys()];
    const pairs = [...Array(c.P).keys()];
    const acc = (i: number, j: number) => `acc${i}_${j}`;
    const step = (p: number) => /* wgsl */ `
  for (var k4 = 0u; k4 < params.kc4; k4++) {
${cols.map((j) => blockedWeightLoads(`w${p}`, c.wdt, c.NB, 'k4', j ? `col4 + ${j * LANES}u` : 'col4', `w${j}_`)).join('\n')}
${rows.map((i) => `    { let a = a${p}[(r0 + ${i}u) * params.kc4 + k4];${cols.map((j) => ` ${acc(i, j)} = fma(vec4(a.x), w${j}_0, fma(vec4(a.y), w${j}_1, fma(vec4(a.z), w${j}_2, fma(vec4(a.w), w${j}_3, ${acc(i, j)}))));`).join('')} }`).join('\n')}
  }`;
    return /* wgsl */ `
// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][${c.NB} cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)
${c.GP ? `// gate_mul, gate_add: [${c.GP} (gh * gw used)][${c.NB} channels]; out [N, M] with M = h * w pixels` : ''}
${c.activated ? activationSwitchFn('params.act') : activationFn('none')}
${c.GP ? LINEAR_TAP + gateEpilogue('vec4<f32>', '0u', (map, i) => `${map}[(${i}) * ${NB4}u + m]`) : ''}${c.blockedOut ? blockedIndexFn() : ''}
fn store(m: u32, n: u32, s: f32${c.GP ? ', gm: f32, ga: f32' : ''}) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  ${c.blockedOut ? 'let o = blocked_index(mo, n, blocked_k_count(params.N));' : 'let o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);'}
  var v = s * params.alpha;
  ${c.passes ? 'if (params.first == 0u) { v += out[o]; }' : ''}
  ${c.passes ? 'if (params.last != 0u) {' : '{'}
    ${c.bias ? 'v += bias[n];' : ''}
    v = activate(v);
    ${c.GP ? 'v = v * gm + ga;' : ''}
    ${c.residual ? 'v += residual[o];' : ''}
  }
  out[o] = v;
}

@compute @workgroup_size(${LANES}, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let col4 = lid.x;
  let r0 = wg.y * ${c.TM}u;
${rows.flatMap((i) => cols.map((j) => `  var ${acc(i, j)} = vec4<f32>();`)).join('\n')}
${pairs.map(step).join('\n')}
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  let accs = array<vec4<f32>, ${c.TM * c.TN}>(${rows.flatMap((i) => cols.map((j) => acc(i, j))).join(', ')});
  for (var i = 0u; i < ${c.TM}u; i++) {
    let m = params.m0 + r0 + i;
${c.GP ? '    let t = gate_taps(m);\n' : ''}    for (var j = 0u; j < ${c.TN}u; j++) {
      let c4 = col4 + j * ${LANES}u;
      let n = params.n0 + 4u * c4;
      let s = accs[i * ${c.TN}u + j];
${c.GP ? `      let gm = gate_mul_at(c4, t.y, t.x);
      let ga = gate_add_at(c4, t.y, t.x);
      for (var q = 0u; q < 4u; q++) { store(m, n + q, s[q], gm[q], ga[q]); }` : '      for (var q = 0u; q < 4u; q++) { store(m, n + q, s[q]); }'}
    }
  }
}
`;
  },
  // Only the rows of the tile that exist: the last tile of a 66-row BERT batch has 2 of 64.
  workgroups: (u, c) => [1, Math.ceil(Math.min(UNIFORM_WINDOW_FLOATS / (4 * u.kc4), u.M - u.m0) / c.TM), 1],
});

