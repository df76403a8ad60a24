/**
 * FIAM, the fine-grained image-text alignment after each Swin stage, in float64 (DESIGN
 * section 3), from the kernels' float64 references, on the stage's tokens x [H*W, C]:
 *   g   = sigmoid(fc2(ReLU(fc1(mean over tokens of x))))                 channel modulation
 *   ctx = GELU(Conv1x1(GELU(Conv1x1(x)) * SILA_ctx(x, L, l)))             PWAM
 *   go  = SILA_go(x, T, t);  sp = SILA_sp(x, P, p)                       OPAB
 *   a   = sigmoid(Conv3x3([mean_c(sp); max_c(sp)]))
 *   stream = x + (gate_ctx(ctx) * ctx + gate_go(go) * go * a) * g,  gate(z) = tanh(W2 ReLU(W1 z))
 * What src/model/fiam.ts builds; `ctx` is the stage output, `stream` feeds patch merging.
 */
import { fiamCombineReference } from '../kernels/fiam-combine.js';
import { reduceReference } from '../kernels/reduce.js';
import { spatialGateReference } from '../kernels/spatial-gate.js';
import type { ModelConfig } from '../model/config.js';
import { linearRef, type LanguageRef, type Weights } from './reference-ops.js';
import { silaReference, silaWeights } from './sila-reference.js';

/** The language features of the three BERT passes with their masks. */
export interface FiamLanguageRef {
  l: LanguageRef;
  t: LanguageRef;
  p: LanguageRef;
}

/** tanh(W2 ReLU(W1 z)) of the bias-free gate `prefix` (.0, .2) on z [T, C]. */
function tanhGate(w: Weights, prefix: string, z: Float64Array, T: number, C: number): Float64Array {
  const h = linearRef(z, T, w(`${prefix}.0.weight`), undefined, C, { act: 'relu' });
  return linearRef(h, T, w(`${prefix}.2.weight`), undefined, C, { act: 'tanh' });
}

/** FIAM of stage `stage` on x [H*W, C]: the stage output `ctx` (before norm{i}) and the fused `stream`. */
export function fiamReference(m: ModelConfig, w: Weights, stage: number, x: ArrayLike<number>, H: number, W: number, lang: FiamLanguageRef): { ctx: Float64Array; stream: Float64Array } {
  const T = H * W;
  const C = x.length / T;
  const prefix = `backbone.layers.${stage}`;
  const [heads, eps] = [m.fusion_num_heads[stage], m.instancenorm_eps];
  const sila = (module: string, l: LanguageRef, opts?: { mul?: ArrayLike<number> }) =>
    silaReference(x, T, C, l.features, l.mask.length, l.mask, silaWeights(w, module), heads, eps, opts);

  const pooled = reduceReference(x, 1, T, C, 'mean');
  const reduced = linearRef(pooled, 1, w(`${prefix}.fc1.weight`), w(`${prefix}.fc1.bias`), m.channel_modulation_reduced_dim[stage], { act: 'relu' });
  const modulation = linearRef(reduced, 1, w(`${prefix}.fc2.weight`), w(`${prefix}.fc2.bias`), C, { act: 'sigmoid' });

  const pwam = `${prefix}.context_pixel_attn`;
  const vis = linearRef(x, T, w(`${pwam}.vis_project.0.weight`), w(`${pwam}.vis_project.0.bias`), C, { act: 'gelu' });
  const mm = sila(`${pwam}.image_lang_att`, lang.l, { mul: vis });
  const ctx = linearRef(mm, T, w(`${pwam}.project_mm.0.weight`), w(`${pwam}.project_mm.0.bias`), C, { act: 'gelu' });

  const opab = `${prefix}.object_position_align_blk`;
  const go = sila(`${opab}.go_cross_attn`, lang.t);
  const sp = sila(`${opab}.sp_cross_attn`, lang.p);
  const attn = spatialGateReference(reduceReference(sp, T, C, 1, 'mean'), reduceReference(sp, T, C, 1, 'max'), w(`${opab}.conv1.weight`), H, W);
  const stream = fiamCombineReference({
    x, ctx, go, attn, modulation,
    ctxGate: tanhGate(w, `${prefix}.context_tanh_gate`, ctx, T, C),
    goGate: tanhGate(w, `${opab}.go_tanh_gating`, go, T, C),
  }, C);
  return { ctx, stream };
}
