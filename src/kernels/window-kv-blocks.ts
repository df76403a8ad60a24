/**
 * Lays out what window-attention-blocked reads inside its key loops in 64 KiB uniform-window
 * blocks (on llvmpipe a storage load in a loop costs ~8x a uniform load; bench/RESULTS.md):
 * the bias columns, then K and V of J windows of a head per group (layouts.ts, windowKvLayout;
 * N = w^2 positions of the rolled, padded grid, D = head dim). Positions follow window-attention's
 * index arithmetic: padding positions take the qkv bias. Padding floats are left unwritten
 * (no window binds them), as are the slots of a head's last group past its last window.
 * One thread per vec4: each qkv value is loaded once, against N reads of it in the attention.
 */
import { defineKernel } from '../runtime/kernel.js';
import { windowKvIndexFn } from './layouts.js';

const WG = 64;

export const windowKvBlocks = defineKernel({
  name: 'window-kv-blocks',
  bindings: [
    { name: 'qkv', type: 'vec4<f32>' },
    { name: 'qkv_bias', type: 'vec4<f32>' },
    { name: 'table' },
    { name: 'out', output: true, type: 'vec4<f32>' },
  ],
  // ts4: TS / 4; part4: vec4s of one K or V part; group_wins: J; groups: ceil(windows / J).
  uniforms: {
    H: 'u32', W: 'u32', C: 'u32', heads: 'u32', Hp: 'u32', Wp: 'u32', win_cols: 'u32', windows: 'u32',
    ts4: 'u32', part4: 'u32', group_wins: 'u32', groups: 'u32',
  },
  constants: { window: 12, headDim: 32, shift: 0 },
  wgsl: (c) => {
    const w = c.window;
    const d4 = c.headDim / 4;
    const span2 = (2 * w - 1) ** 2;
    return /* wgsl */ `
// qkv: [H*W, 3C], qkv_bias: [3C], table: [${span2}, heads] -> out: [heads][ts4] (bias columns),
// then [heads * groups][2][part4] vec4 (K, V: [group_wins][${w * w}][${d4}] each)
const N = ${w * w}u;
const D4 = ${d4}u;
${windowKvIndexFn(w, c.headDim)}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  // Row wg.y: one (head, window) job, head-major; the rows after them: the bias columns.
  let r = wg.x * ${WG}u + li;
  let job = wg.y;
  let jobs = params.heads * params.windows;
  if (job >= jobs) {
    let i = (job - jobs) * 2u * N * D4 + r;
    if (r >= 2u * N * D4 || i >= params.heads * params.ts4) { return; }
    let head = i / params.ts4;
    let k0 = (i % params.ts4) * 4u;
    var v = vec4<f32>();
    for (var k = 0u; k < 4u; k++) {
      if (k0 + k < ${span2}u) { v[k] = table[(k0 + k) * params.heads + head]; }
    }
    out[i] = v;
    return;
  }
  if (r >= 2u * N * D4) { return; }
  let head = job / params.windows;
  let win = job % params.windows;
  let part = r / (N * D4); // 0: K, 1: V
  let t = (r % (N * D4)) / D4;
  let e = r % D4;
  let at = kv_index(head, win, part, t, e);
  // Rolled position: y + shift < 2 Hp, so a conditional subtraction replaces % Hp.
  var py = (win / params.win_cols) * ${w}u + t / ${w}u + ${c.shift}u;
  var px = (win % params.win_cols) * ${w}u + t % ${w}u + ${c.shift}u;
  if (py >= params.Hp) { py -= params.Hp; }
  if (px >= params.Wp) { px -= params.Wp; }
  let c4 = params.C / 4u;
  let col = (1u + part) * c4 + head * D4 + e;
  if (py < params.H && px < params.W) {
    out[at] = qkv[(py * params.W + px) * 3u * c4 + col];
  } else {
    out[at] = qkv_bias[col];
  }
}
`;
  },
  // One row of workgroups per job (2 N D4 threads), then rows for the bias columns.
  workgroups: (u, c) => {
    const row = (2 * c.window * c.window * c.headDim) / 4;
    return [Math.ceil(row / WG), u.heads * u.windows + Math.ceil((u.heads * u.ts4) / row), 1];
  },
});
