/**
 * The reference's SimpleDecoding head and the final resize in float64 (DESIGN section 4), from
 * conv2d's and the bilinear resize's float64 references, BatchNorms unfolded:
 *   x = tmem3; for level 4, 3, 2: x = [Conv3x3, BN, ReLU] x 2 of cat(up(x -> skip size), skip)
 *   logits_lowres = Conv1x1(x) (bias); logits = up(logits_lowres -> S x S)
 * with up = bilinear, align_corners = true (only where sizes differ). What src/model/decoder.ts builds.
 */
import { conv2dReferenceAll } from '../kernels/conv2d.js';
import { upsampleBilinearReference } from '../kernels/upsample-bilinear.js';
import type { FianetConfig } from '../model/config.js';
import { stageSizes } from '../model/tmem.js';
import { batchNormRef, conv1x1Ref, type Weights } from './reference-ops.js';

const PREFIX = 'classifier';

/** The decoder on TMEM's four channel-first outputs [C_i, H_i*W_i]: the low-res logits [2, H1*W1] and the logits [2, S*S]. */
export function decoderReference(config: FianetConfig, w: Weights, tmemOutputs: ReadonlyArray<ArrayLike<number>>): { logitsLowres: Float64Array; logits: Float64Array } {
  const m = config.model;
  const sizes = stageSizes(config);
  const hidden = m.decoder_hidden;
  const convBnRelu = (name: string, x: ArrayLike<number>, channels: number, xSize: readonly [number, number], skip?: number) => {
    const size = skip === undefined ? xSize : sizes[skip];
    const pixels = size[0] * size[1];
    const conv = conv2dReferenceAll({
      aData: x, a: { channels, size: xSize, offset: 0, cstride: xSize[0] * xSize[1], pstride: 1 },
      bData: skip === undefined ? undefined : tmemOutputs[skip],
      size, weight: w(`${PREFIX}.${name}.weight`), cout: hidden, ks: 3,
    });
    const normed = batchNormRef(conv, w, `${PREFIX}.${name.replace('conv', 'bn')}`, m.batchnorm_eps, (i) => Math.floor(i / pixels));
    return { out: normed.map((v) => Math.max(v, 0)), size };
  };
  let x: ArrayLike<number> = tmemOutputs[3];
  let channels = m.num_features[3];
  let size: readonly [number, number] = sizes[3];
  for (const level of [4, 3, 2]) {
    const first = convBnRelu(`conv1_${level}`, x, channels, size, level - 2);
    x = convBnRelu(`conv2_${level}`, first.out, hidden, first.size).out;
    [channels, size] = [hidden, first.size];
  }
  const logitsLowres = conv1x1Ref(x, size[0] * size[1], w(`${PREFIX}.conv1_1.weight`), w(`${PREFIX}.conv1_1.bias`), m.num_classes);
  const S = config.input_size;
  return { logitsLowres, logits: upsampleBilinearReference(logitsLowres, m.num_classes, size[0], size[1], S, S, true) };
}
