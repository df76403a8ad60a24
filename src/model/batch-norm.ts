/**
 * Inference-mode BatchNorm folded into the neighbouring convolution when the weights are
 * loaded (DESIGN section 4), with the float64 maths of batch-norm-fold.ts rounded once to
 * float32, or to float16 for a graph that stores its weights as f16 (the folded weight's
 * f16 copy is then exact: one rounding; the folded bias stays f32). A store whose BatchNorms are already folded (`fianet convert --fold-bn`,
 * WeightStore.bnFolded) holds the folded weight and bias under the convolution's names: they
 * are bound as they are, and a BatchNorm tensor left in such a file is an error.
 */
import { FianetError } from '../errors.js';
import { f16BitsToF32, f64ToF16Bits } from '../io/dtype.js';
import { fmtShape, type Tensor } from '../runtime/graph.js';
import { BATCH_NORM_PARAMS, BATCH_NORM_TENSORS, BN_FOLDED_METADATA, foldedBias, foldedWeight, type BatchNormFold, type BatchNormStats } from './batch-norm-fold.js';
import type { WeightBinder } from './weights.js';

export interface FoldedConv {
  /** [out, in, kh, kw] */
  weight: Tensor;
  /** [out] */
  bias: Tensor;
}

/** A convolution and its BatchNorm by checkpoint prefix; `shape` is the conv weight's [out, in, kh, kw]. */
export interface BatchNormConv {
  conv: string;
  bn: string;
  shape: readonly number[];
  eps: number;
}

/** BN(Conv(x)) as one convolution: W' = W * s[out], b' = b * s + t (b = 0 without a conv bias). */
export function convThenBatchNorm(b: WeightBinder, { conv, bn, shape, eps, convBias }: BatchNormConv & { convBias: boolean }): FoldedConv {
  return foldedConv(b, { order: 'conv-bn', conv, bn, convBias }, shape, eps);
}

/**
 * Conv(BN(x)) for a 1x1 convolution with bias: W'[o, i] = W[o, i] * s[i],
 * b'[o] = b[o] + sum_i W[o, i] * t[i]. `shape` is [out, in, 1, 1].
 */
export function batchNormThenConv(b: WeightBinder, { conv, bn, shape, eps }: BatchNormConv): FoldedConv {
  return foldedConv(b, { order: 'bn-conv', conv, bn, convBias: true }, shape, eps);
}

function foldedConv(b: WeightBinder, fold: BatchNormFold, shape: readonly number[], eps: number): FoldedConv {
  if (b.store.bnFolded) return storedFold(b, fold, shape);
  const { conv, bn } = fold;
  const out = shape[0];
  const bnNames = BATCH_NORM_PARAMS.map((p) => `${bn}.${p}`);
  const bnShapes = BATCH_NORM_PARAMS.map(() => [fold.order === 'conv-bn' ? out : shape[1]]);
  const stats = (p: Float32Array[]): BatchNormStats => [p[0], p[1], p[2], p[3]];
  const f16 = b.g.weightDtype === 'f16';
  const weight = b.derived(`${conv}.weight+${bn}`, shape, [`${conv}.weight`, ...bnNames], ([w, ...p]) => {
    if (!f16) return foldedWeight(fold, w, stats(p), eps, new Float32Array(w.length));
    const exact = foldedWeight(fold, w, stats(p), eps);
    const out = new Float32Array(exact.length);
    for (let i = 0; i < exact.length; i++) out[i] = f16BitsToF32(f64ToF16Bits(exact[i]));
    return out;
  }, [shape, ...bnShapes]);
  // The bias reads the conv weight only when the BatchNorm comes first (b' sums W * t).
  const withWeight = fold.order === 'bn-conv';
  const biasSources = [...(withWeight ? [`${conv}.weight`] : []), ...(fold.convBias ? [`${conv}.bias`] : []), ...bnNames];
  const biasShapes = [...(withWeight ? [shape] : []), ...(fold.convBias ? [[out]] : []), ...bnShapes];
  const bias = b.derived(`${conv}.bias+${bn}`, [out], biasSources, (data) => {
    const w = withWeight ? data.shift() : undefined;
    const convB = fold.convBias ? data.shift() : undefined;
    return Float32Array.from(foldedBias(fold, convB, stats(data), eps, w));
  }, biasShapes);
  return { weight, bias };
}

/** The folded convolution as stored; a BatchNorm tensor still there or a missing folded bias means a mixed file. */
function storedFold(b: WeightBinder, { conv, bn }: BatchNormFold, shape: readonly number[]): FoldedConv {
  const { label } = b.store;
  const says = `says BatchNorm is folded (metadata ${BN_FOLDED_METADATA})`;
  for (const part of BATCH_NORM_TENSORS) {
    const name = `${bn}.${part}`;
    if (b.store.shape(name)) {
      throw new FianetError('bad-weights', `${label} ${says} but still holds '${name}': a folded file stores no BatchNorm tensors; convert the .pth again with --fold-bn`);
    }
  }
  if (!b.store.shape(`${conv}.bias`)) {
    throw new FianetError('bad-weights', `${label} ${says} but lacks '${conv}.bias' ${fmtShape([shape[0]])}, the bias '${bn}' folds into; convert the .pth again with --fold-bn`);
  }
  return { weight: b.get(`${conv}.weight`, shape), bias: b.get(`${conv}.bias`, [shape[0]]) };
}
