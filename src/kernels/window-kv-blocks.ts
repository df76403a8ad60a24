/**
 * Lays out what window-attention-blocked reads inside its key loops in 64 KiB uniform-window
 * blocks (on llvmpipe a storage load in a loop costs ~8x a uniform load; bench/RESULTS.md):
 * the bias columns, then K and V of J windows of a head per group (layouts.ts, windowKvLayout;
 * N = w^2 positions of the rolled, padded grid, D = head dim). Positions follow window-attention's
 * index arithmetic: padding positions take the qkv bias. Padding floats are left unwritten
 * (no window binds them), as are the slots of a head's last group past its last window.
 * One thread per position of a window and head copies its K and V (2 D / 4 vec4s): the index
 * arithmetic, and the branches CPU adapters run under a lane mask whichever way they go, are
 * paid once per 2 D / 4 vec4s instead of once per vec4 (~3x less CPU on llvmpipe, ~2x on
 * SwiftShader; bench/RESULTS.md, "Window attention ... (winattn)").
 */
import { defineKernel } from '../runtime/kernel.js';
import { windowKvIndexFn, windowKvLayout } from './layouts.js';

// 16 divides N = w^2 at windows 12, 8 and 4: no lanes idle at the end of a window's row.
const WG = 16;

export const windowKvBlocks = defineKernel({
  name: 'window-kv-blocks',
  bindings: [
    { name: 'qkv', type: 'vec4<f32>' },
    { name: 'qkv_bias', type: 'vec4<f32>' },
    { name: 'table' },
    { name: 'out', output: true, type: 'vec4<f32>' },
  ],
  // ts4: TS / 4; part4: vec4s of one K or V part; groups: ceil(windows / J).
  uniforms: {
    H: 'u32', W: 'u32', C: 'u32', heads: 'u32', Hp: 'u32', Wp: 'u32', win_cols: 'u32', windows: 'u32',
    ts4: 'u32', part4: 'u32', groups: 'u32',
  },
  constants: { window: 12, headDim: 32, shift: 0 },
  wgsl: (c) => {
    const w = c.window;
    const d4 = c.headDim / 4;
    const span2 = (2 * w - 1) ** 2;
    return /* wgsl */ `
// qkv: [H*W, 3C], qkv_bias: [3C], table: [${span2}, heads] -> out: [heads][ts4] (bias columns),
// then [heads * groups][2][part4] vec4 (K, V: [${windowKvLayout(w, c.headDim, 1, 1).J}][${w * w}][${d4}] each)
const N = ${w * w}u;
const D4 = ${d4}u;
${windowKvIndexFn(w, c.headDim)}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  // x: positions t of window wg.y of head wg.z; the row after the windows: the head's bias column.
  let t = wg.x * ${WG}u + li;
  let win = wg.y;
  let head = wg.z;
  if (win == params.windows) {
    if (t >= params.ts4) { return; }
    let k0 = t * 4u;
    var b = vec4<f32>();
    for (var k = 0u; k < 4u; k++) {
      if (k0 + k < ${span2}u) { b[k] = table[(k0 + k) * params.heads + head]; }
    }
    out[head * params.ts4 + t] = b;
    return;
  }
  if (t >= N) { return; }
  // Rolled position: y + shift < 2 Hp, so a conditional subtraction replaces % Hp.
  var py = (win / params.win_cols) * ${w}u + t / ${w}u + ${c.shift}u;
  var px = (win % params.win_cols) * ${w}u + t % ${w}u + ${c.shift}u;
  if (py >= params.Hp) { py -= params.Hp; }
  if (px >= params.Wp) { px -= params.Wp; }
  let c4 = params.C / 4u;
  let col = c4 + head * D4;
  let at = kv_index(head, win, 0u, t, 0u);
  let real = py < params.H && px < params.W;
  let src = (py * params.W + px) * 3u * c4 + col;
  for (var e = 0u; e < D4; e++) {
    if (real) {
      out[at + e] = qkv[src + e];
      out[at + params.part4 + e] = qkv[src + c4 + e];
    } else {
      out[at + e] = qkv_bias[col + e];
      out[at + params.part4 + e] = qkv_bias[col + c4 + e];
    }
  }
}
`;
  },
  // One row of workgroups per window (its N positions) and head, and one more per head for its bias column.
  workgroups: (u, c) => [Math.ceil(Math.max(c.window * c.window, u.ts4) / WG), u.windows + 1, u.heads],
});
