/**
 * The segmentation mask straight from the low-resolution logits: mask = up(l1 - l0) > 0.
 * The reference takes the argmax of the two upsampled logit maps (bilinear, align_corners
 * true); bilinear resizing is linear, so that is the sign of the upsampled margin, and
 * torch.argmax picks class 0 on ties (DESIGN section 4). Only pixels whose two logits are
 * within float32 rounding of each other can differ from the reference's mask.
 */
import { FianetError } from '../errors.js';
import { fmtShape, numel, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { bilinearBlend, LINEAR_TAP, LINEAR_WORKGROUP } from './wgsl-helpers.js';

const WG = 256;

export const logitsMask = defineKernel({
  name: 'logits-mask',
  bindings: [{ name: 'logits' }, { name: 'mask', output: true, type: 'u32' }],
  uniforms: { in_h: 'u32', in_w: 'u32', out_h: 'u32', out_w: 'u32' },
  constants: {},
  wgsl: () => /* wgsl */ `
// logits: [2, in_h, in_w] -> mask: [out_h, out_w], 1 = referred object
${LINEAR_WORKGROUP}
${LINEAR_TAP}
fn margin(i: u32) -> f32 { return logits[params.in_h * params.in_w + i] - logits[i]; }

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (o >= params.out_h * params.out_w) { return; }
  let ty = linear_tap(o / params.out_w, params.in_h, params.out_h, true);
  let tx = linear_tap(o % params.out_w, params.in_w, params.out_w, true);
  let r0 = ty.i0 * params.in_w;
  let r1 = ty.i1 * params.in_w;
  let d = ${bilinearBlend((i) => `margin(${i})`)};
  mask[o] = select(0u, 1u, d > 0.0);
}
`,
  workgroups: (u) => grid1d(Math.ceil((u.out_h * u.out_w) / WG)),
});

/** logits [2, h, w] (any leading 1s) of inSize [h, w] -> u32 mask [size[0], size[1]]. */
export function logitsMaskOp(g: Graph, name: string, { logits, inSize, size }: { logits: Tensor; inSize: readonly [number, number]; size: readonly [number, number] }): Tensor {
  if (numel(logits.shape) !== 2 * inSize[0] * inSize[1]) {
    throw new FianetError('bad-graph', `${g.name(name)}: logits are ${fmtShape(logits.shape)}, expected [2, ${inSize[0]}, ${inSize[1]}]`);
  }
  const mask = g.activation(name, [size[0], size[1]], 'u32');
  g.call(logitsMask, name, { args: { logits, mask }, uniforms: { in_h: inSize[0], in_w: inSize[1], out_h: size[0], out_w: size[1] } });
  return mask;
}
