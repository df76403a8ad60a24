/**
 * The small Swin/FIAM kernels against float64 references: patch-embed, patch-merge-norm,
 * spatial-gate, fiam-combine, at awkward sizes (1, odd, not multiples of the patch / 2) and at
 * the real FIANet shapes. Tolerances per kernel in each describe (float32 rounding bounds).
 */
import { describe, it } from 'vitest';
import { fiamCombineOp, fiamCombineReference } from '../../src/kernels/fiam-combine.js';
import { layerNormReference } from '../../src/kernels/layer-norm.js';
import { patchEmbedReference } from '../../src/kernels/patch-embed.js';
import { patchMergeGatherReference, patchMergeNormOp } from '../../src/kernels/patch-merge-norm.js';
import { spatialGateOp, spatialGateReference } from '../../src/kernels/spatial-gate.js';
import { expectClose, productAtol, randomArray } from '../helpers/compare.js';
import { LOWERINGS, runGraph, type Lowering } from '../helpers/gpu.js';
import { patchEmbed } from '../../src/lowering/ops.js';


describe('patch-embed', () => {
  // A 48-term product (|x| <= 2.5, |w| <= 0.3): productAtol(48) = 9.6e-6, measured <= 2.6e-6 on
  // llvmpipe and SwiftShader (it was the worst-case bound K u sum |w x| = 1.0e-4).
  const atol = productAtol(48);
  // CPU adapters gather patches into matmul-blocked's blocks; 'tiled' graphs run the direct kernel.
  const cases: Array<[number, number, number, number, Lowering?]> = [
    [3, 1, 1, 5], [3, 5, 7, 16], [3, 96, 96, 16], [1, 161, 37, 3], [3, 480, 480, 128], [3, 5, 7, 16, 'tiled'], [1, 161, 37, 3, 'tiled'],
  ];
  for (const [cin, H, W, C, linear] of cases) {
    it(`[${cin}, ${H}, ${W}] -> C ${C}${linear ? ` (${linear} graph)` : ''}`, async () => {
      const x = randomArray(cin * H * W, H * W + C, -2.5, 2.5);
      const w = randomArray(C * cin * 16, 3, -0.3, 0.3);
      const b = randomArray(C, 4);
      const { y } = await runGraph((g) => ({ y: patchEmbed(g, 'pe', { image: g.input('x', [cin, H, W]), weight: g.weight('w', [C, cin, 4, 4], w), bias: g.weight('b', [C], b) }).tokens }), { x }, linear && LOWERINGS[linear]);
      expectClose('patch-embed', y, patchEmbedReference(x, cin, H, W, w, b, C, 4), { atol, rtol: 0 }, [Math.ceil(H / 4) * Math.ceil(W / 4), C]);
    });
  }
});

describe('patch-merge-norm', () => {
  // As layer-norm: O(1) outputs, float32 mean/variance over 4C <= 2048 values: atol 2.2e-6 (measured 5.5e-7).
  const cases: Array<[number, number, number]> = [[1, 1, 4], [3, 3, 16], [5, 7, 3], [24, 24, 16], [5, 5, 128], [30, 30, 512]];
  for (const [H, W, C] of cases) {
    it(`${H}x${W}, C ${C}`, async () => {
      const x = randomArray(H * W * C, H * W * C, -3, 4);
      const gamma = randomArray(4 * C, 5, 0.5, 1.5);
      const beta = randomArray(4 * C, 6);
      const { y } = await runGraph((g) => ({ y: patchMergeNormOp(g, 'pm', { x: g.input('x', [H * W, C]), H, W, gamma: g.weight('g', [4 * C], gamma), beta: g.weight('b', [4 * C], beta), eps: 1e-5 }).merged }), { x });
      const rows = Math.ceil(H / 2) * Math.ceil(W / 2);
      const ref = layerNormReference(patchMergeGatherReference(x, H, W, C), gamma, beta, rows, 4 * C, 1e-5);
      expectClose('patch-merge-norm', y, ref, { atol: 2.2e-6, rtol: 0 }, [rows, 4 * C]);
    });
  }
});

describe('spatial-gate', () => {
  // 18-term sums of O(1) values through a sigmoid: atol 1e-6 (measured 2.7e-7 on llvmpipe, 1.7e-7 on SwiftShader).
  for (const [H, W] of [[1, 1], [3, 5], [24, 24], [15, 15], [120, 120]]) {
    it(`${H}x${W}`, async () => {
      const avg = randomArray(H * W, H + W, -2, 2);
      const mx = randomArray(H * W, H * W, 0, 4);
      const w = randomArray(18, 7);
      const { y } = await runGraph((g) => ({ y: spatialGateOp(g, 'sg', { avg: g.input('avg', [H * W]), mx: g.input('mx', [H * W]), w: g.weight('w', [1, 2, 3, 3], w), H, W }) }), { avg, mx });
      expectClose('spatial-gate', y, spatialGateReference(avg, mx, w, H, W), { atol: 1e-6, rtol: 0 }, [H, W]);
    });
  }
});

describe('fiam-combine', () => {
  // Four products and two sums of values <= 2 in float32: atol 1.7e-6 (measured 4.3e-7 on outputs up to 5.1).
  for (const [T, C] of [[1, 1], [7, 13], [576, 16], [14400, 128]]) {
    it(`${T} tokens x ${C}`, async () => {
      const n = T * C;
      const host = {
        x: randomArray(n, 1, -2, 2), ctxGate: randomArray(n, 2), ctx: randomArray(n, 3, -2, 2), goGate: randomArray(n, 4), go: randomArray(n, 5, -2, 2),
        attn: randomArray(T, 6, 0, 1), modulation: randomArray(C, 7, 0, 1),
      };
      const { y } = await runGraph((g) => ({
        y: fiamCombineOp(g, 'fc', {
          x: g.input('x', [T, C]), ctxGate: g.input('cg', [T, C]), ctx: g.input('ctx', [T, C]), goGate: g.input('gg', [T, C]), go: g.input('go', [T, C]),
          attn: g.input('a', [T]), modulation: g.input('m', [C]),
        }),
      }), { x: host.x, cg: host.ctxGate, ctx: host.ctx, gg: host.goGate, go: host.go, a: host.attn, m: host.modulation });
      expectClose('fiam-combine', y, fiamCombineReference(host, C), { atol: 1.7e-6, rtol: 0 }, [T, C]);
    });
  }
});
