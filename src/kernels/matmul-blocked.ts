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
import type { WeightDtype } from '../runtime/graph.js';
import { defineKernel, type KernelBinding } from '../runtime/kernel.js';
import { blockedWeightLoads } from './layouts.js';
import { activationFn, activationSwitchFn, gateEpilogue, LINEAR_TAP, weightBindingType } from './wgsl-helpers.js';

export const matmulBlocked = defineKernel({
  name: 'matmul-blocked',
  // P pairs of 64 KiB uniform windows (a_p: a block of A, w_p: a block of W), then storage.
  bindings: (c) => [
    ...[...Array(c.P).keys()].flatMap((p): KernelBinding[] => [
      { name: `a${p}`, uniform: (c.MB * c.KC) / 4 },
      { name: `w${p}`, uniform: (c.NB * c.KC) / (c.wdt === 'f16' ? 8 : 4), type: weightBindingType(c.wdt) },
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
  // convolution lowered to im2col rows x weight^T (lowering/blocked-conv.ts).
  // h, w, gh, gw: the gate epilogue's output and gate-map sizes (conv2d's gateEpilogue).
  // o_off: where this dispatch's output matrix starts (one matrix of a batched product).
  // pitch > 0: rows m are pixels of a grid `pitch` wide of which the first w columns are
  // stored, compacted (an implicit-GEMM convolution computes on its padded input's grid).
  uniforms: {
    M: 'u32', N: 'u32', ldo: 'u32', out_t: 'u32', m0: 'u32', n0: 'u32', first: 'u32', last: 'u32', alpha: 'f32', kc4: 'u32', has_bias: 'u32', has_residual: 'u32',
    h: 'u32', w: 'u32', gh: 'u32', gw: 'u32', pitch: 'u32', o_off: 'u32', act: 'u32',
  },
  // bias, residual and which activation (act: an index into ACTIVATIONS) are uniforms, not
  // constants: they act once per output, and each constant multiplies the pipelines to compile.
  // `activated` only says whether there is one: the switch costs llvmpipe ~10% CPU on a K = 128
  // layer (Swin qkv, measured), so the layers without an activation (most FLOPs) skip it.
  // GP > 0: the scale-aware gate epilogue of a transposed (convolution) output, its maps read
  // through two more uniform windows of NB channels x GP floats.
  // wdt: how W blocks are stored (f16: packBlockedF16's layout, half the window).
  constants: { KC: 128, MB: 128, NB: 128, TM: 16, P: 1, GP: 0, activated: false, wdt: 'f32' as WeightDtype },
  wgsl: (c) => {
    const NB4 = c.NB / 4;
    const rows = [...Array(c.TM).keys()];
    const pairs = [...Array(c.P).keys()];
    const step = (p: number) => /* wgsl */ `
  for (var k4 = 0u; k4 < params.kc4; k4++) {
${blockedWeightLoads(`w${p}`, c.wdt, c.NB, 'k4', 'col4')}
${rows.map((i) => `    { let a = a${p}[(r0 + ${i}u) * ${c.KC / 4}u + k4]; acc${i} = fma(vec4(a.x), wk0, fma(vec4(a.y), wk1, fma(vec4(a.z), wk2, fma(vec4(a.w), wk3, acc${i})))); }`).join('\n')}
  }`;
    return /* wgsl */ `
// a_p: [${c.MB} rows][${c.KC}] block of A, w_p: [${c.KC}][${c.NB} cols] block of W^T -> out tile [M, N] (or [N, M]) at (m0, n0)
${c.GP ? `// gate_mul, gate_add: [${c.GP} (gh * gw used)][${c.NB} channels]; out [N, M] with M = h * w pixels` : ''}
${c.activated ? activationSwitchFn('params.act') : activationFn('none')}
${c.GP ? LINEAR_TAP + gateEpilogue('vec4<f32>', '0u', (map, i) => `${map}[(${i}) * ${NB4}u + m]`) : ''}
fn store(m: u32, n: u32, s: f32${c.GP ? ', gm: f32, ga: f32' : ''}) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  let o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
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
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  let accs = array<vec4<f32>, ${c.TM}>(${rows.map((i) => `acc${i}`).join(', ')});
  for (var i = 0u; i < ${c.TM}u; i++) {
    let m = params.m0 + r0 + i;
${c.GP ? `    let t = gate_taps(m);
    let gm = gate_mul_at(col4, t.y, t.x);
    let ga = gate_add_at(col4, t.y, t.x);
    for (var j = 0u; j < 4u; j++) { store(m, n + j, accs[i][j], gm[j], ga[j]); }` : '    for (var j = 0u; j < 4u; j++) { store(m, n + j, accs[i][j]); }'}
  }
}
`;
  },
  // Only the rows of the tile that exist: the last tile of a 66-row BERT batch has 2 of 64.
  workgroups: (u, c) => [1, Math.ceil(Math.min(c.MB, u.M - u.m0) / c.TM), 1],
});
