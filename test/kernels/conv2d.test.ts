/**
 * conv2d (implicit GEMM) against its float64 reference: 3x3 and 1x1, one or two inputs, A
 * upsampled on the fly, A read through channel-slice and token-major views, bias, ReLU /
 * h-sigmoid, the scale-aware gate epilogue, several tile shapes.
 * Tolerance: inputs and weights in [-1, 1]; float32 accumulation of K = cin*KS*KS products
 * errs by at most ~K * 2^-24 * sum|products| in the worst case and by far less in practice;
 * we allow atol = 1e-7 * K. The gate and upsampling add a few float32 roundings of O(1)
 * values, covered by rtol 1e-6. Measured on llvmpipe and SwiftShader (identical): at most
 * 5.0e-8 * K (3x3 prime sizes, K = 63: 3.2e-6), the worst case at 0.22 of the tolerance (4.5x);
 * the error grows slower than K, so large-K cases sit further below it.
 */
import { describe, expect, it } from 'vitest';
import { DECODER_CONV_CASES, channelFirst, conv2dOp } from '../../src/kernels/conv2d.js';
import { expectClose } from '../helpers/compare.js';
import { convCaseInputs, type ConvCase } from '../helpers/conv-case.js';
import { runGraph } from '../helpers/gpu.js';
import { checkSampledConv } from './conv2d-sampled.js';

const CASES: ConvCase[] = [
  { name: '1x1 map, 1 channel', ca: 1, cb: 0, cout: 1, ks: 3, size: [1, 1] },
  { name: '3x3 prime sizes', ca: 7, cb: 0, cout: 13, ks: 3, size: [11, 7], bias: true, act: 'relu' },
  { name: '3x3 two inputs, cout 67', ca: 5, cb: 9, cout: 67, ks: 3, size: [9, 13], bias: true, act: 'relu' },
  { name: '3x3 A upsampled 4x5 -> 9x11 + B', ca: 6, cb: 3, cout: 17, ks: 3, size: [9, 11], aSize: [4, 5], bias: true, act: 'relu' },
  { name: '3x3 A upsampled 1x1 -> 3x2', ca: 3, cb: 2, cout: 5, ks: 3, size: [3, 2], aSize: [1, 1] },
  { name: '1x1 classifier (cout 2)', ca: 19, cb: 0, cout: 2, ks: 1, size: [13, 17], bias: true },
  { name: '1x1 h-sigmoid on a channel slice', ca: 11, cb: 0, cout: 11, ks: 1, size: [5, 3], bias: true, act: 'hsigmoid', view: { total: 30, from: 7, tokens: false } },
  { name: '1x1 from a token-major map', ca: 10, cb: 0, cout: 37, ks: 1, size: [3, 5], bias: true, view: { total: 10, from: 0, tokens: true } },
  { name: '1x1 token-major channel slice', ca: 6, cb: 0, cout: 6, ks: 1, size: [5, 5], view: { total: 21, from: 9, tokens: true } },
  { name: '1x1 gate 3x3 -> 24x24', ca: 16, cb: 0, cout: 16, ks: 1, size: [24, 24], bias: true, gate: [3, 3] },
  { name: '1x1 gate 5x5 -> 7x13', ca: 9, cb: 0, cout: 5, ks: 1, size: [7, 13], bias: true, gate: [5, 5] },
  { name: '1x1 gate at the same size', ca: 4, cb: 0, cout: 3, ks: 1, size: [3, 3], bias: true, gate: [3, 3] },
  { name: '3x3 tile 16x16 threads, 4x4 each', ca: 20, cb: 4, cout: 70, ks: 3, size: [10, 10], bias: true, act: 'relu', tile: { TM: 4, TN: 4, WG_X: 16, WG_Y: 16, TK: 16 } },
  { name: '3x3 tile 16x8 threads, 4x4 each, TK 32', ca: 3, cb: 3, cout: 9, ks: 3, size: [6, 17], aSize: [3, 9], tile: { TM: 4, TN: 4, WG_X: 16, WG_Y: 8, TK: 32 } },
  { name: '3x3 tile 16x4 threads, 16x4 each', ca: 13, cb: 0, cout: 33, ks: 3, size: [9, 8], bias: true, tile: { TM: 16, TN: 4, WG_X: 16, WG_Y: 4, TK: 16 } },
];

describe('conv2d', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const conv = convCaseInputs(c);
      const { y } = await runGraph((g) => ({ y: conv2dOp(g, 'conv', conv.args(g)) }), conv.feeds);
      expectClose(c.name, y, conv.expected(), conv.tolerance, conv.outShape);
    });
  }

  it('real shape: small fixture conv1_2 (128 channels upsampled 20 -> 40, + 32) -> 128, sampled', async () => {
    await checkSampledConv(DECODER_CONV_CASES.small[0]);
  });

  it('rejects a tile whose threads cannot load whole pixel rows', async () => {
    const tile = { TM: 4, TN: 4, WG_X: 16, WG_Y: 2, TK: 16 };
    await expect(
      runGraph((g) => ({ y: conv2dOp(g, 'dec', { a: channelFirst(g.input('a', [3, 4, 4]), 3, [4, 4]), size: [4, 4], weight: g.weight('w', [2, 3, 3, 3], new Float32Array(54)), tile }) }), {}),
    ).rejects.toThrow('the 32 threads must load whole rows of 64 pixels');
  });

  it('rejects a weight with the wrong input channels, naming the module', async () => {
    await expect(
      runGraph((g) => ({ y: conv2dOp(g, 'dec', { a: channelFirst(g.input('a', [3, 4, 4]), 3, [4, 4]), size: [4, 4], weight: g.weight('w', [2, 4, 3, 3], new Float32Array(72)) }) }), {}),
    ).rejects.toThrow("dec: weight 'w' is [2, 4, 3, 3], expected [2, 3, 3, 3]");
  });
});
