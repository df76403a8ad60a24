/**
 * Lays a matrix X [M, K] out in blocks of MB x KC (at most 64 KiB) for `matmul-blocked`:
 *   rowsInner false (an A operand):   out[mb][kb][r][k] = X[mb * MB + r, kb * KC + k]
 *   rowsInner true  (a W^T operand):  out[mb][kb][k][r] = X[mb * MB + r, kb * KC + k]
 * zero outside X. X(m, k) is read at off + m * ldm + k * ldk, so a row-major activation
 * (ldm = K, ldk = 1), a transposed view (ldm = 1, ldk = rows) or a column slice all work:
 * attention's keys and values become matmul-blocked's W operand without a copy of their own.
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
  uniforms: { M: 'u32', K: 'u32', KB: 'u32', n: 'u32', off: 'u32', ldm: 'u32', ldk: 'u32' },
  constants: { KC: 128, MB: 128, rowsInner: false },
  wgsl: (c) => /* wgsl */ `
// x viewed as [M, K] -> out: [ceil(M/${c.MB})][KB] blocks of ${c.rowsInner ? `[${c.KC}][${c.MB}]` : `[${c.MB}][${c.KC}]`}
${LINEAR_WORKGROUP}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (i >= params.n) { return; }
  ${c.rowsInner ? `let r = i % ${c.MB}u;\n  let k = (i / ${c.MB}u) % ${c.KC}u;` : `let k = i % ${c.KC}u;\n  let r = (i / ${c.KC}u) % ${c.MB}u;`}
  let block = i / ${(c.MB as number) * (c.KC as number)}u;
  let m = (block / params.KB) * ${c.MB}u + r;
  let kk = (block % params.KB) * ${c.KC}u + k;
  var v = 0.0;
  if (m < params.M && kk < params.K) { v = x[params.off + m * params.ldm + kk * params.ldk]; }
  out[i] = v;
}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});
