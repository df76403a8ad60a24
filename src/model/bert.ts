/**
 * The BERT text encoder (DESIGN section 2), run for the three masks l, t, p over the same
 * token ids as ONE batch: every projection reads its weight once for all 3N rows.
 *
 * Layout: the three passes are stacked row-wise, x is [3N, hidden] (rows b*N .. b*N+N-1 are
 * pass b = l, t, p). Attention treats the batch as one block-diagonal problem: the scores of
 * head h are [3N, 3N], computed by a strided matmul that reads the head's columns of q and k
 * in place (batch over heads, no permute), and the key bias of pass b is
 * (1 - mask_b) * -10000 on its own keys and -1e30 on the other passes' keys, so those get a
 * softmax weight of exactly 0 and contribute exactly 0 to probs x V. The result equals three
 * separate passes up to float32 summation order; the 3x larger score matrices cost ~0.1% of
 * the layer's FLOPs (the projections dominate). The score order is the reference's:
 * (q k^T) * head_dim^-0.5 (exactly /8 for head_dim 64, a power of two), then + bias in float32,
 * then softmax -- which matters for an all-zero mask (every score shifted by -10000).
 *
 * Inputs (bertInputs): `input_ids` int32 [N] and `l_mask`, `t_mask`, `p_mask` float32 [N]
 * (0/1), the same mask tensors the fusion modules take (LanguageInput.mask). Outputs: L, T, P
 * as separate [N, hidden] tensors (the last LayerNorm writes each pass's rows to its own
 * tensor). Token-major: element (token n, channel c) at n * hidden + c. The fusion modules'
 * channel-first 768 x N view is the transpose: a Conv1d 1x1 over it (f_key, f_value) is
 * linear(L, W[:, :, 0]) giving [N, C] token-major, or a matmul with transB for C x N.
 */
import { FianetError } from '../errors.js';
import { attentionMaskBiasOp } from '../kernels/attention-mask-bias.js';
import { embeddingGatherOp } from '../kernels/embedding-gather.js';
import { softmaxOp } from '../kernels/softmax.js';
import { layerNorm, linear, product } from '../lowering/ops.js';
import { streamedWeight } from '../lowering/streamed-weight.js';
import type { HostTensor } from '../runtime/executor.js';
import type { Graph, Tensor } from '../runtime/graph.js';
import type { BertConfig } from './config.js';
import type { WeightBinder } from './weights.js';

export const BERT_PASSES = ['l', 't', 'p'] as const;
export type BertPass = (typeof BERT_PASSES)[number];
/** One tensor per pass: masks ([N] float32 0/1) or outputs ([N, hidden]). */
export type PerPass<T> = Record<BertPass, T>;

export interface BertInputs {
  ids: Tensor;
  masks: PerPass<Tensor>;
}

function checkLength(cfg: BertConfig, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new FianetError('bad-input', `BERT: empty token sequence (${n} tokens); it needs at least [CLS]`);
  if (n > cfg.max_position) throw new FianetError('bad-input', `BERT: ${n} tokens, but the model has only ${cfg.max_position} positions`);
}

function checkMask(label: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== 0 && data[i] !== 1) throw new FianetError('bad-input', `${label}: value ${data[i]} at position ${i}; masks must be 0 or 1`);
  }
}

/** Declares the graph inputs `input_ids` (int32 [n]) and `l_mask`, `t_mask`, `p_mask` (float32 [n]). */
export function bertInputs(g: Graph, cfg: BertConfig, n: number): BertInputs {
  checkLength(cfg, n);
  const ids = g.input('input_ids', [n], 'i32');
  return { ids, masks: bertMaskInputs(g, n) };
}

/** Declares the mask inputs `l_mask`, `t_mask`, `p_mask` (float32 [n], checked 0/1 on upload). */
export function bertMaskInputs(g: Graph, n: number): PerPass<Tensor> {
  const masks = {} as PerPass<Tensor>;
  for (const pass of BERT_PASSES) {
    const name = `${pass}_mask`;
    masks[pass] = g.input(name, [n]);
    g.checkInput(masks[pass], (data) => checkMask(name, data));
  }
  return masks;
}

/**
 * Host data for bertInputs from token ids and the three masks (e.g. encodeExpression's
 * `input_ids`, `l_mask`, `t_mask`, `p_mask`), checked: equal lengths, ids in the vocabulary.
 */
export function packBertInputs(cfg: BertConfig, ids: ArrayLike<number>, masks: PerPass<ArrayLike<number>>): Record<string, HostTensor> {
  checkLength(cfg, ids.length);
  const out: Record<string, HostTensor> = { input_ids: Int32Array.from(ids) };
  for (let i = 0; i < ids.length; i++) {
    if (!Number.isInteger(ids[i]) || ids[i] < 0 || ids[i] >= cfg.vocab_size) {
      throw new FianetError('bad-input', `BERT: token id ${ids[i]} at position ${i} is outside the vocabulary [0, ${cfg.vocab_size})`);
    }
  }
  for (const pass of BERT_PASSES) {
    const m = masks[pass];
    if (m.length !== ids.length) throw new FianetError('bad-input', `BERT: ${pass}_mask has ${m.length} values for ${ids.length} token ids`);
    checkMask(`${pass}_mask`, m);
    out[`${pass}_mask`] = Float32Array.from(m);
  }
  return out;
}

