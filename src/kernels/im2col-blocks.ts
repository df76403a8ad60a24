/**
 * The im2col matrix of a stride-1 'same' convolution, written directly in matmul-blocked's
 * block layout so the convolution becomes one uniform-window matmul on CPU adapters
 * (lowering/blocked-conv.ts; bench/RESULTS.md for why uniform windows):
 *   A[m, k] = input(ci, y + ky - PAD, x + kx - PAD),  m = y * W + x,  k = ci * KS*KS + ky * KS + kx
 *   out = Ab [ceil(M/MB)][ceil(K/KC)][MB][KC], zero outside the image and past M or K.
 * The input is read exactly as conv2d reads it (readConvInput): a strided view A, bilinearly
 * upsampled (align_corners=true) when smaller than the output, concatenated with B.
 * Ab can exceed maxStorageBufferBindingSize (base480 conv1_2: 332 MB), so each dispatch writes
 * one storage window of at most 128 MiB (the WebGPU default limit, so every adapter has it).
 */
import type { Graph, Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import type { Conv2dArgs, ConvDims } from './conv2d.js';
import { blockedRowColFn, blockedSize, STORAGE_WINDOW_BYTES } from './layouts.js';
import { LINEAR_TAP, LINEAR_WORKGROUP, readConvInput } from './wgsl-helpers.js';

const WG = 256;

export const im2colBlocks = defineKernel({
  name: 'im2col-blocks',
  bindings: [{ name: 'xa' }, { name: 'xb', optional: true }, { name: 'out', output: true, window: STORAGE_WINDOW_BYTES }],
  // start: index in Ab of out[0] (this dispatch's window); n: values in the window.
  uniforms: { h: 'u32', w: 'u32', ca: 'u32', ha: 'u32', wa: 'u32', a_off: 'u32', a_cs: 'u32', a_ps: 'u32', cb: 'u32', KB: 'u32', start: 'u32', n: 'u32' },
  constants: { KS: 3, upA: false, inB: false, KC: 128, MB: 128 },
  wgsl: (c) => /* wgsl */ `
// xa: view of [ca, ha, wa], xb: [cb, h, w] -> out: window [start, start + n) of
// Ab [ceil(h*w / ${c.MB})][KB][${c.MB}][${c.KC}], K = (ca + cb) * ${c.KS * c.KS}
${c.upA ? LINEAR_TAP : ''}
${LINEAR_WORKGROUP}
${blockedRowColFn(c)}
const KS = ${c.KS}u;
const KK = ${c.KS * c.KS}u;
const PAD = ${(c.KS - 1) / 2};
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (i >= params.n) { return; }
  let rc = blocked_rc(params.start + i, params.KB);
  let m = rc.x;
  let k = rc.y;
  let hw = params.h * params.w;
  var v = 0.0;
  if (m < hw && k < (params.ca + params.cb) * KK) {
    let ci = k / KK;
    let t = k % KK;
    let yy = i32(m / params.w) + i32(t / KS) - PAD;
    let xx = i32(m % params.w) + i32(t % KS) - PAD;
    if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
      let sy = u32(yy);
      let sx = u32(xx);
      ${readConvInput(c.upA, c.inB)}
    }
  }
  out[i] = v;
}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});

/**
 * Ab [ceil(M/MB) * ceil(K/KC) * MB * KC] for a convolution whose arguments lowering/blocked-conv
 * has checked (`dims`): one dispatch per storage window.
 */
export function im2colBlocksOp(g: Graph, name: string, args: Conv2dArgs, dims: ConvDims, block: { KC: number; MB: number }): Tensor {
  const { a, b } = args;
  const { KC, MB } = block;
  const M = dims.h * dims.w;
  const K = dims.cin * dims.ks * dims.ks;
  const KB = Math.ceil(K / KC);
  const total = blockedSize(M, K, block);
  const out = g.activation(name, [total]);
  const perWindow = STORAGE_WINDOW_BYTES / 4;
  const base = {
    h: dims.h, w: dims.w, ca: a.channels, ha: dims.ha, wa: dims.wa, a_off: a.offset, a_cs: a.cstride, a_ps: a.pstride, cb: dims.cb, KB,
  };
  const dispatches = [];
  for (let start = 0; start < total; start += perWindow) {
    dispatches.push({ uniforms: { ...base, start, n: Math.min(perWindow, total - start) }, windows: { out: start * 4 } });
  }
  const consts = { KS: dims.ks, upA: dims.ha !== dims.h || dims.wa !== dims.w, inB: !!b, KC, MB };
  g.call(im2colBlocks, name, { args: { xa: a.tensor, xb: b, out }, uniforms: dispatches[0].uniforms, consts, dispatches });
  return out;
}
