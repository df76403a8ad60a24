/**
 * Weights stored as f16 on the device (Graph weightDtype 'f16', lowering/streamed-weight.ts):
 * every kernel that streams weights, on both lowerings (uniform windows: matmul-blocked's
 * packed W blocks for linear layers, the implicit-GEMM and im2col convolutions and the patch
 * embedding; tiled: matmul, conv2d, patch-embed), and the word-embedding gather, against the
 * float64 references computed on the f16-rounded weights. The rounding is the only change, so
 * the f32 tests' tolerances hold unchanged: a wrong half, pair or block order would be off by
 * O(1). Biases stay f32. Also: half the bytes uploaded, a value beyond the f16 range refused,
 * and a packed weight bound to a kernel that reads f32 refused when the graph is built.
 */
import { describe, expect, it } from 'vitest';
import { f16BitsToF32, f32ToF16Bits } from '../../src/io/dtype.js';
import { embeddingGatherOp, embeddingGatherReference } from '../../src/kernels/embedding-gather.js';
import { matmulReference } from '../../src/kernels/matmul.js';
import { patchEmbedReference } from '../../src/kernels/patch-embed.js';
import { convolution, layerNorm, linear, patchEmbed } from '../../src/lowering/ops.js';
import { streamedWeight } from '../../src/lowering/streamed-weight.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { convCaseInputs, type ConvCase } from '../helpers/conv-case.js';
import { LOWERINGS, runGraph, testGpu, type Lowering } from '../helpers/gpu.js';

const U = 2 ** -24;
const half = (a: Float32Array): Float32Array => a.map((v) => f16BitsToF32(f32ToF16Bits(v)));

