/**
 * The whole FIANet forward as one graph (DESIGN sections 2-4):
 *   text:    BERT over the token ids, once per mask (l, t, p) as one batch -> L, T, P [N, D]
 *   swin:    Swin stages with FIAM (language from L/T/P) -> four channel-first stage outputs
 *   tmem:    pooled multi-scale features x language (L) -> scale-aware gates -> decoder inputs
 *   decoder: convolutions -> low-res logits -> mask at S x S (and the logits when asked)
 * Graph inputs: `image` [3, S, S] (normalised), `input_ids` int32 [N], `l_mask`, `t_mask`,
 * `p_mask` float32 [N]. The first label segment of each call names its phase (text, swin,
 * tmem, decoder), which is how per-phase timings are measured.
 */
import type { Graph, Tensor } from '../runtime/graph.js';
import { buildBackbone } from './backbone.js';
import { bertEncoder, bertInputs } from './bert.js';
import type { FianetConfig } from './config.js';
import { buildDecoder } from './decoder.js';
import { buildTmem } from './tmem.js';
import type { WeightBinder } from './weights.js';

export interface FianetOutputs {
  /** u32 [S, S], 1 = referred object. */
  mask: Tensor;
  /** [2, S, S] logits (bilinear, align_corners=true, from the low-res ones). */
  logits: Tensor;
  logitsLowres: Tensor;
}

/** Builds FIANet for `tokens` token positions (the config's max_tokens for a padded sequence). */
export function buildFianet(g: Graph, b: WeightBinder, config: FianetConfig, tokens: number): FianetOutputs {
  const S = config.input_size;
  const text = bertInputs(g, config.text, tokens);
  const image = g.input('image', [3, S, S]);
  const features = bertEncoder(g, b, config.text, text);
  const lang = {
    l: { features: features.l, mask: text.masks.l },
    t: { features: features.t, mask: text.masks.t },
    p: { features: features.p, mask: text.masks.p },
  };
  const backbone = buildBackbone(g, b, config, { image, ...lang });
  const tmem = buildTmem(g, b, config, backbone.stageOutputs, lang.l);
  const decoder = buildDecoder(g, b, config, tmem.outputs, { logits: true });
  return { mask: decoder.mask, logits: decoder.logits!, logitsLowres: decoder.logitsLowres };
}
