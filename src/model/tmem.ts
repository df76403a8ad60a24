/**
 * TMEM, the text-aware multi-scale enhancement module, with its scale-aware gates (DESIGN
 * section 4). Public API:
 *
 *   buildTmem(g, binder, config, stageOutputs, lang) -> { pooled, global, outputs }
 *
 * stageOutputs: the four stage outputs after norm{i}, channel-first [C_i, H_i, W_i] (or
 * [C_i, H_i*W_i]); lang: BERT's features with the attention mask l ([N, Ct], [N]).
 * outputs[i]: the gated stage features, channel-first [C_i, H_i, W_i] (the decoder's inputs).
 * pooled: token-major [H4*W4, sum C] (the reference's sK.tmem.pooled transposed);
 * global: channel-first [sum C, H4, W4] (sK.tmem.global). Requested as graph outputs only
 * for checking; the executor drops whatever no requested output needs.
 *
 * Layouts, chosen so that nothing is transposed or copied:
 *   pool + concat: one call reading the four stage outputs, writing tokens [H4*W4, sum C];
 *   down_channel (1x1): a Linear on those tokens -> x [H4*W4, hidden];
 *   num_tmem blocks on tokens: x = x + SILA(LN1(x), L, l) (residual fused into SILA's last
 *     InstanceNorm), x = x + Linear(GELU(Linear(LN2(x)))) (residual fused into the matmul);
 *   BatchNorm folded into up_channel (1x1), run as a convolution reading the tokens and
 *     writing the channel-first global map [sum C, H4, W4] (conv2d, or on CPU adapters
 *     im2col-blocks + matmul-blocked: the target's convolution);
 *   split: each gate reads its channel slice of the global map in place.
 *
 * Checkpoint names (backbone.tmem.*): down_channel, block.{j}.{norm1, tma, norm2,
 * ff.net.0, ff.net.3}, bn, up_channel, fusion.{i} (see scale-aware-gate.ts).
 */
import { FianetError } from '../errors.js';
import { adaptivePoolConcatOp } from '../kernels/adaptive-pool-concat.js';
import { channelFirst, channelSlice, tokenMajor } from '../kernels/conv2d.js';
import { convolution, layerNorm, linear } from '../lowering/ops.js';
import { fmtShape, numel, type Graph, type Tensor } from '../runtime/graph.js';
import { batchNormThenConv } from './batch-norm.js';
import type { FianetConfig } from './config.js';
import { imageLanguageAttention, type LanguageInput } from './image-language-attention.js';
import { pointwiseConv } from './pointwise.js';
import { scaleAwareGate } from './scale-aware-gate.js';
import type { WeightBinder } from './weights.js';

const PREFIX = 'backbone.tmem';
/** The TMEM blocks' LayerNorms are nn.LayerNorm(dim) with PyTorch's default eps. */
const BLOCK_LN_EPS = 1e-5;

export interface TmemResult {
  pooled: Tensor;
  global: Tensor;
  outputs: Tensor[];
}

/** Stage i's feature map size: the patch embedding pads to a multiple of the patch size, each merging to even. */
export function stageSizes(config: FianetConfig): Array<[number, number]> {
  const sizes: Array<[number, number]> = [];
  let s = Math.ceil(config.input_size / config.model.patch_size);
  for (let i = 0; i < config.model.depths.length; i++) {
    sizes.push([s, s]);
    s = Math.ceil(s / 2);
  }
  return sizes;
}

export function buildTmem(g: Graph, b: WeightBinder, config: FianetConfig, stageOutputs: readonly Tensor[], lang: LanguageInput): TmemResult {
  return g.scope('tmem', () => {
    const m = config.model;
    const sizes = stageSizes(config);
    const channels = m.num_features;
    if (stageOutputs.length !== 4 || channels.length !== 4) {
      throw new FianetError('bad-graph', `${g.name('')}: TMEM takes 4 stage outputs, got ${stageOutputs.length} for ${channels.length} stages`);
    }
    stageOutputs.forEach((t, i) => {
      const [h, w] = sizes[i];
      if (numel(t.shape) !== channels[i] * h * w) {
        throw new FianetError('bad-graph', `${g.name('')}: stage ${i} output is ${fmtShape(t.shape)}, expected [${channels[i]}, ${h}, ${w}]`);
      }
    });
    const dim = channels.reduce((a, c) => a + c, 0);
    if (dim !== m.tmem_dim) throw new FianetError('bad-graph', `${g.name('')}: tmem_dim ${m.tmem_dim} is not the sum of the stage channels (${dim})`);
    const hidden = m.tmem_hidden_dim;
    const pooledSize = sizes[3];

    const pooled = adaptivePoolConcatOp(g, 'pool', stageOutputs.map((tensor, i) => ({ tensor, channels: channels[i], size: sizes[i] })), pooledSize);
    let x = pointwiseConv(g, b, 'down_channel', `${PREFIX}.down_channel`, pooled, hidden, { spatialDims: 2 });
    for (let j = 0; j < m.num_tmem; j++) {
      const p = `${PREFIX}.block.${j}`;
      x = g.scope(`block${j}`, () => {
        const ln = (name: string, t: Tensor) => layerNorm(g, name, t, { gamma: b.get(`${p}.${name}.weight`, [hidden]), beta: b.get(`${p}.${name}.bias`, [hidden]), eps: BLOCK_LN_EPS });
        const attended = imageLanguageAttention(g, b, 'tma', `${p}.tma`, ln('norm1', x), lang, { heads: 1, eps: m.instancenorm_eps, residual: x });
        const ffn = m.tmem_ffn_hidden;
        const h1 = linear(g, 'ff1', { x: ln('norm2', attended), w: b.get(`${p}.ff.net.0.weight`, [ffn, hidden]), bias: b.get(`${p}.ff.net.0.bias`, [ffn]), act: 'gelu' });
        return linear(g, 'ff2', { x: h1, w: b.get(`${p}.ff.net.3.weight`, [hidden, ffn]), bias: b.get(`${p}.ff.net.3.bias`, [hidden]), residual: attended });
      });
    }
    const up = batchNormThenConv(b, { bn: `${PREFIX}.bn`, conv: `${PREFIX}.up_channel`, shape: [dim, hidden, 1, 1], eps: m.batchnorm_eps });
    const global = convolution(g, 'up_channel', { a: tokenMajor(x, hidden, pooledSize), size: pooledSize, ...up });

    const globalMap = channelFirst(global, dim, pooledSize);
    let offset = 0;
    const outputs = stageOutputs.map((t, i) => {
      const slice = channelSlice(globalMap, offset, channels[i]);
      offset += channels[i];
      return scaleAwareGate(g, b, `gate${i}`, `${PREFIX}.fusion.${i}`, channelFirst(t, channels[i], sizes[i]), slice, m.batchnorm_eps);
    });
    return { pooled, global, outputs };
  });
}
