/**
 * Inference-mode BatchNorm folded into the neighbouring convolution when the weights are
 * loaded (DESIGN section 4: every BatchNorm of the TMEM, the gates and the decoder is an
 * affine map per channel, y = x * s + t with s = gamma / sqrt(var + eps), t = beta - mean * s).
 * The folding is done in float64 and rounded once to float32.
 */
import type { Tensor } from '../runtime/graph.js';
import type { WeightBinder } from './weights.js';

export interface FoldedConv {
  /** [out, in, kh, kw] */
  weight: Tensor;
  /** [out] */
  bias: Tensor;
}

const BN_PARTS = ['weight', 'bias', 'running_mean', 'running_var'];

function affine(gamma: Float32Array, beta: Float32Array, mean: Float32Array, variance: Float32Array, eps: number): { s: Float64Array; t: Float64Array } {
  const s = Float64Array.from(gamma, (g, i) => g / Math.sqrt(variance[i] + eps));
  const t = Float64Array.from(beta, (bb, i) => bb - mean[i] * s[i]);
  return { s, t };
}

/**
 * BN(Conv(x)) as one convolution: W' = W * s[out], b' = b * s + t (b = 0 without a conv bias).
 * `conv` and `bn` are checkpoint prefixes; `shape` is the conv weight's [out, in, kh, kw].
 */
export function convThenBatchNorm(b: WeightBinder, conv: string, bn: string, shape: readonly number[], eps: number, convBias: boolean): FoldedConv {
  const out = shape[0];
  const per = shape.slice(1).reduce((x, y) => x * y, 1);
  const bnNames = BN_PARTS.map((p) => `${bn}.${p}`);
  const bnShapes = BN_PARTS.map(() => [out]);
  const weight = b.derived(`${conv}.weight+${bn}`, shape, [`${conv}.weight`, ...bnNames], ([w, ...p]) => {
    const { s } = affine(p[0], p[1], p[2], p[3], eps);
    return Float32Array.from(w, (v, i) => v * s[Math.floor(i / per)]);
  }, [shape, ...bnShapes]);
  const biasSources = convBias ? [`${conv}.bias`, ...bnNames] : bnNames;
  const bias = b.derived(`${conv}.bias+${bn}`, [out], biasSources, (data) => {
    const [convB, p] = convBias ? [data[0], data.slice(1)] : [undefined, data];
    const { s, t } = affine(p[0], p[1], p[2], p[3], eps);
    return Float32Array.from(t, (tv, o) => (convB ? convB[o] : 0) * s[o] + tv);
  }, [...(convBias ? [[out]] : []), ...bnShapes]);
  return { weight, bias };
}

/**
 * Conv(BN(x)) for a 1x1 convolution with bias: W'[o, i] = W[o, i] * s[i],
 * b'[o] = b[o] + sum_i W[o, i] * t[i]. `shape` is the conv weight's [out, in, 1, 1].
 */
export function batchNormThenConv(b: WeightBinder, bn: string, conv: string, shape: readonly number[], eps: number): FoldedConv {
  const [out, inCh] = shape;
  const bnNames = BN_PARTS.map((p) => `${bn}.${p}`);
  const bnShapes = BN_PARTS.map(() => [inCh]);
  const weight = b.derived(`${bn}+${conv}.weight`, shape, [`${conv}.weight`, ...bnNames], ([w, ...p]) => {
    const { s } = affine(p[0], p[1], p[2], p[3], eps);
    return Float32Array.from(w, (v, i) => v * s[i % inCh]);
  }, [shape, ...bnShapes]);
  const bias = b.derived(`${bn}+${conv}.bias`, [out], [`${conv}.weight`, `${conv}.bias`, ...bnNames], ([w, convB, ...p]) => {
    const { t } = affine(p[0], p[1], p[2], p[3], eps);
    return Float32Array.from(convB, (bv, o) => {
      let sum = bv;
      for (let i = 0; i < inCh; i++) sum += w[o * inCh + i] * t[i];
      return sum;
    });
  }, [shape, [out], ...bnShapes]);
  return { weight, bias };
}
