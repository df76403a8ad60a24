/**
 * The vision path: Swin backbone with FIAM after every stage (DESIGN section 3).
 *
 *   image [3, H, W] -> patch embed (4x4/4, pad) -> LN -> tokens [H1*W1, C0]
 *   stage i: Swin blocks (shift 0 / window/2 alternating) -> FIAM -> ctx, stream
 *            output i = norm{i}(ctx) channel-first [C_i, H_i*W_i]; patch merging of stream feeds i + 1
 *
 * Any image size works as in the reference: patch embedding pads to a multiple of the patch,
 * windows pad to a multiple of the window, patch merging pads to even sizes (H_{i+1} = ceil(H_i / 2)).
 * Weights are bound by their checkpoint names (backbone.*); shapes are checked against the
 * config when the graph is built, so a Swin-T checkpoint under a Swin-B config fails at its
 * first mismatching tensor, and missing tensors are listed together by WeightBinder.finish().
 */
import { FianetError } from '../errors.js';
import { patchMergeNormOp } from '../kernels/patch-merge-norm.js';
import { layerNorm, linear, patchEmbed } from '../lowering/ops.js';
import { expectShape, type Graph, type Tensor } from '../runtime/graph.js';
import type { FianetConfig } from './config.js';
import { fiam, type FiamLanguage } from './fiam.js';
import { swinBlock } from './swin-block.js';
import type { WeightBinder } from './weights.js';

export interface BackboneInputs extends FiamLanguage {
  /** Normalised image, NCHW without the batch: [3, H, W]. */
  image: Tensor;
}

export interface StageTensors {
  H: number;
  W: number;
  /** After the last Swin block, before FIAM: [H*W, C]. */
  swin: Tensor;
  /** The PWAM output (what the stage returns), before norm{i}: [H*W, C]. */
  fused: Tensor;
  /** x + modulated (gated PWAM + OPAB): feeds patch merging; dead in the last stage. [H*W, C]. */
  stream: Tensor;
  /**
   * norm{i}(fused) channel-first: [C, H*W], the memory layout of the reference's NCHW
   * [1, C, H, W] (the TMEM / decoder input; H and W are above).
   */
  out: Tensor;
}

export interface Backbone {
  /** Patch embedding after its LayerNorm: [H1*W1, C0]. */
  patchEmbed: Tensor;
  stages: StageTensors[];
  /** stages[i].out: the four channel-first stage outputs [C_i, H_i*W_i]. */
  stageOutputs: Tensor[];
}

/**
 * Builds the backbone into `g` under the scope `swin` (labels like swin.s2.b5.attn) and
 * returns its tensors; register the ones you need with g.output (the executor drops the rest).
 */
export function buildBackbone(g: Graph, b: WeightBinder, config: FianetConfig, inputs: BackboneInputs): Backbone {
  const m = config.model;
  return g.scope('swin', () => {
    const where = g.name('');
    expectShape(where, 'image', inputs.image, [m.in_chans, -1, -1]);
    for (const key of ['l', 't', 'p'] as const) {
      expectShape(where, `language features '${key}'`, inputs[key].features, [-1, m.fusion_text_dim]);
    }
    m.num_features.forEach((c, i) => {
      if (c !== m.embed_dim * 2 ** i) throw new FianetError('bad-graph', `${where}: num_features[${i}] = ${c}, expected embed_dim * 2^${i} = ${m.embed_dim * 2 ** i}`);
    });
    const eps = m.swin_layer_norm_eps;

    const P = m.patch_size;
    const C0 = m.embed_dim;
    const embedded = g.scope('patch_embed', () => {
      const w = b.get('backbone.patch_embed.proj.weight', [C0, m.in_chans, P, P]);
      const { tokens, H1, W1 } = patchEmbed(g, 'proj', { image: inputs.image, weight: w, bias: b.get('backbone.patch_embed.proj.bias', [C0]) });
      const normed = layerNorm(g, 'norm', tokens, { gamma: b.get('backbone.patch_embed.norm.weight', [C0]), beta: b.get('backbone.patch_embed.norm.bias', [C0]), eps });
      return { normed, H1, W1 };
    });

    let x = embedded.normed;
    let [H, W] = [embedded.H1, embedded.W1];
    const stages: StageTensors[] = [];
    for (let i = 0; i < m.depths.length; i++) {
      const prefix = `backbone.layers.${i}`;
      const C = m.num_features[i];
      stages.push(g.scope(`s${i}`, (): StageTensors => {
        for (let k = 0; k < m.depths[i]; k++) {
          x = swinBlock(g, b, `b${k}`, `${prefix}.blocks.${k}`, x, {
            H, W, heads: m.num_heads[i], window: m.window_size, shift: k % 2 === 0 ? 0 : Math.floor(m.window_size / 2), mlpRatio: m.mlp_ratio, eps,
          });
        }
        const swin = x;
        const { ctx, stream } = fiam(g, b, 'fiam', prefix, swin, inputs, {
          H, W, heads: m.fusion_num_heads[i], reduced: m.channel_modulation_reduced_dim[i], eps: m.instancenorm_eps,
        });
        const norm = (n: string) => b.get(`backbone.norm${i}.${n}`, [C]);
        const stage = { H, W, swin, fused: ctx, stream, out: layerNorm(g, 'out', ctx, { gamma: norm('weight'), beta: norm('bias'), eps, transposeOut: true }) };
        if (i + 1 < m.depths.length) {
          g.scope('merge', () => {
            const mergeNorm = (n: string) => b.get(`${prefix}.downsample.norm.${n}`, [4 * C]);
            const { merged, H2, W2 } = patchMergeNormOp(g, 'norm', { x: stream, H, W, gamma: mergeNorm('weight'), beta: mergeNorm('bias'), eps });
            x = linear(g, 'reduction', { x: merged, w: b.get(`${prefix}.downsample.reduction.weight`, [2 * C, 4 * C]) });
            [H, W] = [H2, W2];
          });
        }
        return stage;
      }));
    }
    return { patchEmbed: embedded.normed, stages, stageOutputs: stages.map((s) => s.out) };
  });
}
