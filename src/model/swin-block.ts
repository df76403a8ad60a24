/**
 * One Swin Transformer block on token-major features x [H*W, C] (DESIGN section 3):
 *   x = x + proj(WindowAttention(LN1(x)))        (W-MSA for even blocks, SW-MSA for odd)
 *   x = x + fc2(GELU(fc1(LN2(x))))
 * The qkv Linear runs on the H*W real tokens only; window-attention gives padding positions
 * the qkv bias (what the reference's zero-padded LN output projects to). Both residual adds
 * are fused into the epilogues of proj and fc2, and GELU into fc1's.
 */
import { layerNorm, linear, windowAttention } from '../lowering/ops.js';
import type { Graph, Tensor } from '../runtime/graph.js';
import type { WeightBinder } from './weights.js';

export interface SwinBlockParams {
  H: number;
  W: number;
  heads: number;
  window: number;
  /** 0, or window / 2 for the odd blocks of a stage. */
  shift: number;
  mlpRatio: number;
  eps: number;
}

/** The block `prefix` (e.g. backbone.layers.2.blocks.5) applied to x [H*W, C]; labels under scope `name`. */
export function swinBlock(g: Graph, b: WeightBinder, name: string, prefix: string, x: Tensor, p: SwinBlockParams): Tensor {
  return g.scope(name, () => {
    const C = x.shape[1];
    const hidden = Math.round(C * p.mlpRatio);
    const w = (n: string, shape: number[]) => b.get(`${prefix}.${n}`, shape);
    const y = layerNorm(g, 'norm1', x, { gamma: w('norm1.weight', [C]), beta: w('norm1.bias', [C]), eps: p.eps });
    const qkvBias = w('attn.qkv.bias', [3 * C]);
    const qkv = linear(g, 'qkv', { x: y, w: w('attn.qkv.weight', [3 * C, C]), bias: qkvBias });
    const table = w('attn.relative_position_bias_table', [(2 * p.window - 1) ** 2, p.heads]);
    const attended = windowAttention(g, 'attn', { qkv, qkvBias, table, params: p });
    const x1 = linear(g, 'proj', { x: attended, w: w('attn.proj.weight', [C, C]), bias: w('attn.proj.bias', [C]), residual: x });
    const y2 = layerNorm(g, 'norm2', x1, { gamma: w('norm2.weight', [C]), beta: w('norm2.bias', [C]), eps: p.eps });
    const h = linear(g, 'fc1', { x: y2, w: w('mlp.fc1.weight', [hidden, C]), bias: w('mlp.fc1.bias', [hidden]), act: 'gelu' });
    return linear(g, 'fc2', { x: h, w: w('mlp.fc2.weight', [C, hidden]), bias: w('mlp.fc2.bias', [C]), residual: x1 });
  });
}
