/**
 * Swin patch merging's gather folded into its LayerNorm (DESIGN section 3): zero-pad the
 * [H, W] token grid to even sizes, concatenate each 2x2 block's tokens in the reference's
 * order (0,0), (1,0), (0,1), (1,1) [row, col] into 4C channels, and LayerNorm them:
 *   out[oy * W2 + ox, part * C + c] = LN(x[(2oy + dy) * W + 2ox + dx, c]), (dy, dx) = (part & 1, part >> 1)
 * The gathered [H2*W2, 4C] tensor is never written; the Linear 4C -> 2C follows as a matmul.
 * One workgroup per output token, two passes over its 4C values as in layer-norm.
 */
import { expectShape, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { blockedIndexFn } from './layouts.js';
import { LINEAR_WORKGROUP, workgroupTreeReduce } from './wgsl-helpers.js';

const WG = 64;

export const patchMergeNorm = defineKernel({
  name: 'patch-merge-norm',
  bindings: [{ name: 'x' }, { name: 'gamma' }, { name: 'beta' }, { name: 'out', output: true }],
  // out_kc_log2: the A blocks' shape when blockedOut (layouts.ts blockedIndexFn), else 0.
  uniforms: { H: 'u32', W: 'u32', C: 'u32', W2: 'u32', tokens: 'u32', eps: 'f32', out_kc_log2: 'u32' },
  // blockedOut: out is stored as the reduction's A blocks (layouts.ts; KC divides 4C), so no
  // block-rows pass lays it out (lowering/fuse-block-rows.ts).
  constants: { blockedOut: false },
  wgsl: (c) => /* wgsl */ `
// x: [H*W, C], gamma/beta: [4C] -> out: [ceil(H/2) * ceil(W/2), 4C]${c.blockedOut ? ' in A blocks' : ''}
${LINEAR_WORKGROUP}
var<workgroup> partial: array<f32, ${WG}>;
${c.blockedOut ? blockedIndexFn() : ''}
fn gathered(oy: u32, ox: u32, k: u32) -> f32 {
  let part = k / params.C;
  let y = 2u * oy + (part & 1u);
  let xx = 2u * ox + (part >> 1u);
  if (y >= params.H || xx >= params.W) { return 0.0; }
  return x[(y * params.W + xx) * params.C + k % params.C];
}

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg);
  if (o >= params.tokens) { return; }
  let oy = o / params.W2;
  let ox = o % params.W2;
  let cols = 4u * params.C;
  var s = 0.0;
  for (var k = li; k < cols; k += ${WG}u) { s += gathered(oy, ox, k); }
${workgroupTreeReduce('s', WG)}
  let mean = s / f32(cols);
  var q = 0.0;
  for (var k = li; k < cols; k += ${WG}u) { let d = gathered(oy, ox, k) - mean; q += d * d; }
${workgroupTreeReduce('q', WG)}
  let rstd = inverseSqrt(q / f32(cols) + params.eps);
  for (var k = li; k < cols; k += ${WG}u) {
    out[${c.blockedOut ? 'blocked_index(o, k, blocked_k_count(cols))' : 'o * cols + k'}] = (gathered(oy, ox, k) - mean) * rstd * gamma[k] + beta[k];
  }
}
`,
  workgroups: (u) => grid1d(u.tokens),
});

/** Swin's patch merging: tokens x [H*W, C] of an H x W grid, LayerNorm(4C) weight gamma and bias beta [4C]. */
export interface PatchMergeNormArgs {
  x: Tensor;
  H: number;
  W: number;
  gamma: Tensor;
  beta: Tensor;
  eps: number;
}

/** LayerNorm(4C) of the 2x2-merged tokens of x [H*W, C]: [ceil(H/2) * ceil(W/2), 4C]. */
export function patchMergeNormOp(g: Graph, name: string, { x, H, W, gamma, beta, eps }: PatchMergeNormArgs): { merged: Tensor; H2: number; W2: number } {
  const where = g.name(name);
  expectShape(where, 'tokens', x, [H * W, -1]);
  const C = x.shape[1];
  expectShape(where, `weight '${gamma.label}'`, gamma, [4 * C]);
  expectShape(where, `bias '${beta.label}'`, beta, [4 * C]);
  const [H2, W2] = [Math.ceil(H / 2), Math.ceil(W / 2)];
  const merged = g.activation(name, [H2 * W2, 4 * C]);
  g.call(patchMergeNorm, name, { args: { x, gamma, beta, out: merged }, uniforms: { H, W, C, W2, tokens: H2 * W2, eps, out_kc_log2: 0 } });
  return { merged, H2, W2 };
}

/** The gather the reference does with slicing and torch.cat (x0, x1, x2, x3), before its LayerNorm. */
export function patchMergeGatherReference(x: ArrayLike<number>, H: number, W: number, C: number): Float64Array {
  const [H2, W2] = [Math.ceil(H / 2), Math.ceil(W / 2)];
  const out = new Float64Array(H2 * W2 * 4 * C);
  const offsets = [[0, 0], [1, 0], [0, 1], [1, 1]]; // x[0::2, 0::2], x[1::2, 0::2], x[0::2, 1::2], x[1::2, 1::2]
  for (let oy = 0; oy < H2; oy++) {
    for (let ox = 0; ox < W2; ox++) {
      offsets.forEach(([dy, dx], part) => {
        const [y, xx] = [2 * oy + dy, 2 * ox + dx];
        for (let c = 0; c < C; c++) out[(oy * W2 + ox) * 4 * C + part * C + c] = y < H && xx < W ? x[(y * W + xx) * C + c] : 0;
      });
    }
  }
  return out;
}
