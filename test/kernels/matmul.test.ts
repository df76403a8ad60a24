/**
 * matmul against a float64 plain-loop reference, on the shared case table. Tolerance per case:
 * productAtol(K) = 2e-7 K, 3-7x the error measured on llvmpipe and SwiftShader (about 4e-8 K
 * for both lowerings: 2.5e-6 at K = 64, 1.0e-5 at 257, 3.2e-5 at 768, 6.6e-6 at the Swin qkv's
 * 128; the worst case at 0.41 of it); the strided case 4x its measured error. Real errors from
 * a wrong index are O(1), far above either.
 */
import { describe, expect, it } from 'vitest';
import { MATMUL_CASES, matmul, matmulReference, stridedMatmul } from '../../src/kernels/matmul.js';
import { linear } from '../../src/lowering/ops.js';
import type { Activation } from '../../src/kernels/wgsl-helpers.js';
import { expectClose, productAtol, randomArray } from '../helpers/compare.js';
import { LOWERINGS, runGraph, type Lowering } from '../helpers/gpu.js';

// The shared case table (src/bench/matmul.ts times the same shapes): awkward ones and BERT-base's rows.
const cases = [...MATMUL_CASES.awkward, MATMUL_CASES.model[0]].map((c) => [c.M, c.N, c.K] as const);

describe('matmul', () => {
  // The tiled kernel (GPUs) and, through linear(), the blocked one (CPU adapters) on the same cases.
  for (const [M, N, K] of cases) {
    for (const [act, lowering] of [['none', 'tiled'], ['gelu', 'tiled'], ['gelu', 'blocked']] as Array<[Activation, Lowering]>) {
      it(`linear ${M}x${K} * [${N},${K}]^T + bias, act ${act}, residual (${lowering})`, async () => {
        const x = randomArray(M * K, M * 31 + K);
        const w = randomArray(N * K, N * 17 + 1);
        const b = randomArray(N, 5);
        const r = randomArray(M * N, 9);
        const { y } = await runGraph(
          (g) => ({
            y: linear(g, 'fc', { x: g.input('x', [M, K]), w: g.weight('w', [N, K], w), bias: g.weight('b', [N], b), act, residual: g.input('r', [M, N]) }),
          }),
          { x, r },
          LOWERINGS[lowering],
        );
        const ref = matmulReference(x, w, { M, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 }, { transB: true, bias: b, act, residual: r });
        expectClose(`linear ${M}x${N}x${K} ${act}`, y, ref, { atol: productAtol(K), rtol: 0 }, [M, N]);
      });
    }
  }

  it('covers the Swin qkv shape [14400 x 128] x [128 x 384] (sampled rows)', async () => {
    const { M, N, K } = MATMUL_CASES.model[1];
    const x = randomArray(M * K, 1);
    const w = randomArray(N * K, 2);
    const { y } = await runGraph((g) => ({ y: linear(g, 'qkv', { x: g.input('x', [M, K]), w: g.weight('w', [N, K], w) }) }), { x });
    // Reference on every 97th row: the full float64 product takes too long in JS.
    for (let m = 0; m < M; m += 97) {
      const ref = matmulReference(x.subarray(m * K, (m + 1) * K), w, { M: 1, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 }, { transB: true });
      expectClose(`qkv row ${m}`, y.subarray(m * N, (m + 1) * N), ref, { atol: productAtol(K), rtol: 0 });
    }
  });

  it('multiplies heads in place with strides (batched, B not transposed, alpha)', async () => {
    // a: [tokens=19, heads=3 * dim=5] read per head; b: [3][5, 11]; out: [3][19, 11]
    const [T, H, D, N] = [19, 3, 5, 11];
    const a = randomArray(T * H * D, 3);
    const b = randomArray(H * D * N, 4);
    const p = { M: T, N, K: D, lda: H * D, ldb: N, ldo: N, a_batch: D, b_batch: D * N, o_batch: T * N, batch: H, alpha: 0.125 };
    const { y } = await runGraph((g) => ({ y: stridedMatmul(g, 'heads', { a: g.input('a', [T, H * D]), b: g.input('b', [H, D, N]), outShape: [H, T, N], params: p }) }), { a, b });
    // 5-term products scaled by alpha: measured 2.4e-8 on llvmpipe and SwiftShader.
    expectClose('strided heads', y, matmulReference(a, b, p), { atol: 1e-7, rtol: 0 }, [H, T, N]);
  });

  it('generates WGSL for every tile shape it picks', () => {
    for (const c of [{ TM: 2, TN: 4 }, { TM: 4, TN: 2 }, { TM: 4, TN: 4 }]) {
      const src = matmul.wgsl({ ...matmul.constants, ...c });
      expect(src).toContain(`array<array<f32, ${c.TN}>, ${c.TM}>`);
    }
  });
});
