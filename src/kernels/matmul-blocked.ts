/**
 * Linear layers for CPU adapters: out = act(alpha * A W^T + bias) + residual with both
 * operands read from **uniform buffers**. On Mesa llvmpipe (22.x) every storage-buffer or
 * workgroup-memory load inside a loop takes a per-lane, bounds-checked slow path (~220 ns per
 * 8-lane vec4 load, measured), while uniform-buffer loads are ~10x cheaper; the FMA units
 * then do the work (bench/RESULTS.md). Uniform bindings hold at most 64 KiB, so A and W are
 * first laid out in blocks (`block-rows`, and W once at load time):
 *   A [M, K]  -> Ab [ceil(M/MB)][ceil(K/KC)][MB][KC]   (zero padded)
 *   W [N, K]  -> Wb [ceil(N/NB)][ceil(K/KC)][KC][NB]   (transposed within a block, zero padded)
 * with MB * KC = 16384 and NB * KC at most 16384 floats; the block shape follows the layer (NB
 * 64 to 256, powers of two: lowering/blocked-matmul.ts, blockCols). The shader declares the
 * windows for any KC (blockWindowFloats) and takes KC as a uniform (kc4), so one pipeline
 * serves every KC (windowSlack pads the operands whose blocks are smaller). One dispatch
 * computes an MB x Q NB output tile (Q column blocks) over P k-blocks (P windows of A, P Q of
 * W bound); K beyond P blocks takes further passes that accumulate. Workgroups split the
 * tile's rows (TM per thread, uniform across lanes); lanes own TN vec4s of columns in each
 * column block, NB / TN columns apart. On llvmpipe every load in the k loop (even one uniform
 * across lanes) is a gather of 8 scalar loads per component (~11 ns per vec4 per 8 lanes,
 * against ~2 ns per vec4 FMA: bench/RESULTS.md, 2026-12-02), so the rate follows loads per FMA:
 * TM + 4 TN Q vec4 loads for 4 TM TN Q vec4 FMAs per k4 step (Q = 2 gives a lane more columns
 * than one window of KC = 256 holds: lowering/blocked-matmul.ts, dispatchBlocks). The epilogue
 * works on a vec4 of outputs at a time (bias, activation, gate, residual, one output index), so
 * what it does is chosen by uniforms at little cost per output (see the constants below).
 * A convolution's output (stored transposed) can end in the scale-aware gate (conv2d's
 * epilogue): its two small maps are read through uniform windows too, laid out per column
 * block as [ceil(N/NB)][GP][NB] (GP = gh * gw padded to vec4s), so a lane's 4 channels at a
 * tap are one vec4 and each row's taps are computed once. Read from storage, the gate's 8
 * loads per output cost 3-4x the whole 1x1 convolution; this way, nothing measurable.
 */
import type { WeightDtype } from '../runtime/graph.js';
import { defineKernel, type KernelBinding } from '../runtime/kernel.js';
import { blockedIndexFn, blockedWeightLoads, blockWindowFloats, UNIFORM_WINDOW_FLOATS } from './layouts.js';
import { activationSwitchFn, gateEpilogue, LINEAR_TAP, weightBindingType } from './wgsl-helpers.js';

/** Lanes of a matmul-blocked workgroup: a column block's NB / 4 vec4s, TN to a lane. */
export const matmulBlockedLanes = (NB: number, TN: number): number => NB / 4 / TN;

