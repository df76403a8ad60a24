/**
 * The Swin parts of the backbone in float64 (DESIGN section 3), from the kernels' float64
 * references, on token-major features [H*W, C]: the patch embedding with its LayerNorm, one
 * (shifted-)window block, and the patch merging. What src/model/backbone.ts and swin-block.ts
 * build, without the engine's fusions (residuals, GELU, LayerNorm + gather).
 */
import { layerNormReference } from '../kernels/layer-norm.js';
import { patchEmbedReference } from '../kernels/patch-embed.js';
import { patchMergeGatherReference } from '../kernels/patch-merge-norm.js';
import { windowAttentionReference } from '../kernels/window-attention.js';
import type { ModelConfig } from '../model/config.js';
import { linearRef, type Weights } from './reference-ops.js';

/** The LayerNorm `prefix` (.weight, .bias) over the rows of x [rows, cols]. */
export const layerNormRef = (x: ArrayLike<number>, w: Weights, prefix: string, rows: number, cols: number, eps: number): Float64Array =>
  layerNormReference(x, w(`${prefix}.weight`), w(`${prefix}.bias`), rows, cols, eps);

/** image [cin, H, W] -> LN(conv4x4/4(pad(image))): tokens [H1*W1, C0]. */
export function patchEmbedRef(m: ModelConfig, w: Weights, image: ArrayLike<number>, H: number, W: number): { tokens: Float64Array; H1: number; W1: number } {
  const [P, C] = [m.patch_size, m.embed_dim];
  const raw = patchEmbedReference(image, m.in_chans, H, W, w('backbone.patch_embed.proj.weight'), w('backbone.patch_embed.proj.bias'), C, P);
  const [H1, W1] = [Math.ceil(H / P), Math.ceil(W / P)];
  return { tokens: layerNormRef(raw, w, 'backbone.patch_embed.norm', H1 * W1, C, m.swin_layer_norm_eps), H1, W1 };
}

/**
 * The block `prefix` (backbone.layers.i.blocks.k) on x [H*W, C]:
 *   x = x + proj(WindowAttention(LN1(x))); x = x + fc2(GELU(fc1(LN2(x)))).
 */
export function swinBlockRef(m: ModelConfig, w: Weights, prefix: string, x: ArrayLike<number>, p: { H: number; W: number; heads: number; shift: number }): Float64Array {
  const T = p.H * p.W;
  const C = x.length / T;
  const eps = m.swin_layer_norm_eps;
  const at = (name: string) => w(`${prefix}.${name}`);
  const qkvBias = at('attn.qkv.bias');
  const qkv = linearRef(layerNormRef(x, w, `${prefix}.norm1`, T, C, eps), T, at('attn.qkv.weight'), qkvBias, 3 * C);
  const attended = windowAttentionReference(qkv, qkvBias, at('attn.relative_position_bias_table'), { ...p, window: m.window_size });
  const x1 = linearRef(attended, T, at('attn.proj.weight'), at('attn.proj.bias'), C, { residual: x });
  const hidden = Math.round(C * m.mlp_ratio);
  const h = linearRef(layerNormRef(x1, w, `${prefix}.norm2`, T, C, eps), T, at('mlp.fc1.weight'), at('mlp.fc1.bias'), hidden, { act: 'gelu' });
  return linearRef(h, T, at('mlp.fc2.weight'), at('mlp.fc2.bias'), C, { residual: x1 });
}

/** Patch merging of stage `stage` on x [H*W, C]: pad to even, 2x2 gather, LN(4C), Linear(4C -> 2C, no bias). */
export function patchMergeRef(m: ModelConfig, w: Weights, stage: number, x: ArrayLike<number>, H: number, W: number): { x: Float64Array; H2: number; W2: number } {
  const C = x.length / (H * W);
  const [H2, W2] = [Math.ceil(H / 2), Math.ceil(W / 2)];
  const prefix = `backbone.layers.${stage}.downsample`;
  const normed = layerNormRef(patchMergeGatherReference(x, H, W, C), w, `${prefix}.norm`, H2 * W2, 4 * C, m.swin_layer_norm_eps);
  return { x: linearRef(normed, H2 * W2, w(`${prefix}.reduction.weight`), undefined, 2 * C), H2, W2 };
}
