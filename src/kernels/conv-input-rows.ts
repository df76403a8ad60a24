/**
 * The input of a stride-1 'same' KS x KS convolution laid out once for an implicit GEMM
 * through uniform windows (lowering/blocked-conv.ts): the zero-padded input grid, (h + KS - 1) rows
 * of pitch = w + KS - 1 pixels, flattened to rows r = py * pitch + px, split into channel
 * blocks of KC:
 *   out[kb][r][k] = input(kb * KC + k, py - PAD, px - PAD), zero in the padding, past cin
 *                   and in the `rows - (h + KS - 1) * pitch` spare rows at the end.
 * With outputs computed on the same pitch (output m = y * pitch + x), tap (ky, kx) of output
 * m reads row m + ky * pitch + kx: for every tap and channel block, the A operand of an
 * MB-row output tile is MB consecutive rows, i.e. one contiguous window of this buffer. So a
 * convolution needs this 1x copy of its input instead of im2col's KS^2 copies.
 * The input is read exactly as conv2d reads it (readConvInput): a strided view A, bilinearly
 * upsampled (align_corners=true) when smaller than the output, concatenated with B.
 */
import type { Graph, Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import type { Conv2dArgs, ConvDims } from './conv2d.js';
import { LINEAR_TAP, LINEAR_WORKGROUP, readConvInput } from './wgsl-helpers.js';

const WG = 256;

export const convInputRows = defineKernel({
  name: 'conv-input-rows',
  bindings: [{ name: 'xa' }, { name: 'xb', optional: true }, { name: 'out', output: true }],
  uniforms: { h: 'u32', w: 'u32', ca: 'u32', ha: 'u32', wa: 'u32', a_off: 'u32', a_cs: 'u32', a_ps: 'u32', cb: 'u32', rows: 'u32', pitch: 'u32', n: 'u32' },
  constants: { KS: 3, upA: false, inB: false, KC: 128 },
  wgsl: (c) => /* wgsl */ `
// xa: view of [ca, ha, wa], xb: [cb, h, w] -> out: [KB][rows][${c.KC}] (padded grid rows, channel blocks)
${c.upA ? LINEAR_TAP : ''}
${LINEAR_WORKGROUP}
const PAD = ${((c.KS as number) - 1) / 2};
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (i >= params.n) { return; }
  let k = i % ${c.KC}u;
  let r = (i / ${c.KC}u) % params.rows;
  let ci = (i / ${c.KC}u / params.rows) * ${c.KC}u + k;
  let hw = params.h * params.w;
  let yy = i32(r / params.pitch) - PAD;
  let xx = i32(r % params.pitch) - PAD;
  var v = 0.0;
  if (ci < params.ca + params.cb && yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
    let sy = u32(yy);
    let sx = u32(xx);
    ${readConvInput(c.upA as boolean, c.inB as boolean)}
  }
  out[i] = v;
}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});

/** The layout's geometry: rows of the padded grid (plus spare rows so every tap's window stays inside). */
export interface ConvRowsLayout {
  KC: number;
  KB: number;
  pitch: number;
  rows: number;
}

/** out [KB * rows * KC] for a convolution whose arguments lowering/blocked-conv has checked (`dims`). */
export function convInputRowsOp(g: Graph, name: string, args: Conv2dArgs, dims: ConvDims, layout: ConvRowsLayout): Tensor {
  const { a, b } = args;
  const { KC, KB, pitch, rows } = layout;
  const n = KB * rows * KC;
  const out = g.activation(name, [n]);
  const uniforms = {
    h: dims.h, w: dims.w, ca: a.channels, ha: dims.ha, wa: dims.wa, a_off: a.offset, a_cs: a.cstride, a_ps: a.pstride, cb: dims.cb, rows, pitch, n,
  };
  g.call(convInputRows, name, { args: { xa: a.tensor, xb: b, out }, uniforms, consts: { KS: dims.ks, upA: dims.ha !== dims.h || dims.wa !== dims.w, inB: !!b, KC } });
  return out;
}
