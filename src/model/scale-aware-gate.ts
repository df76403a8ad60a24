/**
 * The TMEM's scale-aware gate for one stage (DESIGN section 4; TopFormer's injection module):
 *   out = BN1(Conv1x1(a)) * up(hsig(BN3(Conv1x1(b)))) + up(BN2(Conv1x1(b)))
 * with a the stage output (full resolution), b the stage's channel slice of the TMEM global
 * map (pooled resolution), hsig = ReLU6(x + 3) / 6 applied before the upsampling and
 * up = bilinear to a's size with align_corners=false.
 *
 * Three convolutions (conv2d, or on CPU adapters im2col-blocks + matmul-blocked, which reads
 * operands through uniform windows: the target's convolution): the two low-resolution 1x1 convolutions of
 * b (h-sigmoid fused into the first) read b in place from the global map; the full-resolution
 * one applies the gate in its epilogue, sampling both low-resolution maps on the fly (nothing
 * upsampled is materialised).
 *
 * Checkpoint names under `prefix` (backbone.tmem.fusion.{i}): local_embedding + bn1,
 * global_embedding + bn2, global_act + bn3 (1x1 Conv2d with bias, BatchNorm2d).
 */
import type { ConvInput } from '../kernels/conv2d.js';
import { convolution } from '../lowering/ops.js';
import type { Graph, Tensor } from '../runtime/graph.js';
import { convThenBatchNorm } from './batch-norm.js';
import type { WeightBinder } from './weights.js';

/**
 * Gate for stage output `a` (channel-first) and its global slice `global` (any view);
 * returns channel-first [C, H, W] at a's size.
 */
export function scaleAwareGate(g: Graph, b: WeightBinder, name: string, prefix: string, a: ConvInput, global: ConvInput, bnEps: number): Tensor {
  return g.scope(name, () => {
    const c = a.channels;
    const shape = [c, c, 1, 1];
    const act = convThenBatchNorm(b, { conv: `${prefix}.global_act`, bn: `${prefix}.bn3`, shape, eps: bnEps, convBias: true });
    const embedding = convThenBatchNorm(b, { conv: `${prefix}.global_embedding`, bn: `${prefix}.bn2`, shape, eps: bnEps, convBias: true });
    const local = convThenBatchNorm(b, { conv: `${prefix}.local_embedding`, bn: `${prefix}.bn1`, shape, eps: bnEps, convBias: true });
    const gateMul = convolution(g, 'global_act', { a: global, size: global.size, ...act, act: 'hsigmoid' });
    const gateAdd = convolution(g, 'global_embedding', { a: global, size: global.size, ...embedding });
    return convolution(g, 'local_embedding', { a, size: a.size, ...local, gate: { mul: gateMul, add: gateAdd, size: global.size } });
  });
}
