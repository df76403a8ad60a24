/**
 * Lays a batch of matrices X_z [M, K] out in blocks of MB x KC (at most 64 KiB) for `matmul-blocked`:
 *   rowsInner false (an A operand):   out[z][mb][kb][r][k] = X_z[mb * MB + r, kb * KC + k]
 *   rowsInner true  (a W^T operand):  out[z][mb][kb][k][r] = X_z[mb * MB + r, kb * KC + k]
 * zero outside X_z, except the rows past M of a matrix that fits one row block (M < MB), which are
 * not written at all (blockedSlotFn: a product computes them and never stores them; BERT's
 * 22-token attention heads would otherwise write 256-row blocks, 10x the data).
 * X_z(m, k) is read at off + z * zstride + m * ldm + k * ldk, so a row-major activation
 * (ldm = K, ldk = 1), a transposed view (ldm = 1, ldk = rows) or a column slice all work:
 * attention's keys and values become matmul-blocked's W operand without a copy of their own,
 * and the heads of a multi-head projection are one batch (zstride = head width).
 * One thread per output float; the loads take llvmpipe's slow per-lane path once per
 * element, against K reads of every element in the matmul itself.
 */
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { blockedSlotFn } from './layouts.js';
import { LINEAR_WORKGROUP } from './wgsl-helpers.js';

const WG = 256;

export const blockRows = defineKernel({
  name: 'block-rows',
  bindings: [{ name: 'x' }, { name: 'out', output: true }],
  // n: elements written (blockedWrittenSize); zblocks: blocks per matrix of the batch, ceil(M / MB) * KB.
  // The block shape (KC, MB) is a uniform: one pipeline lays out every shape (pipelines cost
  // SwiftShader 0.3-2 s of CPU each to create, bench/RESULTS.md), and a division by a uniform is
  // nothing beside the per-lane load.
  uniforms: { M: 'u32', K: 'u32', KB: 'u32', n: 'u32', off: 'u32', ldm: 'u32', ldk: 'u32', zstride: 'u32', zblocks: 'u32', KC: 'u32', MB: 'u32' },
  constants: { rowsInner: false },
  wgsl: (c) => /* wgsl */ `
// x viewed as [batch][M, K] -> out: [batch][ceil(M/MB)][KB] blocks of ${c.rowsInner ? '[KC][MB]' : '[MB][KC]'}
${LINEAR_WORKGROUP}
${blockedSlotFn({ KC: 'params.KC', MB: 'params.MB' }, c.rowsInner as boolean, 'min(params.M, params.MB)')}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (i >= params.n) { return; }
  let written = params.zblocks * min(params.M, params.MB) * params.KC;
  let z = i / written;
  let s = blocked_slot(i % written, params.KB);
  var v = 0.0;
  if (s.x < params.M && s.y < params.K) { v = x[params.off + z * params.zstride + s.x * params.ldm + s.y * params.ldk]; }
  out[z * params.zblocks * params.MB * params.KC + s.z] = v;
}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});
