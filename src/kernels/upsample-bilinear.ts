/**
 * Bilinear resizing of channel-first maps with PyTorch's F.interpolate(mode='bilinear')
 * semantics, plus the WGSL tap helper other kernels use to sample a map on the fly (the
 * decoder's convolutions read upsampled inputs, the scale-aware gates upsampled gate maps,
 * the mask kernel upsampled logit margins: none of them materialises the resized tensor).
 *
 * PyTorch (aten/src/ATen/native/UpSample.h, area_pixel_compute_source_index and
 * compute_indices_weights_linear), in float32:
 *   align_corners=true:  src = dst * (in - 1) / (out - 1)           (0 when out == 1)
 *   align_corners=false: src = max((dst + 0.5) * in / out - 0.5, 0)  (the clamp at the
 *                        top/left border; at the bottom/right the second tap is clamped)
 *   i0 = floor(src), i1 = i0 + (i0 < in - 1), w1 = src - i0, w0 = 1 - w1
 *   out = (x[y0,x0] wx0 + x[y0,x1] wx1) wy0 + (x[y1,x0] wx0 + x[y1,x1] wx1) wy1
 * Resizing to the same size is the identity in both modes.
 */
import { FianetError } from '../errors.js';
import { fmtShape, numel, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { bilinearBlend, LINEAR_TAP, LINEAR_WORKGROUP } from './wgsl-helpers.js';

const WG = 256;

export const upsampleBilinear = defineKernel({
  name: 'upsample-bilinear',
  bindings: [{ name: 'x' }, { name: 'out', output: true }],
  uniforms: { channels: 'u32', in_h: 'u32', in_w: 'u32', out_h: 'u32', out_w: 'u32' },
  constants: { alignCorners: true },
  wgsl: (c) => /* wgsl */ `
// x: [channels, in_h, in_w] -> out: [channels, out_h, out_w]
${LINEAR_WORKGROUP}
${LINEAR_TAP}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (o >= params.channels * params.out_h * params.out_w) { return; }
  let ox = o % params.out_w;
  let oy = (o / params.out_w) % params.out_h;
  let base = (o / (params.out_w * params.out_h)) * params.in_h * params.in_w;
  let ty = linear_tap(oy, params.in_h, params.out_h, ${c.alignCorners});
  let tx = linear_tap(ox, params.in_w, params.out_w, ${c.alignCorners});
  let r0 = base + ty.i0 * params.in_w;
  let r1 = base + ty.i1 * params.in_w;
  out[o] = ${bilinearBlend((i) => `x[${i}]`)};
}
`,
  workgroups: (u) => grid1d(Math.ceil((u.channels * u.out_h * u.out_w) / WG)),
});

/** x [C, h, w] (or [C, h*w]) of inSize [h, w], resized to `size`; PyTorch's align_corners. */
export interface UpsampleBilinearArgs {
  x: Tensor;
  inSize: readonly [number, number];
  size: readonly [number, number];
  alignCorners: boolean;
}

/** x resized to [C, size[0], size[1]] (UpsampleBilinearArgs). */
export function upsampleBilinearOp(g: Graph, name: string, { x, inSize, size, alignCorners }: UpsampleBilinearArgs): Tensor {
  const [h, w] = inSize;
  const channels = x.shape[0];
  if (numel(x.shape) !== channels * h * w) {
    throw new FianetError('bad-graph', `${g.name(name)}: input is ${fmtShape(x.shape)}, expected [${channels}, ${h}, ${w}]`);
  }
  const out = g.activation(name, [channels, size[0], size[1]]);
  g.call(upsampleBilinear, name, { args: { x, out }, uniforms: { channels, in_h: h, in_w: w, out_h: size[0], out_w: size[1] }, consts: { alignCorners } });
  return out;
}

export interface Tap {
  i0: number;
  i1: number;
  w1: number;
}

/** Float64 version of `linear_tap`. */
export function linearTap(dst: number, inSize: number, outSize: number, alignCorners: boolean): Tap {
  const src = alignCorners ? (outSize > 1 ? (dst * (inSize - 1)) / (outSize - 1) : 0) : Math.max(((dst + 0.5) * inSize) / outSize - 0.5, 0);
  const i0 = Math.min(Math.floor(src), inSize - 1);
  return { i0, i1: i0 + 1 < inSize ? i0 + 1 : i0, w1: src - i0 };
}

/** Samples channel `c` of x [C, h, w] at output pixel (oy, ox) of an outH x outW resize. */
export function bilinearAt(x: ArrayLike<number>, h: number, w: number, c: number, oy: number, ox: number, outH: number, outW: number, alignCorners: boolean): number {
  const ty = linearTap(oy, h, outH, alignCorners);
  const tx = linearTap(ox, w, outW, alignCorners);
  const at = (y: number, xx: number) => x[(c * h + y) * w + xx];
  const row = (y: number) => at(y, tx.i0) * (1 - tx.w1) + at(y, tx.i1) * tx.w1;
  return row(ty.i0) * (1 - ty.w1) + row(ty.i1) * ty.w1;
}

export function upsampleBilinearReference(x: ArrayLike<number>, channels: number, h: number, w: number, outH: number, outW: number, alignCorners: boolean): Float64Array {
  const out = new Float64Array(channels * outH * outW);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < outH; y++) {
      for (let xx = 0; xx < outW; xx++) out[(c * outH + y) * outW + xx] = bilinearAt(x, h, w, c, y, xx, outH, outW, alignCorners);
    }
  }
  return out;
}
