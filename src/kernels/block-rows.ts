/**
 * Lays a row-major [M, K] activation out in blocks of MB x KC (at most 64 KiB) for
 * `matmul-blocked`: out[mb][kb][r][k] = x[mb * MB + r, kb * KC + k], zero outside x.
 * One thread per output float; the loads take llvmpipe's slow per-lane path once per
 * element, against K reads of every element in the matmul itself.
 */
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { LINEAR_WORKGROUP } from './wgsl-helpers.js';

const WG = 256;

/** Floats in one 64 KiB uniform window (the uniform binding limit on llvmpipe). */
export const WINDOW_FLOATS = 16384;

export const blockRows = defineKernel({
  name: 'block-rows',
  bindings: [{ name: 'x' }, { name: 'out', output: true }],
  uniforms: { M: 'u32', K: 'u32', KB: 'u32', n: 'u32' },
  constants: { KC: 128, MB: 128 },
  wgsl: (c) => /* wgsl */ `
// x: [M, K] -> out: [ceil(M/${c.MB})][KB][${c.MB}][${c.KC}]
${LINEAR_WORKGROUP}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (i >= params.n) { return; }
  let k = i % ${c.KC}u;
  let r = (i / ${c.KC}u) % ${c.MB}u;
  let block = i / ${c.MB * c.KC}u;
  let m = (block / params.KB) * ${c.MB}u + r;
  let kk = (block % params.KB) * ${c.KC}u + k;
  var v = 0.0;
  if (m < params.M && kk < params.K) { v = x[m * params.K + kk]; }
  out[i] = v;
}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});
