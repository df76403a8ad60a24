/**
 * OPAB's spatial attention map (DESIGN section 3): a = sigmoid(Conv3x3([mean_c(sp); max_c(sp)]))
 * with the 2 -> 1 channel kernel w [1, 2, 3, 3], zero padding 1, no bias. The channel mean and
 * max of sp come from `reduce` as two [H*W] maps; this kernel does the convolution and the
 * sigmoid, one thread per position. Output [H*W], broadcast over channels by fiam-combine.
 */
import { expectShape, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { elementwiseMain } from './wgsl-helpers.js';

const WG = 256;

export const spatialGate = defineKernel({
  name: 'spatial-gate',
  bindings: [{ name: 'avg' }, { name: 'mx' }, { name: 'w' }, { name: 'out', output: true }],
  uniforms: { H: 'u32', W: 'u32' },
  constants: {},
  wgsl: () => /* wgsl */ `
// avg, mx: [H, W], w: [1, 2, 3, 3] -> out: [H, W]
${elementwiseMain(WG, /* wgsl */ `
  if (i >= params.H * params.W) { return; }
  let y = i32(i / params.W);
  let x = i32(i % params.W);
  var s = 0.0;
  for (var ky = 0; ky < 3; ky++) {
    let yy = y + ky - 1;
    if (yy < 0 || yy >= i32(params.H)) { continue; }
    for (var kx = 0; kx < 3; kx++) {
      let xx = x + kx - 1;
      if (xx < 0 || xx >= i32(params.W)) { continue; }
      let j = u32(yy) * params.W + u32(xx);
      s += w[ky * 3 + kx] * avg[j] + w[9 + ky * 3 + kx] * mx[j];
    }
  }
  out[i] = 1.0 / (1.0 + exp(-s));
`)}
`,
  workgroups: (u) => grid1d(Math.ceil((u.H * u.W) / WG)),
});

/** The channel-mean and channel-max maps avg, mx [H*W] of an H x W grid and the conv weight w [1, 2, 3, 3]. */
export interface SpatialGateArgs {
  avg: Tensor;
  mx: Tensor;
  w: Tensor;
  H: number;
  W: number;
}

/** sigmoid(conv3x3([avg; mx], w)) (SpatialGateArgs): [H*W]. */
export function spatialGateOp(g: Graph, name: string, { avg, mx, w, H, W }: SpatialGateArgs): Tensor {
  const where = g.name(name);
  expectShape(where, 'channel mean', avg, [H * W]);
  expectShape(where, 'channel max', mx, [H * W]);
  expectShape(where, `weight '${w.label}'`, w, [1, 2, 3, 3]);
  const out = g.activation(name, [H * W]);
  g.call(spatialGate, name, { args: { avg, mx, w, out }, uniforms: { H, W } });
  return out;
}

export function spatialGateReference(avg: ArrayLike<number>, mx: ArrayLike<number>, w: ArrayLike<number>, H: number, W: number): Float64Array {
  const out = new Float64Array(H * W);
  const maps = [avg, mx];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let s = 0;
      for (let c = 0; c < 2; c++) {
        for (let ky = 0; ky < 3; ky++) {
          for (let kx = 0; kx < 3; kx++) {
            const [yy, xx] = [y + ky - 1, x + kx - 1];
            if (yy >= 0 && yy < H && xx >= 0 && xx < W) s += w[c * 9 + ky * 3 + kx] * maps[c][yy * W + xx];
          }
        }
      }
      out[y * W + x] = 1 / (1 + Math.exp(-s));
    }
  }
  return out;
}
