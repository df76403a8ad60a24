/**
 * matmul-blocked (uniform-window linear) against the float64 reference. Same tolerance as
 * the matmul tests, inputs in [-1, 1]: productAtol(K) = 2e-7 K (it was the worst-case bound
 * (K + 4) u (K + 3), 0.072 at K = 1100); measured on llvmpipe and SwiftShader (identical):
 * at most 5.6e-8 K (300x130x60: 3.4e-6; 66x96x768: 3.3e-5), 3.6x below it. Sizes cover one k-block, several k-blocks in one dispatch (P = 2, 3),
 * several accumulating passes (K = 1100: 5 blocks of 256, P = 1), ragged M and N edges,
 * two column blocks per dispatch (ragged last block, batched heads), and the fused epilogue
 * (bias, GELU, residual) applied once after the last pass.
 */
import { describe, expect, it } from 'vitest';
import { blockedLinear, blockedMatmulViews, blockShape, blockWeight, dispatchBlocks, rowsPerThread } from '../../src/lowering/blocked-matmul.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph, type Tensor } from '../../src/runtime/graph.js';
import { matmulReference } from '../../src/kernels/matmul.js';
import { matmulBlocked } from '../../src/kernels/matmul-blocked.js';
import { blockedIndex, blockedSize } from '../../src/kernels/layouts.js';
import type { Activation } from '../../src/kernels/wgsl-helpers.js';
import { expectClose, productAtol, randomArray } from '../helpers/compare.js';
import { runGraph, testGpu, testTarget } from '../helpers/gpu.js';

const cases: Array<[number, number, number, Activation]> = [
  [1, 1, 1, 'none'],
  [7, 13, 5, 'gelu'],
  [130, 67, 128, 'none'],
  [129, 257, 300, 'gelu'],
  [66, 96, 768, 'none'],
  // W of 2^19 values or more and one row block: fewer rows per thread (2 x 12 for 22, 2 x 12 for 17).
  [22, 768, 768, 'gelu'],
  [17, 700, 769, 'none'],
  // Two column blocks per dispatch (dispatchBlocks: few rows, K 768 or 1536): one row; 17 rows over
  // 12 blocks of 64, the last 36 columns wide; two accumulating passes of 3 k-blocks.
  [1, 720, 768, 'gelu'],
  [17, 740, 768, 'none'],
  [9, 350, 1536, 'relu'],
  [9, 70, 1100, 'relu'],
  [300, 130, 60, 'none'],
  // Every activation: matmul-blocked picks it by a uniform index into ACTIVATIONS.
  [17, 33, 19, 'tanh'],
  [5, 21, 40, 'sigmoid'],
  [31, 9, 7, 'hsigmoid'],
];

