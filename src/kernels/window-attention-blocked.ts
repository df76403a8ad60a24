/**
 * Window attention for CPU adapters: window-attention.ts's math, with K, V and the
 * relative-position bias read through 64 KiB uniform windows inside the key loops (on
 * llvmpipe a storage or workgroup load in a loop costs ~220 ns per 8-lane iteration, a
 * uniform load ~27 ns; bench/RESULTS.md). window-kv-blocks first writes K and V of J
 * consecutive windows of a head contiguously; then one call runs one dispatch per such group,
 * binding its K, its V and the head's bias column as uniform windows.
 *
 * One thread per TQ = 6 queries of one window (workgroups: query chunks x the group's
 * windows), so every K and V load in the key loops has the same address in all lanes and
 * serves 6 queries (3 per thread: ~15% slower on llvmpipe; 9: no faster, slower to compile).
 * q comes from qkv once, before the loops. The softmax is online (running max, rescaled sum
 * and accumulator): the reference's two-pass form needs a per-query score array, as fast but
 * ~4x longer to compile on llvmpipe, or a second pass of dot products (~15% slower). Its
 * rounding differs from the reference's by ulps (test/kernels/window-attention.test.ts).
 */
import { FianetError } from '../errors.js';
import type { Graph, Tensor } from '../runtime/graph.js';
import { defineKernel, MAX_WORKGROUPS_PER_DIM } from '../runtime/kernel.js';
import { blockedIndexFn, UNIFORM_WINDOW_FLOATS, windowBiasFloats, windowKvLayout, windowKvWindows } from './layouts.js';
import { LOWEST_F32, swinRegionFn } from './wgsl-helpers.js';
import { windowKvBlocks } from './window-kv-blocks.js';
import { checkWindowAttention, windowAttentionFlops, type WindowAttentionArgs } from './window-attention.js';

export const windowAttentionBlocked = defineKernel({
  name: 'window-attention-blocked',
  bindings: (c) => [
    { name: 'qkv', type: 'vec4<f32>' },
    { name: 'qkv_bias', type: 'vec4<f32>' },
    { name: 'k', uniform: (c.J * c.window * c.window * c.headDim) / 4 },
    { name: 'v', uniform: (c.J * c.window * c.window * c.headDim) / 4 },
    { name: 'table', uniform: windowBiasFloats(c.window) / 4 },
    { name: 'out', output: true, type: 'vec4<f32>' },
  ],
  // win0: the group's first window (on the rolled, padded grid); count: its windows (<= J).
  // shift is a uniform, so a Swin stage's plain and shifted blocks share one pipeline (on
  // SwiftShader each costs 3-5 s of CPU to create); with shift 0 the mask never fires (a window's
  // tokens lie in one region) and costs nothing measurable on llvmpipe (bench/RESULTS.md).
  uniforms: { H: 'u32', W: 'u32', C: 'u32', Hp: 'u32', Wp: 'u32', win_cols: 'u32', win0: 'u32', count: 'u32', head: 'u32', scale: 'f32', shift: 'u32', out_kc_log2: 'u32' },
  // J: windows per dispatch; TQ queries per thread, WG threads per workgroup (one llvmpipe SIMD row).
  // blockedOut: out is stored as the projection's A blocks (layouts.ts; KC divides C; their
  // shape the uniform out_kc_log2), so no block-rows pass lays it out (lowering/fuse-block-rows.ts).
  constants: { window: 12, headDim: 32, J: 1, TQ: 6, WG: 8, blockedOut: false },
  wgsl: (c) => {
    const w = c.window;
    const n = w * w;
    const d4 = c.headDim / 4;
    const span = 2 * w - 1;
    // Loops over the thread's queries t and the head dim's vec4s e are written out: constant
    // indices keep q and acc in registers (SwiftShader runs the loop form ~3.6x slower).
    const each = (f: (t: number) => string) => [...Array(c.TQ).keys()].map(f).join('\n');
    const es = [...Array(d4).keys()];
    const query = (t: number) => `
  let i${t} = wg.x * ${c.WG * c.TQ}u + ${t * c.WG}u + lid;
  let qi${t} = min(i${t}, N - 1u) / ${w}u;
  let qj${t} = min(i${t}, N - 1u) % ${w}u;
  let py${t} = (y0 + qi${t} + params.shift) % params.Hp;
  let px${t} = (x0 + qj${t} + params.shift) % params.Wp;
  let real${t} = py${t} < params.H && px${t} < params.W;
  let tok${t} = py${t} * params.W + px${t};
  var q${t}: array<vec4<f32>, ${d4}>;
  if (real${t}) {
${es.map((e) => `    q${t}[${e}] = qkv[tok${t} * 3u * c4 + q_col + ${e}u] * params.scale;`).join('\n')}
  } else {
${es.map((e) => `    q${t}[${e}] = qkv_bias[q_col + ${e}u] * params.scale;`).join('\n')}
  }
  // (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1) = brow - boff
  let brow${t} = (qi${t} + ${w - 1}u) * ${span}u + qj${t} + ${w - 1}u;
  let qreg${t} = region(y0 + qi${t}, params.Hp) * 3u + region(x0 + qj${t}, params.Wp);
  var m${t} = ${LOWEST_F32};
  var sum${t} = 0.0;
  var acc${t}: array<vec4<f32>, ${d4}>;`;
    // Score of query t against key j, then the online softmax update: running max m; sum and
    // acc rescaled by exp(m_old - m_new), which is 1 unless the max grew.
    const update = (t: number) => `
      var s${t} = ${es.map((e) => `dot(q${t}[${e}], k${e})`).join(' + ')};
      s${t} += bias(brow${t} - boff);
      if (kreg != qreg${t}) { s${t} += -100.0; }
      let mn${t} = max(m${t}, s${t});
      let corr${t} = exp(m${t} - mn${t});
      let p${t} = exp(s${t} - mn${t});
      m${t} = mn${t};
      sum${t} = sum${t} * corr${t} + p${t};`;
    return /* wgsl */ `
// qkv: [H*W, 3C], qkv_bias: [3C], k, v: [${c.J}][${n}][${d4}] vec4 of windows win0.. of head head,
// table: bias column [(2w-1)^2] of head -> out: [H*W, C]${c.blockedOut ? ' in A blocks' : ''} (those windows' tokens, the head's columns)
${swinRegionFn(w, 'params.shift')}${c.blockedOut ? blockedIndexFn() : ''}
fn bias(i: u32) -> f32 { return table[i / 4u][i % 4u]; }
const N = ${n}u;
const D4 = ${d4}u;

@compute @workgroup_size(${c.WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) lid: u32) {
  if (wg.y >= params.count) { return; }
  let win = params.win0 + wg.y;
  let kb = wg.y * N * D4;
  let c4 = params.C / 4u;
  let y0 = (win / params.win_cols) * ${w}u;
  let x0 = (win % params.win_cols) * ${w}u;
  let q_col = params.head * D4;
${each(query)}
  for (var ki = 0u; ki < ${w}u; ki++) {
    let kreg_row = region(y0 + ki, params.Hp) * 3u;
    for (var kj = 0u; kj < ${w}u; kj++) {
      let j = ki * ${w}u + kj;
      let boff = ki * ${span}u + kj;
      let kreg = kreg_row + region(x0 + kj, params.Wp);
${es.map((e) => `      let k${e} = k[kb + j * D4 + ${e}u];`).join('\n')}
${each(update)}
${es.map((e) => `      let v${e} = v[kb + j * D4 + ${e}u];\n${each((t) => `      acc${t}[${e}] = acc${t}[${e}] * corr${t} + p${t} * v${e};`)}`).join('\n')}
    }
  }
${each((t) => `
  if (i${t} < N && real${t}) {
    let inv = 1.0 / sum${t};
${es.map((e) => (c.blockedOut
    ? `    out[blocked_index(tok${t}, 4u * (q_col + ${e}u), blocked_k_count(params.C)) / 4u] = acc${t}[${e}] * inv;`
    : `    out[tok${t} * c4 + q_col + ${e}u] = acc${t}[${e}] * inv;`)).join('\n')}
  }`)}
}
`;
  },
  workgroups: (u, c) => [Math.ceil((c.window * c.window) / (c.WG * c.TQ)), u.count, 1],
});