export const matmulBlocked = defineKernel({
  name: 'matmul-blocked',
  // P pairs of 64 KiB uniform windows (a_p: a block of A, w_p: a block of W), then storage.
  // With Q column blocks per dispatch, k-block p has Q W windows: w_(pQ + q) holds column block q.
  bindings: (c) => [
    ...[...Array(c.P).keys()].flatMap((p): KernelBinding[] => [
      { name: `a${p}`, uniform: UNIFORM_WINDOW_FLOATS / 4 },
      ...[...Array(c.Q).keys()].map((q) => ({ name: `w${p * c.Q + q}`, uniform: blockWindowFloats(c.NB) / (c.wdt === 'f16' ? 8 : 4), type: weightBindingType(c.wdt) })),
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
  // has_bias: whether bias is bound (its 4 TN values per lane are loaded once, before the rows).
  // out_kc_log2 > 0: out [M, N] is stored as the next product's A blocks of KC = 2^out_kc_log2
  // (layouts.ts) instead of row-major, so no block-rows pass lays it out
  // (lowering/fuse-block-rows.ts).
  uniforms: {
    M: 'u32', N: 'u32', ldo: 'u32', out_t: 'u32', m0: 'u32', n0: 'u32', first: 'u32', last: 'u32', alpha: 'f32', kc4: 'u32',
    h: 'u32', w: 'u32', gh: 'u32', gw: 'u32', pitch: 'u32', o_off: 'u32', act: 'u32', out_kc_log2: 'u32', has_bias: 'u32',
  },
  // Each constant multiplies the pipelines to compile (SwiftShader at creation, llvmpipe at first
  // use: ~0.1-0.9 s and ~0.5-2 s of CPU per variant, bench/RESULTS.md 2026-12-02, pipes), so what
  // the epilogue does per vec4 of outputs is chosen by uniforms: which activation (act, an index
  // into ACTIVATIONS), whether there is a bias, where the output goes (out_t, out_kc_log2).
  // `activated` only says whether there is an activation: llvmpipe evaluates every case of the
  // switch under a lane mask (~10% CPU on a K = 128 layer, Swin qkv, measured before the epilogue
  // took vec4s), so the layers without one skip it.
  // residual and passes > 1 (read back the partial sums) stay constants: they are a storage load
  // per output, which llvmpipe pays under a lane mask even when a uniform flag skips it (Swin's
  // K = 128 layers spent ~40% of their time in the epilogue, bench/RESULTS.md 2026-12-02).
  // GP > 0: the scale-aware gate epilogue of a transposed (convolution) output, its maps read
  // through two more uniform windows of NB channels x GP floats.
  // TN: vec4s of columns per lane in each column block (lanes = NB / (4 TN)); each W load then feeds TM rows and each A load TN Q vec4s.
  // Q: column blocks per dispatch (NB wide each, from n0), each lane owning the same TN vec4s of
  // every block: no branch on the workgroup id, which llvmpipe would run both sides of. GP needs
  // Q = 1 (the gate maps are one window per column block).
  // wdt: how W blocks are stored (f16: packBlockedF16's layout, half the window).
  // SG > 0: A's rows are the same for every lane, and on SwiftShader a vec4 load costs each lane
  // as much as ~16 vec4 FMAs whatever the address (a broadcast ~4 ns, bench/RESULTS.md
  // 2026-12-02, swsh), so each lane of a subgroup of SG loads every SG-th row and
  // subgroupBroadcast hands them round: ceil(TM / SG) loads per k4 step instead of TM. Needs
  // subgroups of exactly SG lanes and workgroups of whole subgroups (Target.subgroupSize).
  constants: { NB: 128, TM: 16, TN: 1, Q: 1, P: 1, GP: 0, activated: false, residual: false, passes: false, wdt: 'f32' as WeightDtype, SG: 0 },
  enables: (c) => (c.SG ? ['subgroups'] : []),
  wgsl: (c) => {
    const NB4 = c.NB / 4;
    const LANES = matmulBlockedLanes(c.NB, c.TN);
    const rows = [...Array(c.TM).keys()];
    // A lane's vec4s of columns: vec4 j of column block q is cols[q TN + j].
    const cols = [...Array(c.Q * c.TN).keys()];
    const pairs = [...Array(c.P).keys()];
    const acc = (i: number, j: number) => `acc${i}_${j}`;
    const aRow = (p: number, row: string) => `a${p}[(r0 + ${row}) * params.kc4 + k4]`;
    // Row q * SG + sg_lane of the tile (the last one clamped where SG does not divide TM: those lanes load a row again, unused).
    const shared = [...Array(c.SG ? Math.ceil(c.TM / c.SG) : 0).keys()];
    const sharedRow = (q: number) => ((q + 1) * c.SG <= c.TM ? (q ? `${q * c.SG}u + sg_lane` : 'sg_lane') : `min(${q * c.SG}u + sg_lane, ${c.TM - 1}u)`);
    const aOf = (p: number, i: number) => (c.SG ? `subgroupBroadcast(a_${Math.floor(i / c.SG)}, ${i % c.SG}u)` : aRow(p, `${i}u`));
    // The broadcasts sit in the k loop's uniform control flow (kc4 is a uniform), as WGSL requires.
    const step = (p: number) => /* wgsl */ `
  for (var k4 = 0u; k4 < params.kc4; k4++) {
${cols.map((j) => blockedWeightLoads(`w${p * c.Q + Math.floor(j / c.TN)}`, c.wdt, c.NB, 'k4', j % c.TN ? `col4 + ${(j % c.TN) * LANES}u` : 'col4', `w${j}_`)).join('\n')}
${shared.map((q) => `    let a_${q} = ${aRow(p, sharedRow(q))};\n`).join('')}${rows.map((i) => `    { let a = ${aOf(p, i)};${cols.map((j) => ` ${acc(i, j)} = fma(vec4(a.x), w${j}_0, fma(vec4(a.y), w${j}_1, fma(vec4(a.z), w${j}_2, fma(vec4(a.w), w${j}_3, ${acc(i, j)}))));`).join('')} }`).join('\n')}
  }`;
    return /* wgsl */ `
// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][${c.NB} cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)
${c.GP ? `// gate_mul, gate_add: [${c.GP} (gh * gw used)][${c.NB} channels]; out [N, M] with M = h * w pixels` : ''}
${c.activated ? activationSwitchFn('params.act', 'vec4<f32>') : 'fn activate(x: vec4<f32>) -> vec4<f32> { return x; }'}
${c.GP ? LINEAR_TAP + gateEpilogue('vec4<f32>', '0u', (map, i) => `${map}[(${i}) * ${NB4}u + m]`) : ''}${blockedIndexFn()}
// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>${c.GP ? ', gm: vec4<f32>, ga: vec4<f32>' : ''}) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  ${c.passes ? 'if (params.first == 0u) { for (var q = 0u; q < count; q++) { v[q] += out[o + q * step]; } }' : ''}
  ${c.passes ? 'if (params.last != 0u) {' : '{'}
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    ${c.GP ? 'v = v * gm + ga;' : ''}
    ${c.residual ? 'for (var q = 0u; q < count; q++) { v[q] += residual[o + q * step]; }' : ''}
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(${LANES}, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u${c.SG ? ', @builtin(subgroup_invocation_id) sg_lane: u32' : ''}) {
  let col4 = lid.x;
  let r0 = wg.y * ${c.TM}u;
${rows.flatMap((i) => cols.map((j) => `  var ${acc(i, j)} = vec4<f32>();`)).join('\n')}
${pairs.map(step).join('\n')}
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, ${c.TM * cols.length}>(${rows.flatMap((i) => cols.map((j) => acc(i, j))).join(', ')});
  let biases = array<vec4<f32>, ${cols.length}>(${cols.map((j) => `bias_at(params.n0 + ${Math.floor(j / c.TN) * c.NB}u + 4u * (col4 + ${(j % c.TN) * LANES}u))`).join(', ')});
  for (var i = 0u; i < ${c.TM}u; i++) {
    let m = params.m0 + r0 + i;
${c.GP ? '    let t = gate_taps(m);\n' : ''}    for (var j = 0u; j < ${cols.length}u; j++) {
      let c4 = col4 + (j % ${c.TN}u) * ${LANES}u;
      store4(m, params.n0 + (j / ${c.TN}u) * ${c.NB}u + 4u * c4, accs[i * ${cols.length}u + j], biases[j]${c.GP ? ', gate_mul_at(c4, t.y, t.x), gate_add_at(c4, t.y, t.x)' : ''});
    }
  }
}
`;
  },
  // Only the rows of the tile that exist: the last tile of a 66-row BERT batch has 2 of 64.
  workgroups: (u, c) => [1, Math.ceil(Math.min(UNIFORM_WINDOW_FLOATS / (4 * u.kc4), u.M - u.m0) / c.TM), 1],
});

