/**
 * window-attention and window-attention-blocked against the float64 reference (explicit pad /
 * roll / partition / img_mask copies, written the reference's way). Outputs are convex
 * combinations of v (|v| <= 1); float32 rounding of the scores (D-term dot products,
 * |q| |k| <= 1) moves them by ~1e-7: atol 2e-6 (measured on llvmpipe: at most 8.1e-7 for
 * window-attention and 7.8e-7 for window-attention-blocked's online softmax, at 15x15 with 32
 * heads of 32 and 30x30 with 16 heads of 32).
 */
import { describe, expect, it } from 'vitest';
import { windowAttentionReference, type WindowAttentionParams } from '../../src/kernels/window-attention.js';
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
  expectClose(`window-attention (${linear}) ${JSON.stringify(p)} D ${D}`, y, windowAttentionReference(qkv, bias, table, p), { atol: 2e-6, rtol: 0 }, [p.H * p.W, C]);
}

// Both kernels on any adapter: 'blocked' is window-attention-blocked (CPU adapters), 'tiled' the GPU kernel.
describe.each<Linear>(['blocked', 'tiled'])('window-attention (%s)', (linear) => {
  // [H, W, heads, window, head dim]: awkward grids (1, primes, not window multiples), both block kinds.
  const cases: Array<[number, number, number, number, number]> = [
    [1, 1, 1, 4, 4],
    [3, 3, 4, 4, 16], // tiny stage 3: 3x3 padded to 4x4, shift 2 although the map is smaller than the window
    [5, 7, 2, 4, 8],
    [13, 11, 3, 8, 4],
    [17, 29, 3, 7, 12],
    [2, 9, 5, 3, 8], // window 3: 9 queries, fewer than one workgroup's
    [1, 26, 2, 12, 32], // one row of windows, the last one mostly padding
    [24, 24, 2, 12, 32], // a whole number of windows: no padding, shift masks only
    [10, 10, 8, 8, 32], // small stage 2: 10x10 padded to 16x16
    [5, 5, 8, 8, 32], // small stage 3
    [15, 15, 32, 12, 32], // Swin-B at 480, stage 3: 15 padded to 24
    [30, 30, 16, 12, 32], // stage 2: 30 padded to 36
  ];
  for (const [H, W, heads, window, D] of cases) {
    for (const shift of [0, Math.floor(window / 2)]) {
      it(`${H}x${W}, ${heads} heads of ${D}, window ${window}, shift ${shift}`, () => check({ H, W, heads, window, shift }, D, H * 100 + W + shift, linear));
    }
  }

  it('covers Swin-B stage 1 at 480 (120x120, 4 heads of 32, window 12, shift 6)', () => check({ H: 120, W: 120, heads: 4, window: 12, shift: 6 }, 32, 5, linear));

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