/** window-attention's op through uniform-window blocks (see the file header); same arguments. */
export function windowAttentionBlockedOp(g: Graph, name: string, args: WindowAttentionArgs): Tensor {
  const where = g.name(name);
  const { qkv, qkvBias, table, params: { H, W, heads, window: w, shift } } = args;
  const { C, D, Hp, Wp } = checkWindowAttention(where, args);
  const n = w * w;
  if (n * D > UNIFORM_WINDOW_FLOATS) {
    throw new FianetError('bad-graph', `${where}: window ${w} with head dim ${D} needs ${n * D * 4} bytes of K per window and head, over a 64 KiB uniform window`);
  }
  const winCols = Wp / w;
  const windows = (Hp / w) * winCols;
  const layout = windowKvLayout(w, D, heads, windows);
  const { J, groups, TS, part } = layout;
  if (windows + 1 > MAX_WORKGROUPS_PER_DIM || heads > MAX_WORKGROUPS_PER_DIM) {
    throw new FianetError('bad-graph', `${where}: ${heads} heads x ${windows} windows need ${heads} x ${windows + 1} window-kv-blocks workgroups, over the ${MAX_WORKGROUPS_PER_DIM} per dimension a dispatch allows`);
  }
  const blocks = g.activation(`${name}.kv`, [layout.size]);
  g.call(windowKvBlocks, `${name}.kv`, { args: { qkv, qkv_bias: qkvBias, table, out: blocks }, uniforms: {
    H, W, C, heads, Hp, Wp, win_cols: winCols, windows, ts4: TS / 4, part4: part / 4, groups,
  }, consts: { window: w, headDim: D, shift } });

  const out = g.activation(name, [H * W, C]);
  const base = { H, W, C, Hp, Wp, win_cols: winCols, scale: D ** -0.5, shift, out_kc_log2: 0 };
  const dispatches = [];
  for (let head = 0; head < heads; head++) {
    for (let group = 0; group < groups; group++) {
      dispatches.push({
        uniforms: { ...base, win0: group * J, count: Math.min(J, windows - group * J), head },
        windows: windowKvWindows(layout, heads, head, group),
      });
    }
  }
  g.call(windowAttentionBlocked, name, { args: { qkv, qkv_bias: qkvBias, k: blocks, v: blocks, table: blocks, out }, uniforms: dispatches[0].uniforms, consts: { window: w, headDim: D, J }, dispatches, flops: windowAttentionFlops(heads * windows, w, D) });
  return out;
}
