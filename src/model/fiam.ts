/**
 * The fine-grained image-text alignment that follows each Swin stage (FIAM, DESIGN section 3),
 * on the stage's tokens x [H*W, C]:
 *   g   = sigmoid(fc2(ReLU(fc1(mean over tokens of x))))                 channel modulation
 *   ctx = GELU(Conv1x1(GELU(Conv1x1(x)) * SILA_ctx(x, L, l)))             context branch (PWAM)
 *   go  = SILA_go(x, T, t);  sp = SILA_sp(x, P, p)                       object-position block (OPAB)
 *   a   = sigmoid(Conv3x3([mean_c(sp); max_c(sp)]))
 *   stream = x + (gate_ctx(ctx) + gate_go(go) * a) * g,  gate(z) = tanh(W2 ReLU(W1 z)) * z
 * `ctx` is the stage output (before norm{i}); `stream` feeds patch merging. In the last stage
 * nothing reads `stream`, so the executor drops g, OPAB and the gates there as dead work.
 * Unused checkpoint tensors: OPAB's go_embedding (never called by the reference).
 */
import { fiamCombineOp } from '../kernels/fiam-combine.js';
import { linear } from '../lowering/ops.js';
import { reduceOp } from '../kernels/reduce.js';
import { spatialGateOp } from '../kernels/spatial-gate.js';
import type { Graph, Tensor } from '../runtime/graph.js';
import { imageLanguageAttention, type LanguageInput } from './image-language-attention.js';
import { pointwiseConv } from './pointwise.js';
import type { WeightBinder } from './weights.js';

export interface FiamLanguage {
  /** BERT features with the attention mask (all real tokens). */
  l: LanguageInput;
  /** ... with the ground-object mask. */
  t: LanguageInput;
  /** ... with the spatial-position mask. */
  p: LanguageInput;
}

export interface FiamParams {
  H: number;
  W: number;
  /** fusion_num_heads of the stage. */
  heads: number;
  /** Width of fc1 in the channel modulation (channel_modulation_reduced_dim, C / 8). */
  reduced: number;
  /** InstanceNorm eps. */
  eps: number;
}

/** tanh(W2 ReLU(W1 z)) of the bias-free two-layer gate `prefix` (.0, .2); the caller multiplies by z. */
function tanhGate(g: Graph, b: WeightBinder, name: string, prefix: string, z: Tensor): Tensor {
  const C = z.shape[1];
  return g.scope(name, () => {
    const h = linear(g, 'fc1', { x: z, w: b.get(`${prefix}.0.weight`, [C, C]), act: 'relu' });
    return linear(g, 'fc2', { x: h, w: b.get(`${prefix}.2.weight`, [C, C]), act: 'tanh' });
  });
}

/** FIAM of stage `prefix` (backbone.layers.i) on x [H*W, C]: the stage output `ctx` and the fused `stream`. */
export function fiam(g: Graph, b: WeightBinder, name: string, prefix: string, x: Tensor, lang: FiamLanguage, p: FiamParams): { ctx: Tensor; stream: Tensor } {
  return g.scope(name, () => {
    const C = x.shape[1];
    const sila = { heads: p.heads, eps: p.eps };

    const modulation = g.scope('modulation', () => {
      const pooled = reduceOp(g, 'token_mean', x, 0, 'mean');
      const h = linear(g, 'fc1', { x: pooled, w: b.get(`${prefix}.fc1.weight`, [p.reduced, C]), bias: b.get(`${prefix}.fc1.bias`, [p.reduced]), act: 'relu' });
      return linear(g, 'fc2', { x: h, w: b.get(`${prefix}.fc2.weight`, [C, p.reduced]), bias: b.get(`${prefix}.fc2.bias`, [C]), act: 'sigmoid' });
    });

    const pwam = `${prefix}.context_pixel_attn`;
    const ctx = g.scope('pwam', () => {
      const vis = pointwiseConv(g, b, 'vis_project', `${pwam}.vis_project.0`, x, C, { act: 'gelu' });
      const mm = imageLanguageAttention(g, b, 'sila', `${pwam}.image_lang_att`, x, lang.l, { ...sila, mul: vis });
      return pointwiseConv(g, b, 'project_mm', `${pwam}.project_mm.0`, mm, C, { act: 'gelu' });
    });
    const ctxGate = tanhGate(g, b, 'ctx_gate', `${prefix}.context_tanh_gate`, ctx);

    const opab = `${prefix}.object_position_align_blk`;
    const { go, goGate, attn } = g.scope('opab', () => {
      const go = imageLanguageAttention(g, b, 'go_sila', `${opab}.go_cross_attn`, x, lang.t, sila);
      const goGate = tanhGate(g, b, 'go_gate', `${opab}.go_tanh_gating`, go);
      const sp = imageLanguageAttention(g, b, 'sp_sila', `${opab}.sp_cross_attn`, x, lang.p, sila);
      const avg = reduceOp(g, 'sp_mean', sp, 1, 'mean');
      const mx = reduceOp(g, 'sp_max', sp, 1, 'max');
      const attn = spatialGateOp(g, 'spatial', { avg, mx, w: b.get(`${opab}.conv1.weight`, [1, 2, 3, 3]), H: p.H, W: p.W });
      return { go, goGate, attn };
    });

    const stream = fiamCombineOp(g, 'combine', { x, ctxGate, ctx, goGate, go, attn, modulation });
    return { ctx, stream };
  });
}
