/**
 * window-attention and window-attention-blocked against the float64 reference (explicit pad /
 * roll / partition / img_mask copies, written the reference's way). Outputs are convex
 * combinations of v; the tolerance and its measured error: WINDOW_ATTENTION_ATOL (the
 * benchmark checks with it too). Cases: the shared table WINDOW_ATTENTION_CASES.
 */
import { describe, expect, it } from 'vitest';
import { WINDOW_ATTENTION_ATOL, WINDOW_ATTENTION_CASES, windowAttentionReference, type WindowAttentionParams } from '../../src/kernels/window-attention.js';
import { windowAttention as windowAttentionOp } from '../../src/lowering/ops.js';
import { Graph } from '../../src/runtime/graph.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { LOWERINGS, runGraph, type Lowering as Linear } from '../helpers/gpu.js';

async function check(p: WindowAttentionParams, D: number, seed: number, linear: Linear): Promise<void> {
  const C = p.heads * D;
  const T = (2 * p.window - 1) ** 2;
  const qkv = randomArray(p.H * p.W * 3 * C, seed);
  const bias = randomArray(3 * C, seed + 1);
  const table = randomArray(T * p.heads, seed + 2, -2, 2);
  const { y } = await runGraph((g) => ({
    y: windowAttentionOp(g, 'attn', { qkv: g.input('qkv', [p.H * p.W, 3 * C]), qkvBias: g.weight('b', [3 * C], bias), table: g.weight('t', [T, p.heads], table), params: p }),
  }), { qkv }, LOWERINGS[linear]);
  expectClose(`window-attention (${linear}) ${JSON.stringify(p)} D ${D}`, y, windowAttentionReference(qkv, bias, table, p), { atol: WINDOW_ATTENTION_ATOL, rtol: 0 }, [p.H * p.W, C]);
}

// Both kernels on any adapter: 'blocked' is window-attention-blocked (CPU adapters), 'tiled' the GPU kernel.
describe.each<Linear>(['blocked', 'tiled'])('window-attention (%s)', (linear) => {
  for (const c of WINDOW_ATTENTION_CASES.awkward) it(c.name, () => check(c, c.headDim, c.H * 100 + c.W + c.shift, linear));

  const stage1 = WINDOW_ATTENTION_CASES.model[1];
  it(`covers Swin-B at 480, ${stage1.name}`, () => check(stage1, stage1.headDim, 5, linear));

  it('rejects shapes the kernel cannot hold, naming them', () => {
    const g = new Graph(LOWERINGS[linear]);
    const wide = g.input('wide', [16 * 16, 3 * 68]);
    const wideBias = g.weight('wb', [204], new Float32Array(204));
    expect(() => windowAttentionOp(g, 'a', { qkv: wide, qkvBias: wideBias, table: g.weight('t', [31 * 31, 1], new Float32Array(961)), params: { H: 16, W: 16, heads: 1, window: 16, shift: 0 } }))
      .toThrow(linear === 'blocked'
        ? 'a: window 16 with head dim 68 needs 69632 bytes of K per window and head, over a 64 KiB uniform window'
        : 'a: window 16 with head dim 68 needs 256 threads and 73476 bytes of workgroup memory (at most 256 and 32768)');
    const qkv = g.input('qkv', [16 * 16, 3 * 64]);
    const b = g.weight('b', [192], new Float32Array(192));
    expect(() => windowAttentionOp(g, 'b', { qkv, qkvBias: b, table: g.weight('t2', [49, 3], new Float32Array(147)), params: { H: 16, W: 16, heads: 2, window: 4, shift: 0 } }))
      .toThrow("b: relative position bias table 't2' is [49, 3], expected [49, 2]");
    expect(() => windowAttentionOp(g, 'c', { qkv, qkvBias: b, table: g.weight('t3', [49, 5], new Float32Array(245)), params: { H: 16, W: 16, heads: 5, window: 4, shift: 0 } }))
      .toThrow('c: qkv width 192 is not 3 x 5 heads x a multiple of 4');
  });
});
