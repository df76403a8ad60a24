/**
 * Kernels added for BERT: embedding-gather (exact: the same float32 additions in the same
 * order as the reference), attention-mask-bias (exact), and layer-norm over a row range
 * (atol 6e-7: measured 1.4e-7 on llvmpipe and SwiftShader).
 */
import { describe, expect, it } from 'vitest';
import { attentionMaskBiasOp, attentionMaskBiasReference } from '../../src/kernels/attention-mask-bias.js';
import { embeddingGatherOp, embeddingGatherReference } from '../../src/kernels/embedding-gather.js';
import { layerNormOp, layerNormReference } from '../../src/kernels/layer-norm.js';
import { FianetError } from '../../src/errors.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { tiledTarget } from '../../src/lowering/target.js';
import { runGraph, testGpu } from '../helpers/gpu.js';

describe('embedding-gather', () => {
  const cases: Array<[number, number, number, number]> = [
    // vocab, cols, ids, copies
    [1, 1, 1, 1],
    [7, 5, 3, 3],
    [97, 33, 22, 3],
    [300, 768, 22, 1],
  ];
  for (const [vocab, cols, n, copies] of cases) {
    it(`${n} ids into [${vocab}, ${cols}], x${copies}, with position and type rows`, async () => {
      const table = randomArray(vocab * cols, vocab + cols);
      const pos = randomArray((n + 2) * cols, 7);
      const type = randomArray(2 * cols, 8);
      const ids = Int32Array.from({ length: n }, (_, i) => (i * 37 + (i === n - 1 ? vocab - 1 : 0)) % vocab);
      const { y } = await runGraph(
        (g) => ({
          y: embeddingGatherOp(g, 'emb', g.input('ids', [n], 'i32'), g.weight('table', [vocab, cols], table), {
            pos: g.weight('pos', [n + 2, cols], pos), typeRow: g.weight('type', [2, cols], type), copies,
          }),
        }),
        { ids },
      );
      expectClose('embedding', y, embeddingGatherReference(ids, table, cols, { pos, typeRow: type, copies }), { atol: 0, rtol: 0 }, [copies * n, cols]);
    });
  }

  it('clamps ids that bypass the host check (computed ids) instead of reading out of bounds', async () => {
    const table = randomArray(4 * 3, 1);
    const ids = Int32Array.from([-5, 0, 3, 4, 1 << 30]);
    const { y } = await runGraph((g) => ({ y: embeddingGatherOp(g, 'emb', g.weight('ids', [5], ids, 'i32'), g.weight('table', [4, 3], table)) }), {});
    expectClose('clamped', y, embeddingGatherReference(Int32Array.from([0, 0, 3, 3, 3]), table, 3), { atol: 0, rtol: 0 });
  });

  it('refuses out-of-vocabulary ids on the host, before upload', async () => {
    const g = new Graph(tiledTarget());
    g.output('y', embeddingGatherOp(g, 'emb', g.input('ids', [3], 'i32'), g.weight('table', [10, 2], randomArray(20, 2))));
    const compiled = await CompiledGraph.compile(await testGpu(), g);
    try {
      await expect(compiled.run({ ids: Int32Array.from([1, 10, 2]) })).rejects.toThrow(/emb: token id 10 at position 1 is outside the vocabulary \[0, 10\) of 'table'/);
      await expect(compiled.run({ ids: Int32Array.from([-1, 0, 2]) })).rejects.toThrow(FianetError);
      const { outputs } = await compiled.run({ ids: Int32Array.from([9, 0, 2]) });
      expect(outputs.y).toHaveLength(6);
    } finally {
      compiled.destroy();
    }
  });

  it('refuses a position table shorter than the sequence', () => {
    const g = new Graph(tiledTarget());
    expect(() => embeddingGatherOp(g, 'emb', g.input('ids', [5], 'i32'), g.weight('t', [10, 2], randomArray(20, 2)), { pos: g.weight('p', [4, 2], randomArray(8, 3)) })).toThrow(
      /5 tokens, but the position table has only 4 positions/,
    );
  });
});

describe('attention-mask-bias', () => {
  for (const [passes, n] of [[1, 1], [2, 5], [3, 22], [3, 1]]) {
    it(`${passes} passes of ${n} tokens, incl. an all-zero mask`, async () => {
      const masks = Array.from({ length: passes }, (_, b) => Float32Array.from({ length: n }, (_, i) => (b === 1 ? 0 : (i * 7 + b) % 3 === 0 ? 0 : 1)));
      const { y } = await runGraph((g) => ({ y: attentionMaskBiasOp(g, 'bias', masks.map((_, b) => g.input(`m${b}`, [n]))) }), Object.fromEntries(masks.map((m, b) => [`m${b}`, m])));
      expectClose('bias', y, attentionMaskBiasReference(masks), { atol: 0, rtol: 0 }, [passes, passes * n]);
    });
  }
});

describe('layer-norm over a row range', () => {
  it('normalises rows [first, first + count) of x into their own tensor', async () => {
    const [rows, cols] = [9, 37];
    const x = randomArray(rows * cols, 5, -3, 4);
    const gamma = randomArray(cols, 6);
    const beta = randomArray(cols, 7);
    const { a, b } = await runGraph((g) => {
      const xt = g.input('x', [3, 3, cols]);
      const [gt, bt] = [g.weight('g', [cols], gamma), g.weight('b', [cols], beta)];
      return { a: layerNormOp(g, 'a', xt, { gamma: gt, beta: bt, eps: 1e-12, rowRange: [3, 3] }), b: layerNormOp(g, 'b', xt, { gamma: gt, beta: bt, eps: 1e-12, rowRange: [6, 3] }) };
    }, { x });
    const ref = layerNormReference(x, gamma, beta, rows, cols, 1e-12);
    expectClose('rows 3..5', a, ref.subarray(3 * cols, 6 * cols), { atol: 6e-7, rtol: 0 }, [3, cols]);
    expectClose('rows 6..8', b, ref.subarray(6 * cols), { atol: 6e-7, rtol: 0 }, [3, cols]);
    expect(() => layerNormOp(new Graph(tiledTarget()), 'c', new Graph(tiledTarget()).input('x', [4, 2]), { gamma: new Graph(tiledTarget()).weight('g', [2], gamma.subarray(0, 2)), beta: new Graph(tiledTarget()).weight('b', [2], beta.subarray(0, 2)), eps: 1e-5, rowRange: [3, 2] })).toThrow(
      /rows \[3, 5\) are not inside the 4 rows of \[4, 2\]/,
    );
  });
});
