/**
 * Image-language cross-attention ("SILA", the reference's SpatialImageLanguageAttention;
 * DESIGN section 3), shared by PWAM, OPAB and the TMEM blocks:
 *
 *   q = InstanceNorm(Conv1x1(x))            over the H*W positions, per channel, no affine
 *   k = Conv1x1(F) * m,  v = Conv1x1(F) * m  (the text width Ct -> C, bias, then masked)
 *   s = softmax((q k^T) * C^-0.5 + (1e4 * m - 1e4))  over the words, per head
 *   out = InstanceNorm(Conv1x1(s v))
 *
 * Key, value and output widths all equal C, as everywhere in FIANet. With several heads the
 * channels split into heads of C / heads, but the scale stays C^-0.5 (the reference scales by
 * key_channels, not the head width). Every step keeps the reference's float32 order: the scale
 * multiplies the finished dot product, then the -1e4 mask bias is added (with an all-zero mask
 * every score becomes exactly -1e4 and the zero values make the output ~0, as in the fixtures).
 *
 * Checkpoint names under `prefix`: f_query.0, f_key.0, f_value.0, W.0 (.weight [C, in, 1], .bias [C]).
 */
import { FianetError } from '../errors.js';
import { MASKED_KEY_BIAS } from '../kernels/attention-mask-bias.js';
import { binary } from '../kernels/binary.js';
import { instanceNormOp } from '../kernels/instance-norm.js';
import { softmaxOp } from '../kernels/softmax.js';
import { unaryOp } from '../kernels/unary.js';
import { product } from '../lowering/ops.js';
import { expectShape, type Graph, type Tensor } from '../runtime/graph.js';
import { pointwiseConv } from './pointwise.js';
import type { WeightBinder } from './weights.js';

/** Language features for one mask: BERT's last hidden state [N, Ct] and the 0/1 mask [N] it was run with. */
export interface LanguageInput {
  features: Tensor;
  mask: Tensor;
}

export interface ImageLanguageAttentionOptions {
  /** fusion_num_heads (1 in every published config). */
  heads: number;
  /** InstanceNorm eps (1e-5). */
  eps: number;
  /** Multiplies the output elementwise, fused into the last InstanceNorm (PWAM's `vis * lang`). */
  mul?: Tensor;
  /** Added to the output, fused into the last InstanceNorm (TMEM's `x + SILA(LN(x))`). */
  residual?: Tensor;
}

/** Rows of t [N, C] times mask [N]: the binary kernel's broadcast with one mask value per row. */
function maskRows(g: Graph, name: string, t: Tensor, mask: Tensor): Tensor {
  const [n, c] = t.shape;
  const out = g.activation(name, t.shape);
  g.call(binary, name, { args: { x: t, y: mask, out }, uniforms: { n: n * c, y_div: c, y_len: n }, consts: { op: 'mul' } });
  return out;
}

/**
 * SILA(x, F, m) for image tokens x [H*W, C] and language features `lang` ([N, Ct], mask [N]);
 * returns [H*W, C]. Graph labels go under the current scope + `name`.
 */
export function imageLanguageAttention(g: Graph, b: WeightBinder, name: string, prefix: string, x: Tensor, lang: LanguageInput, opts: ImageLanguageAttentionOptions): Tensor {
  return g.scope(name, () => {
    const where = g.name('');
    expectShape(where, 'image tokens', x, [-1, -1]);
    expectShape(where, 'language features', lang.features, [-1, -1]);
    const [hw, c] = x.shape;
    const [n] = lang.features.shape;
    expectShape(where, 'language mask', lang.mask, [n]);
    const { heads } = opts;
    if (!Number.isInteger(heads) || heads < 1 || c % heads !== 0) {
      throw new FianetError('bad-graph', `${where}: ${c} channels do not split into ${heads} heads`);
    }
    const d = c / heads;

    const query = instanceNormOp(g, 'query', pointwiseConv(g, b, 'f_query', `${prefix}.f_query.0`, x, c), opts.eps);
    const key = maskRows(g, 'key', pointwiseConv(g, b, 'f_key', `${prefix}.f_key.0`, lang.features, c), lang.mask);
    const value = maskRows(g, 'value', pointwiseConv(g, b, 'f_value', `${prefix}.f_value.0`, lang.features, c), lang.mask);

    // Scores per head [heads, H*W, N], read in place from the [*, C] projections.
    const scores = product(g, 'scores', {
      a: { tensor: query, rows: hw, cols: d, ldr: c, ldc: 1, batchStride: d },
      b: { tensor: key, rows: n, cols: d, ldr: c, ldc: 1, batchStride: d },
      outShape: [heads, hw, n], batch: heads, alpha: c ** -0.5,
    });
    const maskBias = unaryOp(g, 'mask_bias', lang.mask, 'none', { scale: -MASKED_KEY_BIAS, shift: MASKED_KEY_BIAS });
    const probs = softmaxOp(g, 'softmax', scores, { tensor: maskBias, rowsPerBiasRow: 1 });
    // Heads back side by side: out[:, h*d : (h+1)*d] = probs[h] v[:, h*d : (h+1)*d] (B = v_h transposed).
    const attended = product(g, 'attend', {
      a: { tensor: probs, rows: hw, cols: n, ldr: n, ldc: 1, batchStride: hw * n },
      b: { tensor: value, rows: d, cols: n, ldr: 1, ldc: c, batchStride: d },
      outShape: [hw, c], batch: heads, ldo: c, outBatch: d,
    });
    const projected = pointwiseConv(g, b, 'W', `${prefix}.W.0`, attended, c);
    return instanceNormOp(g, 'out', projected, opts.eps, { mul: opts.mul, residual: opts.residual });
  });
}
