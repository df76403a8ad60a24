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
import { DECODER_CONV_CASES, channelFirst, channelSlice, conv2dOp, conv2dReferenceAll, tokenMajor, type ConvInput, type ConvTile } from '../../src/kernels/conv2d.js';
import type { Activation } from '../../src/kernels/wgsl-helpers.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { runGraph } from '../helpers/gpu.js';
import { checkSampledConv } from './conv2d-sampled.js';

interface Case {
  name: string;
  ca: number;
  cb: number;
  cout: number;
  ks: number;
  size: [number, number];
  aSize?: [number, number];
  act?: Activation;
  bias?: boolean;
  gate?: [number, number];
  /** Read A as channels [from, from + ca) of a larger map; token-major when `tokens`. */
  view?: { total: number; from: number; tokens: boolean };
  tile?: ConvTile;
}

const CASES: Case[] = [
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

function inputView(c: Case, tensor: Parameters<typeof channelFirst>[0]): ConvInput {
  const aSize = c.aSize ?? c.size;
  if (!c.view) return channelFirst(tensor, c.ca, aSize);
  const whole = c.view.tokens ? tokenMajor(tensor, c.view.total, aSize) : channelFirst(tensor, c.view.total, aSize);
  return channelSlice(whole, c.view.from, c.ca);
}

describe('conv2d', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const aSize = c.aSize ?? c.size;
      const [h, w] = c.size;
      const aLen = (c.view?.total ?? c.ca) * aSize[0] * aSize[1];
      const cin = c.ca + c.cb;
      const inputs = {
        a: randomArray(aLen, 1 + c.ca),
        b: randomArray(Math.max(1, c.cb * h * w), 2 + c.cb),
        weight: randomArray(c.cout * cin * c.ks * c.ks, 3 + c.cout),
        bias: randomArray(c.cout, 4),
        mul: randomArray(c.cout * (c.gate ? c.gate[0] * c.gate[1] : 1), 5, 0, 1),
        add: randomArray(c.cout * (c.gate ? c.gate[0] * c.gate[1] : 1), 6),
      };
      const { y } = await runGraph(
        (g) => {
          const a = g.input('a', [aLen]);
          const gate = c.gate && { mul: g.input('mul', [c.cout, ...c.gate]), add: g.input('add', [c.cout, ...c.gate]), size: c.gate };
          const y = conv2dOp(g, 'conv', {
            a: inputView(c, a),
            b: c.cb ? g.input('b', [c.cb, h, w]) : undefined,
            size: c.size,
            weight: g.weight('w', [c.cout, cin, c.ks, c.ks], inputs.weight),
            bias: c.bias ? g.weight('bias', [c.cout], inputs.bias) : undefined,
            act: c.act,
            gate,
            tile: c.tile,
          });
          return { y };
        },
        { a: inputs.a, ...(c.cb ? { b: inputs.b } : {}), ...(c.gate ? { mul: inputs.mul, add: inputs.add } : {}) },
      );
      const view = inputView(c, { id: 0, shape: [aLen], dtype: 'f32', kind: 'input', label: 'a' });
      const expected = conv2dReferenceAll({
        aData: inputs.a,
        a: view,
        bData: c.cb ? inputs.b : undefined,
        size: c.size,
        weight: inputs.weight,
        cout: c.cout,
        ks: c.ks,
        bias: c.bias ? inputs.bias : undefined,
        act: c.act,
        gate: c.gate && { mul: inputs.mul, add: inputs.add, size: c.gate },
      });
      expectClose(c.name, y, expected, { atol: 1e-7 * cin * c.ks * c.ks, rtol: 1e-6 }, [c.cout, h, w]);
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
