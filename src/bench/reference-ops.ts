/**
 * The float64 building blocks the model references (bert, sila, swin, fiam, tmem, decoder)
 * share, each a thin layout adapter over a kernel's float64 reference, so that a product or a
 * norm is computed by one piece of maths everywhere. Weights are read by checkpoint name.
 */
import { matmulReference } from '../kernels/matmul.js';
import type { Activation } from '../kernels/wgsl-helpers.js';

/** A checkpoint tensor by name (the references read weights synchronously: load them first). */
export type Weights = (name: string) => Float32Array;

/** BERT's features [n, Ct] for one mask pass and the 0/1 mask [n] they were computed with. */
export interface LanguageRef {
  features: ArrayLike<number>;
  mask: ArrayLike<number>;
}

/** act(x W^T + b) (+ residual) for tokens x [rows, in] and a Linear (or 1x1 conv) weight W [out, in]: [rows, out]. */
export function linearRef(
  x: ArrayLike<number>, rows: number, w: ArrayLike<number>, b: ArrayLike<number> | undefined, outDim: number,
  opts: { act?: Activation; residual?: ArrayLike<number> } = {},
): Float64Array {
  const K = w.length / outDim;
  const p = { M: rows, N: outDim, K, lda: K, ldb: K, ldo: outDim, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 };
  return matmulReference(x, w, p, { transB: true, bias: b, act: opts.act, residual: opts.residual });
}

/** A 1x1 convolution on a channel-first map x [in, P]: W [out, in] x + b per output channel -> [out, P]. */
export function conv1x1Ref(x: ArrayLike<number>, P: number, w: ArrayLike<number>, b: ArrayLike<number>, outDim: number): Float64Array {
  const K = w.length / outDim;
  const p = { M: outDim, N: P, K, lda: K, ldb: P, ldo: P, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 };
  const y = matmulReference(w, x, p);
  for (let o = 0; o < outDim; o++) for (let i = 0; i < P; i++) y[o * P + i] += b[o];
  return y;
}

/**
 * Inference-mode BatchNorm `prefix` (weight, bias, running_mean, running_var) of x, applied as
 * the reference does (unfolded: (x - mean) / sqrt(var + eps) * gamma + beta), the channel of
 * element i being channelOf(i).
 */
export function batchNormRef(x: ArrayLike<number>, w: Weights, prefix: string, eps: number, channelOf: (i: number) => number): Float64Array {
  const [gamma, beta, mean, variance] = ['weight', 'bias', 'running_mean', 'running_var'].map((p) => w(`${prefix}.${p}`));
  return Float64Array.from(x, (v, i) => {
    const c = channelOf(i);
    return ((v - mean[c]) / Math.sqrt(variance[c] + eps)) * gamma[c] + beta[c];
  });
}

/** [rows, cols] -> [cols, rows] (token-major <-> channel-first). */
export function transposeRef(x: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = x[r * cols + c];
  return out;
}
