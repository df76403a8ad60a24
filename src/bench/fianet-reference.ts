/**
 * The whole FIANet forward in float64 (DESIGN sections 2-4), composed of the float64
 * references of its parts: BERT once per mask pass (bert-reference.ts), the patch embedding,
 * Swin blocks and patch merging (swin-reference.ts) with FIAM after each stage
 * (fiam-reference.ts), TMEM with its gates (tmem-reference.ts) and the decoder
 * (decoder-reference.ts). Every intermediate the fixtures store is returned, so the tests can
 * hold it to the PyTorch reference tensor by tensor; the e2e suite checks its graph against it.
 */
import type { FianetConfig } from '../model/config.js';
import { bertReference } from './bert-reference.js';
import { decoderReference } from './decoder-reference.js';
import { fiamReference, type FiamLanguageRef } from './fiam-reference.js';
import { transposeRef, type Weights } from './reference-ops.js';
import { layerNormRef, patchEmbedRef, patchMergeRef, swinBlockRef } from './swin-reference.js';
import { tmemReference, type TmemRef } from './tmem-reference.js';

/** Token ids and the three 0/1 masks over them. */
export interface TokensRef {
  ids: ArrayLike<number>;
  l: ArrayLike<number>;
  t: ArrayLike<number>;
  p: ArrayLike<number>;
}

export interface StageRef {
  /** After the last Swin block: [H*W, C]. */
  swin: Float64Array;
  /** The PWAM output (the stage's output before norm{i}): [H*W, C]. */
  fused: Float64Array;
  /** What feeds the patch merging: [H*W, C]. */
  stream: Float64Array;
  /** norm{i}(fused), channel-first [C, H*W]. */
  out: Float64Array;
}

export interface FianetRef {
  /** BERT's features per pass: [N, hidden]. */
  text: FiamLanguageRef;
  /** After the patch embedding's LayerNorm: [H1*W1, C0]. */
  patchEmbed: Float64Array;
  stages: StageRef[];
  tmem: TmemRef;
  /** [2, H1*W1] */
  logitsLowres: Float64Array;
  /** [2, S*S] */
  logits: Float64Array;
}

/** FIANet on a normalised image [3, S, S] (S = config.input_size) and an expression's tokens. */
export function fianetReference(config: FianetConfig, w: Weights, image: ArrayLike<number>, tokens: TokensRef): FianetRef {
  const m = config.model;
  const pass = (mask: ArrayLike<number>) => ({ features: bertReference(config.text, w, tokens.ids, mask), mask });
  const text = { l: pass(tokens.l), t: pass(tokens.t), p: pass(tokens.p) };

  const S = config.input_size;
  const embedded = patchEmbedRef(m, w, image, S, S);
  let [x, H, W]: [Float64Array, number, number] = [embedded.tokens, embedded.H1, embedded.W1];
  const stages: StageRef[] = [];
  for (let i = 0; i < m.depths.length; i++) {
    for (let k = 0; k < m.depths[i]; k++) {
      const shift = k % 2 === 0 ? 0 : Math.floor(m.window_size / 2);
      x = swinBlockRef(m, w, `backbone.layers.${i}.blocks.${k}`, x, { H, W, heads: m.num_heads[i], shift });
    }
    const C = m.num_features[i];
    const { ctx, stream } = fiamReference(m, w, i, x, H, W, text);
    const out = transposeRef(layerNormRef(ctx, w, `backbone.norm${i}`, H * W, C, m.swin_layer_norm_eps), H * W, C);
    stages.push({ swin: x, fused: ctx, stream, out });
    if (i + 1 < m.depths.length) {
      const merged = patchMergeRef(m, w, i, stream, H, W);
      [x, H, W] = [merged.x, merged.H2, merged.W2];
    }
  }
  const tmem = tmemReference(config, w, stages.map((s) => s.out), text.l);
  return { text, patchEmbed: embedded.tokens, stages, tmem, ...decoderReference(config, w, tmem.outputs) };
}
