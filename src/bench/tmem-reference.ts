/**
 * TMEM with its scale-aware gates in float64 (DESIGN section 4), written the reference's way
 * from the kernels' float64 references, without the engine's rewrites: BatchNorms applied
 * unfolded, nothing fused, the gates' maps upsampled as maps. What src/model/tmem.ts computes:
 *   pooled = cat_i adaptive_avg_pool(stage_i -> H4 x W4)             tokens [H4*W4, sum C]
 *   x = down_channel(pooled); per block: x = x + SILA(LN1(x), L, l); x = x + ff2(GELU(ff1(LN2(x))))
 *   global = up_channel(BN(x))                                      channel-first [sum C, H4*W4]
 *   out_i = BN1(conv(a_i)) * up(hsig(BN3(conv(b_i)))) + up(BN2(conv(b_i)))   b_i: global's slice i
 * with up = bilinear to a_i's size, align_corners = false.
 */
import { adaptivePoolConcatReference } from '../kernels/adaptive-pool-concat.js';
import { layerNormReference } from '../kernels/layer-norm.js';
import { applyActivation } from '../kernels/reference.js';
import { upsampleBilinearReference } from '../kernels/upsample-bilinear.js';
import type { FianetConfig } from '../model/config.js';
import { stageSizes } from '../model/tmem.js';
import { batchNormRef, conv1x1Ref, linearRef, transposeRef, type LanguageRef, type Weights } from './reference-ops.js';
import { silaReference, silaWeights } from './sila-reference.js';

const PREFIX = 'backbone.tmem';
/** nn.LayerNorm's default eps, which the reference's TMEM blocks keep. */
const BLOCK_LN_EPS = 1e-5;

export interface TmemRef {
  /** [H4*W4, sum C] */
  pooled: Float64Array;
  /** [sum C, H4*W4] */
  global: Float64Array;
  /** [C_i, H_i*W_i] each: the decoder's inputs. */
  outputs: Float64Array[];
}

/** TMEM of the four channel-first stage outputs [C_i, H_i*W_i] with the `l` language features. */
export function tmemReference(config: FianetConfig, w: Weights, stageOutputs: ReadonlyArray<ArrayLike<number>>, lang: LanguageRef): TmemRef {
  const m = config.model;
  const sizes = stageSizes(config);
  const channels = m.num_features;
  const dim = channels.reduce((a, c) => a + c, 0);
  const hidden = m.tmem_hidden_dim;
  const [H4, W4] = sizes[3];
  const P = H4 * W4;
  const n = lang.mask.length;

  const pooled = adaptivePoolConcatReference(stageOutputs.map((data, i) => ({ data, channels: channels[i], size: sizes[i] })), sizes[3]);
  let x = linearRef(pooled, P, w(`${PREFIX}.down_channel.weight`), w(`${PREFIX}.down_channel.bias`), hidden);
  for (let j = 0; j < m.num_tmem; j++) {
    const p = `${PREFIX}.block.${j}`;
    const ln = (name: string, t: ArrayLike<number>) => layerNormReference(t, w(`${p}.${name}.weight`), w(`${p}.${name}.bias`), P, hidden, BLOCK_LN_EPS);
    const attended = silaReference(ln('norm1', x), P, hidden, lang.features, n, lang.mask, silaWeights(w, `${p}.tma`), 1, m.instancenorm_eps, { residual: x });
    const h1 = linearRef(ln('norm2', attended), P, w(`${p}.ff.net.0.weight`), w(`${p}.ff.net.0.bias`), m.tmem_ffn_hidden, { act: 'gelu' });
    x = linearRef(h1, P, w(`${p}.ff.net.3.weight`), w(`${p}.ff.net.3.bias`), hidden, { residual: attended });
  }
  const normed = batchNormRef(x, w, `${PREFIX}.bn`, m.batchnorm_eps, (i) => i % hidden);
  const global = conv1x1Ref(transposeRef(normed, P, hidden), P, w(`${PREFIX}.up_channel.weight`), w(`${PREFIX}.up_channel.bias`), dim);

  let offset = 0;
  const outputs = stageOutputs.map((a, i) => {
    const c = channels[i];
    const [h, wd] = sizes[i];
    const b = global.subarray(offset * P, (offset + c) * P);
    offset += c;
    const gate = `${PREFIX}.fusion.${i}`;
    const convBn = (x: ArrayLike<number>, pixels: number, conv: string, bn: string) =>
      batchNormRef(conv1x1Ref(x, pixels, w(`${gate}.${conv}.weight`), w(`${gate}.${conv}.bias`), c), w, `${gate}.${bn}`, m.batchnorm_eps, (k) => Math.floor(k / pixels));
    const up = (t: ArrayLike<number>) => upsampleBilinearReference(t, c, H4, W4, h, wd, false);
    const mul = up(convBn(b, P, 'global_act', 'bn3').map((v) => applyActivation('hsigmoid', v)));
    const add = up(convBn(b, P, 'global_embedding', 'bn2'));
    return convBn(a, h * wd, 'local_embedding', 'bn1').map((v, k) => v * mul[k] + add[k]);
  });
  return { pooled, global, outputs };
}