describe('matmul-blocked', () => {
  for (const [M, N, K, act] of cases) {
    it(`[${M}, ${K}] x [${N}, ${K}]^T + bias, ${act}, residual`, async () => {
      const x = randomArray(M * K, M + 3 * K);
      const w = randomArray(N * K, N + 7);
      const b = randomArray(N, 3);
      const r = randomArray(M * N, 4);
      const { y } = await runGraph(
        (g) => ({ y: blockedLinear(g, 'fc', { x: g.input('x', [M, K]), w: g.weight('w', [N, K], w), bias: g.weight('b', [N], b), act, residual: g.input('r', [M, N]) }) }),
        { x, r },
      );
      const ref = matmulReference(x, w, { M, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 }, { transB: true, bias: b, act, residual: r });
      expectClose(`blocked ${M}x${N}x${K}`, y, ref, { atol: productAtol(K), rtol: 0 }, [M, N]);
    });
  }

  // Two activations through strided views: A a column slice of a wider matrix, B either
  // row-major (attention keys: scores = Q K^T) or transposed (values: out = P V, B = V^T).
  const views: Array<[number, number, number, boolean]> = [
    [1, 1, 1, false],
    [130, 22, 128, false],
    [67, 129, 22, true],
    [300, 5, 1100, false],
    [33, 257, 3, true],
  ];
  for (const [M, N, K, bTransposed] of views) {
    it(`A [${M}, ${K}] (a column slice) x ${bTransposed ? `V [${K}, ${N}]` : `B [${N}, ${K}]^T`}, alpha 0.3`, async () => {
      const lda = K + 3;
      const x = randomArray(M * lda + 2, M + K);
      const bData = randomArray(N * K, N + 11);
      const [ldr, ldc] = bTransposed ? [1, N] : [K, 1];
      const { y } = await runGraph(
        (g) => ({
          y: blockedMatmulViews(g, 'mm', { tensor: g.input('x', [M * lda + 2]), rows: M, cols: K, off: 2, ldr: lda, ldc: 1 }, { tensor: g.input('b', [N * K]), rows: N, cols: K, ldr, ldc }, { alpha: 0.3 }),
        }),
        { x, b: bData },
      );
      const a = Float32Array.from({ length: M * K }, (_, i) => x[2 + Math.floor(i / K) * lda + (i % K)]);
      const bt = Float32Array.from({ length: N * K }, (_, i) => bData[Math.floor(i / K) * ldr + (i % K) * ldc]);
      const ref = matmulReference(a, bt, { M, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1, alpha: 0.3 }, { transB: true });
      expectClose(`views ${M}x${N}x${K}`, y, ref, { atol: productAtol(K), rtol: 0 }, [M, N]);
    });
  }

  // BERT's attention at 22 tokens: A's blocks hold 256 rows and block-rows writes only the first
  // 22 (B's: 32 columns, 22 written). The bytes first held the A blocks of a product on NaNs, so
  // a stored result that read an unwritten row or column would be NaN.
  it('heads of 22 rows through views, blocks over NaN bytes: rows past M are never stored', async () => {
    const [M, N, K, heads] = [22, 22, 64, 3];
    const q = randomArray(M * K * heads, 31);
    const k = randomArray(N * K * heads, 32);
    const g = new Graph(await testTarget());
    g.output('junk', blockedLinear(g, 'junk', { x: g.input('nan', [64, 256]), w: g.weight('jw', [16, 256], randomArray(16 * 256, 33)) }));
    const view = (tensor: Tensor, rows: number) => ({ tensor, rows, cols: K, ldr: K * heads, ldc: 1, batchStride: K });
    const y = blockedMatmulViews(g, 'scores', view(g.input('q', [M, K * heads]), M), view(g.input('k', [N, K * heads]), N), { batch: heads, alpha: 0.125 });
    g.output('y', y);
    const compiled = await CompiledGraph.compile(await testGpu(), g);
    try {
      const { placements } = compiled.plan;
      const at = (label: string) => {
        const call = compiled.calls.find((c) => c.label === label)!;
        return placements.get(call.args.find((t, j) => t && call.bindings[j].output)!.id)!;
      };
      const [poisoned, blocks] = [at('junk.block'), at('scores.block_a')];
      expect(poisoned.arena === blocks.arena && poisoned.offset < blocks.offset + blocks.bytes && blocks.offset < poisoned.offset + poisoned.bytes, 'scores.block_a reuses the NaN blocks').toBe(true);
      const out = (await compiled.run({ nan: new Float32Array(64 * 256).fill(NaN), q, k })).outputs.y as Float32Array;
      for (let h = 0; h < heads; h++) {
        const head = (x: Float32Array, rows: number) => Float32Array.from({ length: rows * K }, (_, i) => x[Math.floor(i / K) * K * heads + h * K + (i % K)]);
        const ref = matmulReference(head(q, M), head(k, N), { M, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1, alpha: 0.125 }, { transB: true });
        expectClose(`head ${h}`, out.subarray(h * M * N, (h + 1) * M * N), ref, { atol: productAtol(K), rtol: 0 }, [M, N]);
      }
    } finally {
      compiled.destroy();
    }
  });

  // Heads whose products take two column blocks per dispatch (N 720 in 12 blocks of 64, K 768): W's blocks of head z follow head z - 1's.
  it('3 heads of [17, 768] x [720, 768]^T through views, two column blocks per dispatch', async () => {
    const [M, N, K, heads] = [17, 720, 768, 3];
    const a = randomArray(M * K * heads, 41);
    const b = randomArray(N * K * heads, 42);
    const view = (tensor: Tensor, rows: number) => ({ tensor, rows, cols: K, ldr: K * heads, ldc: 1, batchStride: K });
    const { y } = await runGraph((g) => ({ y: blockedMatmulViews(g, 'mm', view(g.input('a', [M, K * heads]), M), view(g.input('b', [N, K * heads]), N), { batch: heads }) }), { a, b });
    for (let h = 0; h < heads; h++) {
      const head = (x: Float32Array, rows: number) => Float32Array.from({ length: rows * K }, (_, i) => x[Math.floor(i / K) * K * heads + h * K + (i % K)]);
      const ref = matmulReference(head(a, M), head(b, N), { M, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 }, { transB: true });
      expectClose(`head ${h}`, y.subarray(h * M * N, (h + 1) * M * N), ref, { atol: productAtol(K), rtol: 0 }, [M, N]);
    }
  });

  it('takes two column blocks of 3 k-blocks per dispatch for few rows, an even count of blocks, KB a multiple of 3, no gate', () => {
    expect(dispatchBlocks(12, 12, 3, false)).toEqual({ Q: 2, P: 3 });
    expect(dispatchBlocks(4, 48, 3, false)).toEqual({ Q: 2, P: 3 });
    // BERT-base's output linear (K 3072): 4 passes of 3 k-blocks instead of 3 of 4.
    expect(dispatchBlocks(12, 12, 12, false)).toEqual({ Q: 2, P: 3 });
    // TM 16; an odd count of blocks (a dispatch would compute a block past N); KB 4 (two passes instead of one); a gate.
    expect(dispatchBlocks(16, 12, 3, false)).toEqual({ Q: 1, P: 3 });
    expect(dispatchBlocks(12, 5, 3, false)).toEqual({ Q: 1, P: 3 });
    expect(dispatchBlocks(12, 16, 4, false)).toEqual({ Q: 1, P: 4 });
    expect(dispatchBlocks(12, 12, 3, true)).toEqual({ Q: 1, P: 3 });
    expect(dispatchBlocks(16, 2, 5, false)).toEqual({ Q: 1, P: 1 });
  });

  // Where the test adapter has subgroups of one size (SwiftShader: 4) every case above shares A's
  // loads through them (testTarget); these add what the production tiles never reach: rows per
  // thread that the subgroup size does not divide (2 < SG, 6, 10, 18), each in workgroups of 8,
  // 16 and 32 lanes (N 22, 96, 257), rows past M in the last workgroup, two passes and P = 3.
  describe('A shared through subgroups', async () => {
    const target = await testTarget();
    const SG = target.subgroupSize;
    const shapes: Array<[number, number, number, number]> = [
      [17, 22, 1100, 6],
      [17, 96, 768, 2],
      [29, 257, 70, 10],
      [1, 96, 300, 6],
      [37, 22, 19, 18],
    ];
    for (const [M, N, K, TM] of shapes) {
      it.skipIf(!SG)(`[${M}, ${K}] x [${N}, ${K}]^T + bias, ${TM} rows per thread, subgroups of ${SG}`, async () => {
        const x = randomArray(M * K, M + 5 * K);
        const w = randomArray(N * K, N + 9);
        const b = randomArray(N, 5);
        const { y } = await runGraph(
          (g) => {
            const y = blockedLinear(g, 'fc', { x: g.input('x', [M, K]), w: g.weight('w', [N, K], w), bias: g.weight('b', [N], b), act: 'gelu' });
            const call = g.calls.find((c) => c.kernel === matmulBlocked)!;
            expect(call.consts.SG).toBe(SG);
            call.consts.TM = TM;
            return { y };
          },
          { x },
          target,
        );
        const ref = matmulReference(x, w, { M, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 }, { transB: true, bias: b, act: 'gelu' });
        expectClose(`subgroups ${M}x${N}x${K} TM ${TM}`, y, ref, { atol: productAtol(K), rtol: 0 }, [M, N]);
      });
    }
  });

  it('fits rows per thread to a matrix of one row block, in steps of 4, when W is large', () => {
    const bertLinear = 768 * 768;
    expect([1, 5, 16, 17, 22, 33, 60, 63].map((M) => rowsPerThread(M, 64, bertLinear))).toEqual([4, 8, 16, 12, 12, 12, 16, 16]);
    expect(rowsPerThread(66, 64, bertLinear)).toBe(16);
    expect(rowsPerThread(66, 256, bertLinear)).toBe(16);
    expect(rowsPerThread(22, 256, bertLinear)).toBe(12);
    // A small W (FIAM's text keys: 22 x 64 -> 128) keeps the shared TM.
    expect(rowsPerThread(22, 64, 128 * 64)).toBe(16);
  });

  it('lays a weight out in zero-padded blocks, transposed within each block', () => {
    // N = 3, K = 5, KC = 8, NB = 16 -> one block of [8 k][16 n].
    const w = Float32Array.from({ length: 15 }, (_, i) => i + 1);
    const wb = blockWeight(w, 3, 5, 8, 16);
    expect(wb.length).toBe(128);
    expect(wb[0 * 16 + 0]).toBe(1); // W[0, 0]
    expect(wb[4 * 16 + 2]).toBe(15); // W[2, 4]
    expect(wb[1 * 16 + 1]).toBe(7); // W[1, 1]
    expect(wb[5 * 16 + 0]).toBe(0); // padding past K
    expect(wb[0 * 16 + 3]).toBe(0); // padding past N
  });

  it('lays a weight of several row and k blocks out where blockedIndex says', () => {
    // Rows eight at a time and one at a time (N not a multiple of 8), partial last k-blocks.
    for (const [N, K, KC, NB] of [[37, 70, 16, 16], [5, 3, 16, 16], [133, 300, 256, 64], [8, 17, 16, 16]]) {
      const w = Float32Array.from({ length: N * K }, (_, i) => i + 1);
      const expected = new Float32Array(blockedSize(N, K, { MB: NB, KC }));
      for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) expected[blockedIndex(n, k, K, { MB: NB, KC }, true)] = w[n * K + k];
      expect(blockWeight(w, N, K, KC, NB), `${N}x${K} in ${KC}x${NB} blocks`).toEqual(expected);
    }
  });

  it('sizes blocks to the layer, within one 64 KiB window', () => {
    expect(blockShape(384, 128)).toEqual({ KC: 128, MB: 128, NB: 128 });
    expect(blockShape(3072, 768)).toEqual({ KC: 256, MB: 64, NB: 64 });
    expect(blockShape(96, 32)).toEqual({ KC: 32, MB: 512, NB: 128 });
    // Narrow layers get 64 columns (padded), not variants of their own.
    expect(blockShape(1, 1)).toEqual({ KC: 16, MB: 1024, NB: 64 });
    expect(blockShape(22, 64)).toEqual({ KC: 64, MB: 256, NB: 64 });
  });
});
