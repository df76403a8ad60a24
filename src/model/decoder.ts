/**
 * The reference's SimpleDecoding head and the final resize (DESIGN section 4). Public API:
 *
 *   buildDecoder(g, binder, config, tmemOutputs, { logits }) -> { logitsLowres, logits?, mask }
 *
 * tmemOutputs: the TMEM's four gated maps, channel-first [C_i, H_i, W_i] (buildTmem's outputs).
 * logitsLowres: [2, H1, W1]; logits (only when asked): [2, S, S], bilinear with
 * align_corners=true; mask: u32 [S, S], 1 = referred object, computed from the low-res logits
 * as up(l1 - l0) > 0 (ties to background, like torch.argmax).
 *
 * Three stages of [Conv3x3 (no bias) + BN + ReLU] x 2, each first convolution reading
 * cat(up(x), skip): conv2d takes the two sources and does the upsampling (bilinear,
 * align_corners=true, only when the sizes differ) while it gathers its input tiles, so
 * neither the upsampled map nor the concatenation exists in memory. BatchNorms are folded
 * into the convolutions at load time and ReLU is fused; then the 1x1 classifier (bias).
 * On CPU adapters (the uniform-window target) the convolutions go through im2col + matmul-blocked
 * instead (lowering/blocked-conv.ts), which gathers the same inputs the same way.
 *
 * Checkpoint names (classifier.*): conv1_4, bn1_4, conv2_4, bn2_4, conv1_3, bn1_3, conv2_3,
 * bn2_3, conv1_2, bn1_2, conv2_2, bn2_2, conv1_1 (.weight [2, hidden, 1, 1], .bias).
 */
import { FianetError } from '../errors.js';
import { channelFirst } from '../kernels/conv2d.js';
import { logitsMaskOp } from '../kernels/logits-mask.js';
import { upsampleBilinearOp } from '../kernels/upsample-bilinear.js';
import { convolution } from '../lowering/ops.js';
import { fmtShape, numel, type Graph, type Tensor } from '../runtime/graph.js';
import { convThenBatchNorm } from './batch-norm.js';
import type { FianetConfig } from './config.js';
import { stageSizes } from './tmem.js';
import type { WeightBinder } from './weights.js';

const PREFIX = 'classifier';

export interface DecoderResult {
  logitsLowres: Tensor;
  logits?: Tensor;
  mask: Tensor;
}

export function buildDecoder(g: Graph, b: WeightBinder, config: FianetConfig, tmemOutputs: readonly Tensor[], opts: { logits?: boolean } = {}): DecoderResult {
  return g.scope('decoder', () => {
    const m = config.model;
    const sizes = stageSizes(config);
    const channels = m.num_features;
    const hidden = m.decoder_hidden;
    if (tmemOutputs.length !== 4) throw new FianetError('bad-graph', `${g.name('')}: the decoder takes 4 maps, got ${tmemOutputs.length}`);
    tmemOutputs.forEach((t, i) => {
      const [h, w] = sizes[i];
      if (numel(t.shape) !== channels[i] * h * w) {
        throw new FianetError('bad-graph', `${g.name('')}: input ${i} is ${fmtShape(t.shape)}, expected [${channels[i]}, ${h}, ${w}]`);
      }
    });
    const convBnRelu = (name: string, x: Tensor, xChannels: number, xSize: [number, number], skip?: number) => {
      const cin = xChannels + (skip === undefined ? 0 : channels[skip]);
      const size = skip === undefined ? xSize : sizes[skip];
      const bn = name.replace('conv', 'bn');
      const folded = convThenBatchNorm(b, { conv: `${PREFIX}.${name}`, bn: `${PREFIX}.${bn}`, shape: [hidden, cin, 3, 3], eps: m.batchnorm_eps, convBias: false });
      const out = convolution(g, name, { a: channelFirst(x, xChannels, xSize), b: skip === undefined ? undefined : tmemOutputs[skip], size, ...folded, act: 'relu' });
      return { out, size };
    };

    // x = cat(up(c4 -> c3), c3), then the same with the running map and c2, c1.
    let x = tmemOutputs[3];
    let [xChannels, xSize] = [channels[3], sizes[3]];
    for (const level of [4, 3, 2]) {
      const first = convBnRelu(`conv1_${level}`, x, xChannels, xSize, level - 2);
      x = convBnRelu(`conv2_${level}`, first.out, hidden, first.size).out;
      [xChannels, xSize] = [hidden, first.size];
    }
    const classes = m.num_classes;
    if (classes !== 2) throw new FianetError('bad-graph', `${g.name('')}: the mask rule needs 2 classes, the config has ${classes}`);
    const logitsLowres = convolution(g, 'conv1_1', {
      a: channelFirst(x, hidden, xSize),
      size: xSize,
      weight: b.get(`${PREFIX}.conv1_1.weight`, [classes, hidden, 1, 1]),
      bias: b.get(`${PREFIX}.conv1_1.bias`, [classes]),
    });
    const full: [number, number] = [config.input_size, config.input_size];
    const logits = opts.logits ? upsampleBilinearOp(g, 'logits', { x: logitsLowres, inSize: xSize, size: full, alignCorners: true }) : undefined;
    const mask = logitsMaskOp(g, 'mask', { logits: logitsLowres, inSize: xSize, size: full });
    return { logitsLowres, logits, mask };
  });
}
