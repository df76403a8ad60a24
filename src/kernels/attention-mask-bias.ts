/**
 * Additive key bias for attention over several sequences batched into one block-diagonal
 * problem (BERT's l, t, p passes over the same tokens, `passes` of them, each N long):
 *   bias[b, j] = (1 - mask_b[j % N]) * masked   when key j belongs to pass b (j / N == b)
 *              = outside                        otherwise
 * `masked` is BERT's -10000, in the reference's form (1 - m) * -10000 (exact in float32 for
 * m in {0, 1}). `outside` (-1e30) gives the other passes' keys a softmax weight of exactly 0,
 * so a softmax over all passes' keys equals the softmax over the pass's own keys.
 */
import { FianetError } from '../errors.js';
import { fmtShape, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { elementwiseMain } from './wgsl-helpers.js';

const WG = 64;
export const MAX_PASSES = 3;
/** The reference's bias of a masked key (BERT's extended attention mask, SILA's word mask): (1 - m) * -10000. */
export const MASKED_KEY_BIAS = -10000;

/** Bias of keys outside a query's pass: exp(-1e30 - max) is exactly 0 in float32. */
export const OUTSIDE_PASS_BIAS = -1e30;

export const attentionMaskBias = defineKernel({
  name: 'attention-mask-bias',
  bindings: [{ name: 'm0' }, { name: 'm1', optional: true }, { name: 'm2', optional: true }, { name: 'out', output: true }],
  uniforms: { n: 'u32', masked: 'f32', outside: 'f32' },
  constants: { passes: 1 },
  wgsl: (c) => /* wgsl */ `
// m0..m${Number(c.passes) - 1}: [n] 0/1 -> out: [${c.passes}, ${c.passes} * n]
${elementwiseMain(WG, /* wgsl */ `
  let width = ${c.passes}u * params.n;
  if (i >= ${c.passes}u * width) { return; }
  let b = i / width;
  let j = i % width;
  if (j / params.n != b) { out[i] = params.outside; return; }
  let t = j % params.n;
  var m = m0[t];
  ${Number(c.passes) > 1 ? 'if (b == 1u) { m = m1[t]; }' : ''}
  ${Number(c.passes) > 2 ? 'if (b == 2u) { m = m2[t]; }' : ''}
  out[i] = (1.0 - m) * params.masked;
`)}
`,
  workgroups: (u, c) => grid1d(Math.ceil((Number(c.passes) ** 2 * u.n) / WG)),
});

/** The block-diagonal key bias [P, P * N] for masks (each [N], 0/1 float32) of P <= 3 passes. */
export function attentionMaskBiasOp(g: Graph, name: string, masks: readonly Tensor[], masked = MASKED_KEY_BIAS): Tensor {
  const where = g.name(name);
  const n = masks[0]?.shape[0];
  if (masks.length < 1 || masks.length > MAX_PASSES) throw new FianetError('bad-graph', `${where}: ${masks.length} masks, expected 1 to ${MAX_PASSES}`);
  for (const m of masks) {
    if (m.shape.length !== 1 || m.shape[0] !== n || m.dtype !== 'f32') {
      throw new FianetError('bad-graph', `${where}: mask '${m.label}' is ${m.dtype} ${fmtShape(m.shape)}, expected f32 [${n}] like '${masks[0].label}'`);
    }
  }
  const passes = masks.length;
  const out = g.activation(name, [passes, passes * n]);
  g.call(attentionMaskBias, name, { args: { m0: masks[0], m1: masks[1], m2: masks[2], out }, uniforms: { n, masked, outside: OUTSIDE_PASS_BIAS }, consts: { passes } });
  return out;
}

export function attentionMaskBiasReference(masks: ReadonlyArray<ArrayLike<number>>, masked = MASKED_KEY_BIAS): Float32Array {
  const p = masks.length;
  const n = masks[0].length;
  const out = new Float32Array(p * p * n).fill(OUTSIDE_PASS_BIAS);
  masks.forEach((m, b) => {
    for (let t = 0; t < n; t++) out[b * p * n + b * n + t] = Math.fround(1 - m[t]) * masked;
  });
  return out;
}
