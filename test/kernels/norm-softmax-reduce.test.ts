/**
 * layer-norm, softmax, reduce and permute against float64 references.
 * Tolerances (measured on llvmpipe and SwiftShader, FIANET_REPORT_ERRORS=1): layer norm output
 * is O(1) with float32 mean/variance: atol 2e-6 (measured 5.6e-7; over a row range 8e-7,
 * measured 2.0e-7); softmax probabilities: atol 1e-7, rtol 1.5e-6 (measured 3.1e-7 on
 * probabilities up to 0.99); mean over up to 14400 terms: atol 3e-7 (measured 8.2e-8); max and
 * permute are exact.
 */
import { describe, expect, it } from 'vitest';
import { layerNormReference } from '../../src/kernels/layer-norm.js';
import { permuteOp, permuteReference } from '../../src/kernels/permute.js';
import { reduceOp, reduceReference, type ReduceOp } from '../../src/kernels/reduce.js';
import { softmaxOp, softmaxReference } from '../../src/kernels/softmax.js';
import { expectClose, maxAbsError, randomArray } from '../helpers/compare.js';
import { LOWERINGS, runGraph, type Lowering } from '../helpers/gpu.js';
import { layerNorm } from '../../src/lowering/ops.js';

// CPU adapters normalise a row per thread when cols is a multiple of 4 (layer-norm-rows),
// otherwise, and on GPUs ('tiled' graphs), a row per workgroup: both are run here.
describe('layer-norm', () => {
  const cases: Array<[number, number, Lowering?]> = [[1, 1], [1, 7], [13, 33], [1, 4], [300, 128], [97, 20], [5, 1024], [2, 4 * 1024], [300, 128, 'tiled'], [5, 1024, 'tiled']];
  for (const [rows, cols, linear] of cases) {
    for (const transposeOut of [false, true]) {
      it(`${rows} x ${cols}${transposeOut ? ', transposed out' : ''}${linear ? ` (${linear} graph)` : ''}`, async () => {
        const x = randomArray(rows * cols, rows + cols, -3, 5);
        const gamma = randomArray(cols, 3);
        const beta = randomArray(cols, 4);
        const { y } = await runGraph((g) => ({ y: layerNorm(g, 'ln', g.input('x', [rows, cols]), { gamma: g.weight('g', [cols], gamma), beta: g.weight('b', [cols], beta), eps: 1e-5, transposeOut }) }), { x }, linear && LOWERINGS[linear]);
        const ref = layerNormReference(x, gamma, beta, rows, cols, 1e-5);
        const expected = transposeOut ? permuteReference(ref, [rows, cols], [1, 0]) : ref;
        expectClose('layer-norm', y, expected, { atol: 2e-6, rtol: 0 }, transposeOut ? [cols, rows] : [rows, cols]);
      });
    }
  }

  it('normalises a range of rows (row0 > 0) into a tensor of its own', async () => {
    const [rows, cols] = [9, 12];
    const x = randomArray(rows * cols, 5, -3, 5);
    const gamma = randomArray(cols, 6);
    const beta = randomArray(cols, 7);
    const { y } = await runGraph((g) => ({ y: layerNorm(g, 'ln', g.input('x', [rows, cols]), { gamma: g.weight('g', [cols], gamma), beta: g.weight('b', [cols], beta), eps: 1e-5, rowRange: [4, 3] }) }), { x });
    expectClose('layer-norm rows 4..6', y, layerNormReference(x.subarray(4 * cols, 7 * cols), gamma, beta, 3, cols, 1e-5), { atol: 8e-7, rtol: 0 }, [3, cols]);
  });
});

describe('softmax', () => {
  // Rows up to 64 wide run one per thread (softmax-narrow), wider ones one per workgroup.
  for (const [rows, cols] of [[1, 1], [3, 22], [5000, 22], [300, 64], [37, 65], [4, 1000], [2, 14400]]) {
    it(`${rows} x ${cols} without bias`, async () => {
      const x = randomArray(rows * cols, rows * cols, -8, 8);
      const { y } = await runGraph((g) => ({ y: softmaxOp(g, 'sm', g.input('x', [rows, cols])) }), { x });
      expectClose('softmax', y, softmaxReference(x, rows, cols), { atol: 1e-7, rtol: 1.5e-6 }, [rows, cols]);
    });
  }

  it('adds a per-batch key mask bias as BERT does, including an all-zero mask', async () => {
    // scores [batch=3, heads=2, 7, 7]; bias per batch: (1 - mask) * -10000; batch 2 masks everything.
    const [B, H, N] = [3, 2, 7];
    const masks = [[1, 1, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0]];
    const bias = Float32Array.from(masks.flat(), (m) => (1 - m) * -10000);
    const x = randomArray(B * H * N * N, 11, -4, 4);
    const { y } = await runGraph((g) => ({ y: softmaxOp(g, 'sm', g.input('x', [B, H, N, N]), { tensor: g.input('bias', [B, N]), rowsPerBiasRow: H * N }) }), { x, bias });
    const ref = softmaxReference(x, B * H * N, N, { data: bias, b_div: H * N, b_rows: B });
    expectClose('masked softmax', y, ref, { atol: 1e-7, rtol: 1.5e-6 }, [B, H, N, N]);
    // Masked keys get exactly zero weight; an all-zero mask is close to (not equal to) no mask.
    expect(y[4]).toBe(0);
    const unmasked = softmaxReference(x.subarray(2 * H * N * N), H * N, N);
    expect(maxAbsError(y.subarray(2 * H * N * N), unmasked)).toBeLessThan(1e-2);
  });
});

describe('reduce', () => {
  const shapes: Array<[number, number, number]> = [[1, 1, 1], [1, 14400, 128], [3, 17, 5], [64, 1, 9], [2, 129, 1]];
  for (const [outer, axis, inner] of shapes) {
    for (const op of ['mean', 'max'] as ReduceOp[]) {
      it(`${op} over axis ${axis} of [${outer}, ${axis}, ${inner}]`, async () => {
        const x = randomArray(outer * axis * inner, axis + inner, -2, 3);
        const { y } = await runGraph((g) => ({ y: reduceOp(g, op, g.input('x', [outer, axis, inner]), 1, op) }), { x });
        expectClose(op, y, reduceReference(x, outer, axis, inner, op), op === 'max' ? { atol: 0, rtol: 0 } : { atol: 3e-7, rtol: 0 }, [outer, inner]);
      });
    }
  }
});

describe('permute', () => {
  const cases: Array<[number[], number[]]> = [[[1], [0]], [[5, 7], [1, 0]], [[2, 3, 4], [2, 0, 1]], [[3, 1, 5, 2], [0, 2, 1, 3]], [[2, 3, 2, 3, 2, 2], [5, 4, 3, 2, 1, 0]], [[120, 128], [1, 0]]];
  for (const [shape, perm] of cases) {
    it(`[${shape}] by [${perm}]`, async () => {
      const n = shape.reduce((a, b) => a * b, 1);
      const x = randomArray(n, n);
      const { y } = await runGraph((g) => ({ y: permuteOp(g, 'p', g.input('x', shape), perm) }), { x });
      expectClose('permute', y, permuteReference(x, shape, perm), { atol: 0, rtol: 0 });
    });
  }

  it('rejects an invalid permutation', async () => {
    await expect(runGraph((g) => ({ y: permuteOp(g, 'p', g.input('x', [2, 3]), [0, 0]) }), {})).rejects.toThrow('p: invalid permutation [0,0] of a rank-2 tensor');
  });
});
