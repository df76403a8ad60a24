/**
 * The blocked convolution (im2col-blocks + matmul-blocked, output stored transposed) against
 * conv2d's float64 reference: 3x3 and 1x1, a 1x1 map, prime sizes, two inputs with A
 * upsampled, channel-slice and token-major views, K not a multiple of KC (several
 * accumulating passes), M not a multiple of MB, cout not a multiple of NB. Tolerance as in
 * conv2d.test.ts (inputs and weights in [-1, 1]): atol 1e-7 * K, rtol 1e-6. At a real
 * decoder shape and at one whose im2col matrix spans two 128 MiB storage windows, a sample
 * of outputs is checked (conv2d-sampled.ts).
 */
import { describe, it } from 'vitest';
import { channelFirst, channelSlice, conv2dReferenceAll, tokenMajor, type ConvInput } from '../../src/kernels/conv2d.js';
import { conv2dBlockedOp } from '../../src/kernels/conv2d-blocked.js';
import type { Activation } from '../../src/kernels/wgsl-helpers.js';
import type { Tensor } from '../../src/runtime/graph.js';
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
  view?: { total: number; from: number; tokens: boolean };
}

const CASES: Case[] = [
  { name: '1x1 map, 1 channel', ca: 1, cb: 0, cout: 1, ks: 3, size: [1, 1] },
  { name: '3x3 prime sizes', ca: 7, cb: 0, cout: 13, ks: 3, size: [11, 7], bias: true, act: 'relu' },
  { name: '3x3 two inputs, cout 67', ca: 5, cb: 9, cout: 67, ks: 3, size: [9, 13], bias: true, act: 'relu' },
  { name: '3x3 A upsampled 4x5 -> 9x11 + B', ca: 6, cb: 3, cout: 17, ks: 3, size: [9, 11], aSize: [4, 5], bias: true, act: 'relu' },
  { name: '3x3 K 333 (two k-blocks), M 130 past MB 64', ca: 30, cb: 7, cout: 300, ks: 3, size: [10, 13], aSize: [5, 7], bias: true, act: 'relu' },
  { name: '3x3 K 1143 (5 accumulating passes)', ca: 120, cb: 7, cout: 5, ks: 3, size: [3, 5], aSize: [2, 2], bias: true },
  { name: '1x1 classifier (cout 2)', ca: 19, cb: 0, cout: 2, ks: 1, size: [13, 17], bias: true },
  { name: '1x1 on a channel slice', ca: 11, cb: 0, cout: 11, ks: 1, size: [5, 3], bias: true, act: 'relu', view: { total: 30, from: 7, tokens: false } },
  { name: '3x3 on a token-major channel slice', ca: 6, cb: 0, cout: 6, ks: 3, size: [5, 5], view: { total: 21, from: 9, tokens: true } },
];

function inputView(c: Case, tensor: Tensor): ConvInput {
  const aSize = c.aSize ?? c.size;
  if (!c.view) return channelFirst(tensor, c.ca, aSize);
  const whole = c.view.tokens ? tokenMajor(tensor, c.view.total, aSize) : channelFirst(tensor, c.view.total, aSize);
  return channelSlice(whole, c.view.from, c.ca);
}

describe('conv2d-blocked', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const aSize = c.aSize ?? c.size;
      const [h, w] = c.size;
      const aLen = (c.view?.total ?? c.ca) * aSize[0] * aSize[1];
      const cin = c.ca + c.cb;
      const a = randomArray(aLen, 1 + c.ca);
      const b = randomArray(Math.max(1, c.cb * h * w), 2 + c.cb);
      const weight = randomArray(c.cout * cin * c.ks * c.ks, 3 + c.cout);
      const bias = randomArray(c.cout, 4);
      const { y } = await runGraph(
        (g) => ({
          y: conv2dBlockedOp(g, 'conv', {
            a: inputView(c, g.input('a', [aLen])),
            b: c.cb ? g.input('b', [c.cb, h, w]) : undefined,
            size: c.size,
            weight: g.weight('w', [c.cout, cin, c.ks, c.ks], weight),
            bias: c.bias ? g.weight('bias', [c.cout], bias) : undefined,
            act: c.act,
          }),
        }),
        { a, ...(c.cb ? { b } : {}) },
      );
      const view = inputView(c, { id: 0, shape: [aLen], dtype: 'f32', kind: 'input', label: 'a' });
      const expected = conv2dReferenceAll({
        aData: a, a: view, bData: c.cb ? b : undefined, size: c.size, weight, cout: c.cout, ks: c.ks, bias: c.bias ? bias : undefined, act: c.act,
      });
      expectClose(c.name, y, expected, { atol: 1e-7 * cin * c.ks * c.ks, rtol: 1e-6 }, [c.cout, h, w]);
    });
  }

  it('real shape: small fixture conv1_2 (128 channels upsampled 20 -> 40, + 32) -> 128, sampled', async () => {
    await checkSampledConv({ ca: 128, aSize: [20, 20], cb: 32, cout: 128, size: [40, 40] }, 300, conv2dBlockedOp);
  });

  it('im2col matrix over two 128 MiB storage windows (256 up 60 -> 120 + 4 -> 8 at 120 x 120), sampled', async () => {
    await checkSampledConv({ ca: 256, aSize: [60, 60], cb: 4, cout: 8, size: [120, 120] }, 300, conv2dBlockedOp);
  });
});