/**
 * Builds the encoder under scope `text`; weights from `w` under `prefix` (reference names,
 * `text_encoder.embeddings.*`, `text_encoder.encoder.layer.{i}.*`; no pooler).
 */
export function bertEncoder(g: Graph, w: WeightBinder, cfg: BertConfig, inputs: BertInputs, prefix = 'text_encoder'): PerPass<Tensor> {
  const n = inputs.ids.shape[0];
  checkLength(cfg, n);
  const d = cfg.hidden;
  if (d % cfg.heads !== 0) throw new FianetError('bad-input', `BERT: hidden ${d} is not a multiple of ${cfg.heads} heads`);
  const dh = d / cfg.heads;
  const passes = BERT_PASSES.length;
  const rows = passes * n;
  const eps = cfg.layer_norm_eps;
  const vec = (name: string, size = d) => w.get(`${name}`, [size]);

  return g.scope('text', () => {
    /** LayerNorm of x [3N, d]; with `split`, one [N, d] tensor per pass (the encoder's outputs). */
    function norm(name: string, x: Tensor, weights: string, split: boolean): Tensor | PerPass<Tensor> {
      const [gamma, beta] = [vec(`${weights}.weight`), vec(`${weights}.bias`)];
      if (!split) return layerNorm(g, name, x, { gamma, beta, eps });
      const out = {} as PerPass<Tensor>;
      BERT_PASSES.forEach((pass, b) => (out[pass] = layerNorm(g, `${name}.${pass}`, x, { gamma, beta, eps, rowRange: [b * n, n] })));
      return out;
    }

    const emb = `${prefix}.embeddings`;
    // word + position + token type 0, written once per pass; the word table (23M values in
    // BERT-base) is stored like the streamed weights, the position and type rows stay f32.
    const words = streamedWeight(g, w.get(`${emb}.word_embeddings.weight`, [cfg.vocab_size, d]));
    const e = embeddingGatherOp(g, 'embeddings', inputs.ids, words, {
      pos: w.get(`${emb}.position_embeddings.weight`, [cfg.max_position, d]),
      typeRow: w.get(`${emb}.token_type_embeddings.weight`, [cfg.type_vocab_size, d]),
      copies: passes,
    });
    let x = norm('embeddings.norm', e, `${emb}.LayerNorm`, cfg.layers === 0);
    const bias = attentionMaskBiasOp(g, 'mask_bias', BERT_PASSES.map((p) => inputs.masks[p]));

    for (let i = 0; i < cfg.layers; i++) {
      const p = `${prefix}.encoder.layer.${i}`;
      const input = x as Tensor;
      x = g.scope(`layer${i}`, () => {
        const proj = (name: string, src: string) => linear(g, name, { x: input, w: w.get(`${p}.${src}.weight`, [d, d]), bias: vec(`${p}.${src}.bias`) });
        const [q, k, v] = [proj('query', 'attention.self.query'), proj('key', 'attention.self.key'), proj('value', 'attention.self.value')];
        // scores[h] = q_h k_h^T * dh^-0.5: [3N, 3N] per head, heads read in place from [3N, d].
        const scores = product(g, 'scores', {
          a: { tensor: q, rows, cols: dh, ldr: d, ldc: 1, batchStride: dh },
          b: { tensor: k, rows, cols: dh, ldr: d, ldc: 1, batchStride: dh },
          outShape: [cfg.heads, rows, rows], batch: cfg.heads, alpha: 1 / Math.sqrt(dh),
        });
        // Row h*3N + b*N + t of the scores belongs to pass b = (row / N) % 3.
        const probs = softmaxOp(g, 'probs', scores, { tensor: bias, rowsPerBiasRow: n });
        // context[:, head h] = probs_h v_h, written in place into [3N, d].
        const context = product(g, 'context', {
          a: { tensor: probs, rows, cols: rows, ldr: rows, ldc: 1, batchStride: rows * rows },
          b: { tensor: v, rows: dh, cols: rows, ldr: 1, ldc: d, batchStride: dh },
          outShape: [rows, d], batch: cfg.heads, ldo: d, outBatch: dh,
        });
        const attn = linear(g, 'attn_out', { x: context, w: w.get(`${p}.attention.output.dense.weight`, [d, d]), bias: vec(`${p}.attention.output.dense.bias`), residual: input });
        const h = norm('attn_norm', attn, `${p}.attention.output.LayerNorm`, false) as Tensor;
        const inter = linear(g, 'intermediate', { x: h, w: w.get(`${p}.intermediate.dense.weight`, [cfg.intermediate, d]), bias: vec(`${p}.intermediate.dense.bias`, cfg.intermediate), act: 'gelu' });
        const out = linear(g, 'output', { x: inter, w: w.get(`${p}.output.dense.weight`, [d, cfg.intermediate]), bias: vec(`${p}.output.dense.bias`), residual: h });
        return norm('out_norm', out, `${p}.output.LayerNorm`, i === cfg.layers - 1);
      });
    }
    return x as PerPass<Tensor>;
  });
}
