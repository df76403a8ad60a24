/**
 * BatchNorm folding against the unfolded float64 maths: BN(Conv3x3(x)) without conv bias
 * (the decoder), BN(Conv1x1(x) + b) (the gates) and Conv1x1(BN(x)) + b (TMEM's bn +
 * up_channel), run through conv2d. Tolerance: atol 1.5e-7 * K (K = cin * k * k: conv2d's
 * 1e-7 * K scaled by the BN gain, <= ~1.5 here), 4-5x the error measured on llvmpipe (<= 3.5e-8 * K:
 * 1.4e-6 at K = 45, 2.1e-7 at K = 6, 2.5e-7 at K = 9); it was that plus 1e-6 and rtol 1e-6.
 */
import { describe, expect, it } from 'vitest';
import { channelFirst, conv2dOp, conv2dReferenceAll } from '../../src/kernels/conv2d.js';
import { batchNormThenConv, convThenBatchNorm } from '../../src/model/batch-norm.js';
import { WeightBinder } from '../../src/model/weights.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { runGraph } from '../helpers/gpu.js';
import { memoryStore, type StoredTensor } from '../helpers/memory-store.js';

const EPS = 1e-5;

function batchNorm(c: number, seed: number): Record<string, Float32Array> {
  return {
    weight: randomArray(c, seed, 0.5, 1.5),
    bias: randomArray(c, seed + 1, -0.2, 0.2),
    running_mean: randomArray(c, seed + 2, -0.3, 0.3),
    running_var: randomArray(c, seed + 3, 0.5, 1.5),
  };
}

function storeOf(entries: Record<string, { shape: number[]; data: Float32Array }>): Map<string, StoredTensor> {
  return new Map(Object.entries(entries));
}

const bnEntries = (prefix: string, bn: Record<string, Float32Array>) =>
  Object.fromEntries(Object.entries(bn).map(([k, v]) => [`${prefix}.${k}`, { shape: [v.length], data: v }]));

describe('BatchNorm folding', () => {
  for (const [cin, cout, ks, convBias] of [[5, 7, 3, false], [6, 4, 1, true]] as Array<[number, number, number, boolean]>) {
    it(`BN(Conv${ks}x${ks}(x)${convBias ? ' + b' : ''}), ${cin} -> ${cout}`, async () => {
      const [h, w] = [5, 6];
      const x = randomArray(cin * h * w, 1);
      const weight = randomArray(cout * cin * ks * ks, 2);
      const bias = randomArray(cout, 3);
      const bn = batchNorm(cout, 4);
      const store = storeOf({ 'c.weight': { shape: [cout, cin, ks, ks], data: weight }, ...(convBias ? { 'c.bias': { shape: [cout], data: bias } } : {}), ...bnEntries('bn', bn) });
      const { y } = await runGraph((g) => {
        const b = new WeightBinder(g, memoryStore('test', store));
        const folded = convThenBatchNorm(b, { conv: 'c', bn: 'bn', shape: [cout, cin, ks, ks], eps: EPS, convBias });
        expect(b.finish()).toEqual([]);
        return { y: conv2dOp(g, 'conv', { a: channelFirst(g.input('x', [cin, h, w]), cin, [h, w]), size: [h, w], ...folded }) };
      }, { x });
      const conv = conv2dReferenceAll({ aData: x, a: { channels: cin, size: [h, w], offset: 0, cstride: h * w, pstride: 1 }, size: [h, w], weight, cout, ks, bias: convBias ? bias : undefined });
      const expected = conv.map((v, i) => {
        const o = Math.floor(i / (h * w));
        return ((v - bn.running_mean[o]) / Math.sqrt(bn.running_var[o] + EPS)) * bn.weight[o] + bn.bias[o];
      });
      expectClose('folded conv', y, expected, { atol: 1.5e-7 * cin * ks * ks, rtol: 0 }, [cout, h, w]);
    });
  }

  it('Conv1x1(BN(x)) + b, 9 -> 4', async () => {
    const [cin, cout, h, w] = [9, 4, 3, 7];
    const x = randomArray(cin * h * w, 5);
    const weight = randomArray(cout * cin, 6);
    const bias = randomArray(cout, 7);
    const bn = batchNorm(cin, 8);
    const store = storeOf({ 'up.weight': { shape: [cout, cin, 1, 1], data: weight }, 'up.bias': { shape: [cout], data: bias }, ...bnEntries('bn', bn) });
    const { y } = await runGraph((g) => {
      const b = new WeightBinder(g, memoryStore('test', store));
      const folded = batchNormThenConv(b, { bn: 'bn', conv: 'up', shape: [cout, cin, 1, 1], eps: EPS });
      return { y: conv2dOp(g, 'conv', { a: channelFirst(g.input('x', [cin, h, w]), cin, [h, w]), size: [h, w], ...folded }) };
    }, { x });
    const normed = Float64Array.from(x, (v, i) => {
      const c = Math.floor(i / (h * w));
      return ((v - bn.running_mean[c]) / Math.sqrt(bn.running_var[c] + EPS)) * bn.weight[c] + bn.bias[c];
    });
    const expected = conv2dReferenceAll({ aData: normed, a: { channels: cin, size: [h, w], offset: 0, cstride: h * w, pstride: 1 }, size: [h, w], weight, cout, ks: 1, bias });
    expectClose('conv after BN', y, expected, { atol: 1.5e-7 * cin, rtol: 0 }, [cout, h, w]);
  });
});