describe.each(Object.keys(LOWERINGS) as Lowering[])('f16 weights, %s lowering', (lowering) => {
  const target = LOWERINGS[lowering];

  // 1, primes, ragged block edges, several k-blocks and accumulating passes (K 1100), BERT's 66 rows,
  // two column blocks per dispatch (17 rows, K 768).
  const linears: Array<[number, number, number]> = [[1, 1, 1], [7, 13, 5], [130, 67, 128], [66, 96, 768], [17, 740, 768], [9, 70, 1100], [300, 130, 60]];
  for (const [M, N, K] of linears) {
    it(`linear [${M}, ${K}] x [${N}, ${K}]^T + bias, gelu, residual`, async () => {
      const x = randomArray(M * K, M + K);
      const w = randomArray(N * K, N + 5);
      const [b, r] = [randomArray(N, 2), randomArray(M * N, 3)];
      const { y } = await runGraph(
        (g) => ({ y: linear(g, 'fc', { x: g.input('x', [M, K]), w: g.weight('w', [N, K], w), bias: g.weight('b', [N], b), act: 'gelu', residual: g.input('r', [M, N]) }) }),
        { x, r },
        target,
        'f16',
      );
      const ref = matmulReference(x, half(w), { M, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 }, { transB: true, bias: b, act: 'gelu', residual: r });
      expectClose(`f16 linear ${M}x${N}x${K}`, y, ref, { atol: (K + 4) * U * (K + 3), rtol: 0 }, [M, N]);
    });
  }

  // 3x3 (uniform windows: the implicit GEMM with its tap-major weight), two inputs, 1x1. The gate
  // epilogue reads no weights (and its variant compiles slowly): conv2d-blocked.test.ts covers it.
  const convs: ConvCase[] = [
    { name: '3x3, two inputs, cout 67', ca: 5, cb: 9, cout: 67, ks: 3, size: [9, 13], bias: true, act: 'relu' },
    { name: '3x3 cin 150 (3 channel blocks), cout 300', ca: 150, cb: 0, cout: 300, ks: 3, size: [6, 7], bias: true, act: 'relu' },
    { name: '1x1 cout 37', ca: 10, cb: 0, cout: 37, ks: 1, size: [5, 6], bias: true, act: 'relu' },
  ];
  for (const c of convs) {
    it(`convolution ${c.name}`, async () => {
      const conv = convCaseInputs(c);
      const { y } = await runGraph((g) => ({ y: convolution(g, 'conv', conv.args(g)) }), conv.feeds, target, 'f16');
      expectClose(`f16 ${c.name}`, y, conv.expected(half(conv.data.weight)), conv.tolerance, conv.outShape);
    });
  }

  it('patch embedding 3 x 13 x 18 -> 37 channels, patch 4', async () => {
    const [cin, H, W, C, P] = [3, 13, 18, 37, 4];
    const x = randomArray(cin * H * W, 7);
    const w = randomArray(C * cin * P * P, 8);
    const b = randomArray(C, 9);
    const { y } = await runGraph((g) => ({ y: patchEmbed(g, 'pe', { image: g.input('x', [cin, H, W]), weight: g.weight('w', [C, cin, P, P], w), bias: g.weight('b', [C], b) }).tokens }), { x }, target, 'f16');
    expectClose('f16 patch embedding', y, patchEmbedReference(x, cin, H, W, half(w), b, C, P), { atol: 1e-7 * cin * P * P, rtol: 1e-6 });
  });

  it('word embeddings: an odd-sized f16 table, f32 position and type rows', async () => {
    const [vocab, cols, n] = [37, 13, 9];
    const table = randomArray(vocab * cols, 10);
    const [pos, type] = [randomArray(n * cols, 11), randomArray(cols, 12)];
    const ids = Int32Array.from({ length: n }, (_, i) => (i * 11) % vocab);
    const { y } = await runGraph(
      (g) => ({ y: embeddingGatherOp(g, 'emb', g.input('ids', [n], 'i32'), streamedWeight(g, g.weight('table', [vocab, cols], table)), { pos: g.weight('pos', [n, cols], pos), typeRow: g.weight('type', [cols], type), copies: 2 }) }),
      { ids },
      target,
      'f16',
    );
    expect([...y]).toEqual([...embeddingGatherReference(ids, half(table), cols, { pos, typeRow: type, copies: 2 })]);
  });

  it('uploads half the bytes of the f32 graph (biases and norms stay f32)', async () => {
    const gpu = await testGpu();
    const bytes = async (dtype: 'f32' | 'f16') => {
      const g = new Graph(target, dtype);
      const x = g.input('x', [5, 256]);
      const h = linear(g, 'fc1', { x, w: g.weight('w1', [512, 256], randomArray(512 * 256, 1)), bias: g.weight('b1', [512], randomArray(512, 2)) });
      g.output('y', layerNorm(g, 'norm', h, { gamma: g.weight('gamma', [512], randomArray(512, 3)), beta: g.weight('beta', [512], randomArray(512, 4)), eps: 1e-5 }));
      const compiled = await CompiledGraph.compile(gpu, g);
      await compiled.destroy();
      return compiled.weightBytes;
    };
    const [f32, f16] = [await bytes('f32'), await bytes('f16')];
    expect(f32).toBe(4 * (512 * 256 + 3 * 512));
    expect(f16).toBe(2 * 512 * 256 + 4 * 3 * 512);
  });

  it('refuses a weight beyond the f16 range, naming it', async () => {
    const w = new Float32Array(16).fill(0.5);
    w[5] = 70000;
    await expect(runGraph((g) => ({ y: linear(g, 'fc', { x: g.input('x', [1, 4]), w: g.weight('big', [4, 4], w) }) }), { x: new Float32Array(4) }, target, 'f16')).rejects.toThrow(/big.*70000.*float16 range/);
  });
});

it('a packed f16 weight bound where a kernel reads f32 is a bad-graph error', () => {
  const g = new Graph(LOWERINGS.tiled, 'f16');
  const w = streamedWeight(g, g.weight('gamma', [8], new Float32Array(8)));
  expect(w.dtype).toBe('f16');
  expect(() => layerNorm(g, 'norm', g.input('x', [2, 8]), { gamma: w, beta: w, eps: 1e-5 })).toThrow(/binding 'gamma' reads not f16, 'gamma#f16' is f16/);
});
