/**
 * Float64 reference of the image-language attention (SILA, the reference's
 * SpatialImageLanguageAttention) written from the module's forward, channel by channel:
 * q = IN(Wq x + bq), k = (Wk F + bk) m, v = (Wv F + bv) m,
 * s = softmax(q.k * C^-0.5 + 1e4 m - 1e4) per head, out = IN(Wo (s v) + bo) (* mul, + residual:
 * what PWAM and the TMEM blocks do with it). The SILA test checks the graph against it; the
 * fiam and tmem references compose it.
 */
import { instanceNormReference } from '../kernels/instance-norm.js';
import { linearRef, type Weights } from './reference-ops.js';

export interface SilaWeights {
  q: Float32Array; qb: Float32Array; // [C, C], [C]
  k: Float32Array; kb: Float32Array; // [C, Ct], [C]
  v: Float32Array; vb: Float32Array;
  o: Float32Array; ob: Float32Array; // [C, C], [C]
}

/** The weights of the SILA module `prefix` (f_query.0, f_key.0, f_value.0, W.0; Conv1d 1x1, read as [out, in]). */
export function silaWeights(w: Weights, prefix: string): SilaWeights {
  const at = (name: string) => w(`${prefix}.${name}`);
  return {
    q: at('f_query.0.weight'), qb: at('f_query.0.bias'),
    k: at('f_key.0.weight'), kb: at('f_key.0.bias'),
    v: at('f_value.0.weight'), vb: at('f_value.0.bias'),
    o: at('W.0.weight'), ob: at('W.0.bias'),
  };
}

/** SILA of image tokens x [hw, c] and language features f [n, Ct] with mask [n]: [hw, c]. */
export function silaReference(
  x: ArrayLike<number>, hw: number, c: number, f: ArrayLike<number>, n: number, mask: ArrayLike<number>,
  w: SilaWeights, heads: number, eps: number, opts: { mul?: ArrayLike<number>; residual?: ArrayLike<number> } = {},
): Float64Array {
  const d = c / heads;
  const q = instanceNormReference(linearRef(x, hw, w.q, w.qb, c), hw, c, eps);
  const k = linearRef(f, n, w.k, w.kb, c).map((v, i) => v * mask[Math.floor(i / c)]);
  const v = linearRef(f, n, w.v, w.vb, c).map((val, i) => val * mask[Math.floor(i / c)]);
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
  return instanceNormReference(linearRef(att, hw, w.o, w.ob, c), hw, c, eps, opts);
}
