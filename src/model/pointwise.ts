/**
 * 1x1 convolutions on token-major features. The reference keeps features channel-first
 * ([C, H*W]) and projects them with Conv1d/Conv2d of kernel size 1; on our [H*W, C] tokens
 * that is a `linear` with the kernel's [out, in] matrix, so no transposes are needed.
 */
import type { Activation } from '../kernels/wgsl-helpers.js';
import { linear } from '../lowering/ops.js';
import type { Graph, Tensor } from '../runtime/graph.js';
import type { WeightBinder } from './weights.js';

/**
 * The weight of a 1x1 convolution `name` (checkpoint shape [out, in, 1] for Conv1d, or
 * [out, in, 1, 1] with `spatialDims` 2) as the [out, in] matrix `linear` takes.
 */
export function pointwiseWeight(b: WeightBinder, name: string, outCh: number, inCh: number, spatialDims: 1 | 2 = 1): Tensor {
  const stored = [outCh, inCh, ...new Array<number>(spatialDims).fill(1)];
  return b.derived(name, [outCh, inCh], [name], ([w]) => w, [stored]);
}

/** act(x W^T + bias) (+ residual) for x [tokens, in] and the 1x1 convolution `prefix` (.weight, .bias). */
export function pointwiseConv(
  g: Graph, b: WeightBinder, name: string, prefix: string, x: Tensor, outCh: number,
  opts: { act?: Activation; residual?: Tensor; spatialDims?: 1 | 2 } = {},
): Tensor {
  const inCh = x.shape[x.shape.length - 1];
  const w = pointwiseWeight(b, `${prefix}.weight`, outCh, inCh, opts.spatialDims ?? 1);
  const bias = b.get(`${prefix}.bias`, [outCh]);
  return linear(g, name, { x, w, bias, act: opts.act, residual: opts.residual });
}
