/**
 * Inference-mode BatchNorm folded into its neighbouring convolution, in float64 (DESIGN
 * section 4): BN is an affine map per channel, y = x * s + t with s = gamma / sqrt(var + eps),
 * t = beta - mean * s. One place for the maths, shared by the loader (batch-norm.ts, at
 * upload time) and `fianet convert --fold-bn` (stored folded): the callers round the float64
 * results once, to float32 (or float16). No graph and no Node imports.
 */

/** The float tensors of an nn.BatchNorm2d that folding reads. */
export const BATCH_NORM_PARAMS = ['weight', 'bias', 'running_mean', 'running_var'] as const;
/** Everything an nn.BatchNorm2d saves (num_batches_tracked only counts training steps). */
export const BATCH_NORM_TENSORS = [...BATCH_NORM_PARAMS, 'num_batches_tracked'] as const;

/** safetensors metadata entry saying that every BatchNorm is folded (value "true"). */
export const BN_FOLDED_METADATA = 'fianet_bn_folded';

/** The per-channel statistics, in BATCH_NORM_PARAMS order: gamma, beta, mean, var. */
export type BatchNormStats = readonly [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>, ArrayLike<number>];

function batchNormAffine([gamma, beta, mean, variance]: BatchNormStats, eps: number): { s: Float64Array; t: Float64Array } {
  const s = Float64Array.from(gamma, (g, i) => g / Math.sqrt(variance[i] + eps));
  const t = Float64Array.from(beta, (bb, i) => bb - mean[i] * s[i]);
  return { s, t };
}

/**
 * One BatchNorm and its convolution, by checkpoint prefix. 'conv-bn': BN(Conv(x)), any
 * kernel size; 'bn-conv': Conv1x1(BN(x)) (exact only for a 1x1 convolution without padding).
 * `convBias`: whether the unfolded convolution has a bias (a folded one always has).
 */
export interface BatchNormFold {
  order: 'conv-bn' | 'bn-conv';
  conv: string;
  bn: string;
  convBias: boolean;
}

/**
 * Every BatchNorm of the reference FIANet (4 stages): TMEM's bn before up_channel, the three
 * of each scale-aware gate (1x1 convs with bias), the decoder's six (3x3 convs without bias).
 * The model builders (tmem.ts, scale-aware-gate.ts, decoder.ts) fold these same pairs.
 */
export function batchNormFolds(): BatchNormFold[] {
  const folds: BatchNormFold[] = [{ order: 'bn-conv', conv: 'backbone.tmem.up_channel', bn: 'backbone.tmem.bn', convBias: true }];
  for (let s = 0; s < 4; s++) {
    const gate = `backbone.tmem.fusion.${s}`;
    for (const [conv, bn] of [['local_embedding', 'bn1'], ['global_embedding', 'bn2'], ['global_act', 'bn3']]) {
      folds.push({ order: 'conv-bn', conv: `${gate}.${conv}`, bn: `${gate}.${bn}`, convBias: true });
    }
  }
  for (const level of [4, 3, 2]) {
    for (const k of [1, 2]) folds.push({ order: 'conv-bn', conv: `classifier.conv${k}_${level}`, bn: `classifier.bn${k}_${level}`, convBias: false });
  }
  return folds;
}

/**
 * The folded weight of `fold`, shaped like the conv weight, computed in float64:
 *   conv-bn: W'[o, ...] = W[o, ...] * s[o];  bn-conv: W'[o, i] = W[o, i] * s[i].
 * Into a Float32Array `out`, each float64 product is rounded once as it is stored.
 */
export function foldedWeight(fold: BatchNormFold, convWeight: ArrayLike<number>, stats: BatchNormStats, eps: number): Float64Array;
export function foldedWeight(fold: BatchNormFold, convWeight: ArrayLike<number>, stats: BatchNormStats, eps: number, out: Float32Array): Float32Array;
export function foldedWeight(
  fold: BatchNormFold, convWeight: ArrayLike<number>, stats: BatchNormStats, eps: number,
  out: Float64Array | Float32Array = new Float64Array(convWeight.length),
): Float64Array | Float32Array {
  const { s } = batchNormAffine(stats, eps);
  // Plain loops: a mapping callback per element made this most of base480's load (measured).
  if (fold.order === 'conv-bn') {
    const per = convWeight.length / s.length;
    for (let o = 0, i = 0; o < s.length; o++) for (let end = i + per; i < end; i++) out[i] = convWeight[i] * s[o];
    return out;
  }
  for (let i = 0; i < out.length; i++) out[i] = convWeight[i] * s[i % s.length];
  return out;
}

/**
 * The folded bias [out] of `fold` in float64:
 *   conv-bn: b' = b * s + t (b = 0 without a conv bias);
 *   bn-conv: b'[o] = b[o] + sum_i W[o, i] * t[i] (needs `convWeight`).
 */
export function foldedBias(fold: BatchNormFold, convBias: ArrayLike<number> | undefined, stats: BatchNormStats, eps: number, convWeight?: ArrayLike<number>): Float64Array {
  const { s, t } = batchNormAffine(stats, eps);
  if (fold.order === 'conv-bn') return Float64Array.from(t, (tv, o) => (convBias ? convBias[o] : 0) * s[o] + tv);
  const inCh = t.length;
  return Float64Array.from(convBias!, (bv, o) => {
    let sum = bv;
    for (let i = 0; i < inCh; i++) sum += convWeight![o * inCh + i] * t[i];
    return sum;
  });
}
