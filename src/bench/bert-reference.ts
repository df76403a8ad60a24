/**
 * BERT in float64 for one mask pass (the kernels' float64 references and plain loops), as the
 * reference computes it (the model tests check the encoder against it; the bert bench suite
 * checks its graph before timing), except that the masked score is formed in float32 like the
 * reference does: f32(f32(q.k * scale) + (1 - m) * -10000). With `quantise: false` the bias is added in float64, which is what an
 * implementation that reorders the mask (or subtracts the max first) effectively computes.
 */
import { layerNormReference } from '../kernels/layer-norm.js';
import { erf } from '../kernels/reference.js';
import type { BertConfig } from '../model/config.js';
import { linearRef, type Weights } from './reference-ops.js';

const layerNorm = (x: Float64Array, rows: number, cols: number, g: Float32Array, b: Float32Array, eps: number): Float64Array => layerNormReference(x, g, b, rows, cols, eps);

/** y = x W^T + b (+ residual), W [out, in]. */
const dense = (x: Float64Array, rows: number, w: Float32Array, b: Float32Array, outDim: number, residual?: Float64Array): Float64Array => linearRef(x, rows, w, b, outDim, { residual });

export function bertReference(cfg: BertConfig, w: Weights, ids: ArrayLike<number>, mask: ArrayLike<number>, opts: { quantise?: boolean; prefix?: string } = {}): Float64Array {
  const quantise = opts.quantise ?? true;
  const p = opts.prefix ?? 'text_encoder';
  const n = ids.length;
  const d = cfg.hidden;
  const dh = d / cfg.heads;
  const word = w(`${p}.embeddings.word_embeddings.weight`);
  const pos = w(`${p}.embeddings.position_embeddings.weight`);
  const type = w(`${p}.embeddings.token_type_embeddings.weight`);
  let x: Float64Array = new Float64Array(n * d);
  for (let t = 0; t < n; t++) for (let c = 0; c < d; c++) x[t * d + c] = word[ids[t] * d + c] + pos[t * d + c] + type[c];
  x = layerNorm(x, n, d, w(`${p}.embeddings.LayerNorm.weight`), w(`${p}.embeddings.LayerNorm.bias`), cfg.layer_norm_eps);
  const bias = Array.from(mask, (m) => (1 - m) * -10000);
  for (let l = 0; l < cfg.layers; l++) {
    const L = `${p}.encoder.layer.${l}`;
    const proj = (s: string) => dense(x, n, w(`${L}.attention.self.${s}.weight`), w(`${L}.attention.self.${s}.bias`), d);
    const [q, k, v] = [proj('query'), proj('key'), proj('value')];
    const ctx = new Float64Array(n * d);
    for (let h = 0; h < cfg.heads; h++) {
      for (let i = 0; i < n; i++) {
        const s = new Float64Array(n);
        for (let j = 0; j < n; j++) {
          let dot = 0;
          for (let c = 0; c < dh; c++) dot += q[i * d + h * dh + c] * k[j * d + h * dh + c];
          const scaled = dot / Math.sqrt(dh);
          s[j] = quantise ? Math.fround(Math.fround(scaled) + bias[j]) : scaled + bias[j];
        }
        const max = Math.max(...s);
        let sum = 0;
        for (let j = 0; j < n; j++) sum += (s[j] = Math.exp(s[j] - max));
        for (let c = 0; c < dh; c++) {
          let acc = 0;
          for (let j = 0; j < n; j++) acc += (s[j] / sum) * v[j * d + h * dh + c];
          ctx[i * d + h * dh + c] = acc;
        }
      }
    }
    const a = dense(ctx, n, w(`${L}.attention.output.dense.weight`), w(`${L}.attention.output.dense.bias`), d, x);
    const h1 = layerNorm(a, n, d, w(`${L}.attention.output.LayerNorm.weight`), w(`${L}.attention.output.LayerNorm.bias`), cfg.layer_norm_eps);
    const inter = dense(h1, n, w(`${L}.intermediate.dense.weight`), w(`${L}.intermediate.dense.bias`), cfg.intermediate).map((z) => 0.5 * z * (1 + erf(z / Math.SQRT2)));
    const o = dense(inter, n, w(`${L}.output.dense.weight`), w(`${L}.output.dense.bias`), d, h1);
    x = layerNorm(o, n, d, w(`${L}.output.LayerNorm.weight`), w(`${L}.output.LayerNorm.bias`), cfg.layer_norm_eps);
  }
  return x;
}
