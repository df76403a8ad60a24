/**
 * The whole FIANet forward as graphs (DESIGN sections 2-4):
 *   text:    BERT over the token ids, once per mask (l, t, p) as one batch -> L, T, P [N, D]
 *   swin:    Swin stages with FIAM (language from L/T/P) -> four channel-first stage outputs
 *   tmem:    pooled multi-scale features x language (L) -> scale-aware gates -> decoder inputs
 *   decoder: convolutions -> low-res logits -> mask at S x S (and the logits when asked)
 * The text part depends only on the expression, so it is its own graph (buildFianetText,
 * outputs `l_features`, `t_features`, `p_features`) and the image part takes those as inputs
 * (buildFianetImage): a scene encodes its one expression once and runs only the image part
 * per tile. buildFianet composes the two into the single graph of the same calls.
 * Graph inputs: `image` [3, S, S] (normalised), `input_ids` int32 [N], `l_mask`, `t_mask`,
 * `p_mask` float32 [N]. The first label segment of each call names its phase (text, swin,
 * tmem, decoder), which is how per-phase timings are measured.
 */
import type { Graph, Tensor } from '../runtime/graph.js';
import { buildBackbone } from './backbone.js';
import { BERT_PASSES, bertEncoder, bertInputs, bertMaskInputs, type PerPass } from './bert.js';
import type { FianetConfig } from './config.js';
import { buildDecoder } from './decoder.js';
import type { LanguageInput } from './image-language-attention.js';
import { buildTmem } from './tmem.js';
import type { WeightBinder } from './weights.js';

export interface FianetOutputs {
  /** u32 [S, S], 1 = referred object. */
  mask: Tensor;
  /** [2, S, S] logits (bilinear, align_corners=true, from the low-res ones). */
  logits: Tensor;
  logitsLowres: Tensor;
}

/** Graph names of BERT's three outputs when they cross from the text graph to the image graph. */
export const TEXT_FEATURE_NAMES: PerPass<string> = { l: 'l_features', t: 't_features', p: 'p_features' };

/** The text part for `tokens` token positions: BERT's features with the masks that go with them. */
export function buildFianetText(g: Graph, b: WeightBinder, config: FianetConfig, tokens: number): PerPass<LanguageInput> {
  const text = bertInputs(g, config.text, tokens);
  const features = bertEncoder(g, b, config.text, text);
  return languageOf(features, text.masks);
}

/** The text part's features as graph inputs ([N, hidden] each, plus the three masks) of an image-only graph. */
export function textFeatureInputs(g: Graph, config: FianetConfig, tokens: number): PerPass<LanguageInput> {
  const masks = bertMaskInputs(g, tokens);
  const features = {} as PerPass<Tensor>;
  for (const pass of BERT_PASSES) features[pass] = g.input(TEXT_FEATURE_NAMES[pass], [tokens, config.text.hidden]);
  return languageOf(features, masks);
}

/** The image part: Swin with FIAM, TMEM and the decoder, given the language features. */
export function buildFianetImage(g: Graph, b: WeightBinder, config: FianetConfig, lang: PerPass<LanguageInput>): FianetOutputs {
  const S = config.input_size;
  const image = g.input('image', [3, S, S]);
  const backbone = buildBackbone(g, b, config, { image, ...lang });
  const tmem = buildTmem(g, b, config, backbone.stageOutputs, lang.l);
  const decoder = buildDecoder(g, b, config, tmem.outputs, { logits: true });
  return { mask: decoder.mask, logits: decoder.logits!, logitsLowres: decoder.logitsLowres };
}

/** Builds FIANet for `tokens` token positions (the config's max_tokens for a padded sequence). */
export function buildFianet(g: Graph, b: WeightBinder, config: FianetConfig, tokens: number): FianetOutputs {
  return buildFianetImage(g, b, config, buildFianetText(g, b, config, tokens));
}

function languageOf(features: PerPass<Tensor>, masks: PerPass<Tensor>): PerPass<LanguageInput> {
  return {
    l: { features: features.l, mask: masks.l },
    t: { features: features.t, mask: masks.t },
    p: { features: features.p, mask: masks.p },
  };
}
