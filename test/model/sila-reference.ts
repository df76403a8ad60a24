/**
 * Float64 reference of the image-language attention (SILA) written from the reference
 * module's forward, channel by channel: q = IN(Wq x + bq), k = (Wk F + bk) m, v = (Wv F + bv) m,
 * s = softmax(q.k * C^-0.5 + 1e4 m - 1e4) per head, out = IN(Wo (s v) + bo).
 */
import { instanceNormReference } from '../../src/kernels/instance-norm.js';

export interface SilaWeights {
  q: Float32Array; qb: Float32Array; // [C, C], [C]
  k: Float32Array; kb: Float32Array; // [C, Ct], [C]
  v: Float32Array; vb: Float32Array;
  o: Float32Array; ob: Float32Array; // [C, C], [C]
}

/** y [rows, out] = x [rows, in] W^T + b. */
export function linearRef(x: ArrayLike<number>, rows: number, inCh: number, w: ArrayLike<number>, b: ArrayLike<number> | undefined, outCh: number): Float64Array {
  const y = new Float64Array(rows * outCh);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outCh; o++) {
      let s = b ? b[o] : 0;
      for (let i = 0; i < inCh; i++) s += x[r * inCh + i] * w[o * inCh + i];
      y[r * outCh + o] = s;
    }
  }
  return y;
}

export function silaReference(
  x: ArrayLike<number>, hw: number, c: number, f: ArrayLike<number>, n: number, ct: number, mask: ArrayLike<number>,
  w: SilaWeights, heads: number, eps: number,
): Float64Array {
  const d = c / heads;
  const q = instanceNormReference(linearRef(x, hw, c, w.q, w.qb, c), hw, c, eps);
  const k = linearRef(f, n, ct, w.k, w.kb, c).map((v, i) => v * mask[Math.floor(i / c)]);
  const v = linearRef(f, n, ct, w.v, w.vb, c).map((val, i) => val * mask[Math.floor(i / c)]);
  const att = new Float64Array(hw * c);
  const s = new Float64Array(n);
  for (let h = 0; h < heads; h++) {
    for (let p = 0; p < hw; p++) {
      let max = -Infinity;
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let e = 0; e < d; e++) dot += q[p * c + h * d + e] * k[j * c + h * d + e];
        s[j] = dot * c ** -0.5 + (1e4 * mask[j] - 1e4);
        max = Math.max(max, s[j]);
      }
      let sum = 0;
      for (let j = 0; j < n; j++) sum += (s[j] = Math.exp(s[j] - max));
      for (let e = 0; e < d; e++) {
        let acc = 0;
        for (let j = 0; j < n; j++) acc += (s[j] / sum) * v[j * c + h * d + e];
        att[p * c + h * d + e] = acc;
      }
    }
  }
  return instanceNormReference(linearRef(att, hw, c, w.o, w.ob, c), hw, c, eps);
}
