/**
 * The blocked convolution (3x3: the implicit GEMM over conv-input-rows; 1x1 and gated:
 * im2col-blocks; both then matmul-blocked, output stored transposed) against conv2d's
 * float64 reference: 3x3 and 1x1, channels padded to a block of 64 or a multiple of 128 or
 * 256, several channel blocks and row tiles, 5x5 taps, a 1x1 map, prime sizes, two inputs with A
 * upsampled, channel-slice and token-major views, K not a multiple of KC (several
 * accumulating passes), M not a multiple of MB, cout not a multiple of NB, h-sigmoid and the
 * scale-aware gate epilogue (TMEM's up_channel and the gates' 1x1 convolutions on CPU
 * adapters). Tolerance as in conv2d.test.ts (inputs and weights in [-1, 1]): atol 1e-7 * K,
 * rtol 1e-6 (the gate's few float32 roundings of O(1) values). Measured on llvmpipe and
 * SwiftShader (identical): the gated 1x1 with cout 130 at 0.5 of the tolerance (3.9e-6), the
 * others at <= 0.24 (at most 4.4e-8 * K without a gate). At a real
 * decoder shape and at one whose im2col matrix spans two 128 MiB storage windows, a sample
 * of outputs is checked (conv2d-sampled.ts).
 */
import { describe, expect, it } from 'vitest';
import { DECODER_CONV_CASES, channelFirst } from '../../src/kernels/conv2d.js';
import { conv2dBlockedOp } from '../../src/lowering/blocked-conv.js';
import { convolution as convolutionOp } from '../../src/lowering/ops.js';
import { uniformWindowTarget } from '../../src/lowering/target.js';
import { Graph } from '../../src/runtime/graph.js';
import { expectClose } from '../helpers/compare.js';
import { convCaseInputs, type ConvCase } from '../helpers/conv-case.js';
import { runGraph } from '../helpers/gpu.js';
import { checkSampledConv } from './conv2d-sampled.js';

const CASES: ConvCase[] = [
  { name: '1x1 map, 1 channel', ca: 1, cb: 0, cout: 1, ks: 3, size: [1, 1] },
  { name: '3x3 prime sizes', ca: 7, cb: 0, cout: 13, ks: 3, size: [11, 7], bias: true, act: 'relu' },
  { name: '3x3 two inputs, cout 67', ca: 5, cb: 9, cout: 67, ks: 3, size: [9, 13], bias: true, act: 'relu' },
  { name: '3x3 A upsampled 4x5 -> 9x11 + B', ca: 6, cb: 3, cout: 17, ks: 3, size: [9, 11], aSize: [4, 5], bias: true, act: 'relu' },
  { name: '3x3 K 333 (two k-blocks), M 130 past MB 64', ca: 30, cb: 7, cout: 300, ks: 3, size: [10, 13], aSize: [5, 7], bias: true, act: 'relu' },
  { name: '3x3 cin 192 (3 blocks of 64), grid 20 x 22 past MB 256, cout 70', ca: 150, cb: 42, cout: 70, ks: 3, size: [20, 20], aSize: [7, 9], bias: true, act: 'relu' },
  { name: '3x3 cin 256 (one block of 256), cout 257 past NB', ca: 256, cb: 0, cout: 257, ks: 3, size: [6, 5], bias: true },
  { name: '3x3 cin 256 at 3 x 5, cout 250: few rows, two column blocks per dispatch', ca: 256, cb: 0, cout: 250, ks: 3, size: [3, 5], bias: true, act: 'relu' },
  { name: '3x3 cin 384 (3 blocks of 128), M 1 x 1', ca: 256, cb: 128, cout: 9, ks: 3, size: [1, 1], bias: true },
  { name: '5x5 taps, pitch w + 4', ca: 3, cb: 2, cout: 8, ks: 5, size: [9, 6], bias: true, act: 'relu' },
  { name: '3x3 K 1143 (5 accumulating passes)', ca: 120, cb: 7, cout: 5, ks: 3, size: [3, 5], aSize: [2, 2], bias: true },
  { name: '1x1 classifier (cout 2)', ca: 19, cb: 0, cout: 2, ks: 1, size: [13, 17], bias: true },
  { name: '1x1 on a channel slice', ca: 11, cb: 0, cout: 11, ks: 1, size: [5, 3], bias: true, act: 'relu', view: { total: 30, from: 7, tokens: false } },
  { name: '3x3 on a token-major channel slice', ca: 6, cb: 0, cout: 6, ks: 3, size: [5, 5], view: { total: 21, from: 9, tokens: true } },
  { name: '1x1 h-sigmoid on a channel slice', ca: 11, cb: 0, cout: 11, ks: 1, size: [5, 3], bias: true, act: 'hsigmoid', view: { total: 30, from: 7, tokens: false } },
  { name: '1x1 from a token-major map, cout 37', ca: 10, cb: 0, cout: 37, ks: 1, size: [3, 5], bias: true, view: { total: 10, from: 0, tokens: true } },
  { name: '1x1 gate 3x3 -> 24x24', ca: 16, cb: 0, cout: 16, ks: 1, size: [24, 24], bias: true, gate: [3, 3] },
  { name: '1x1 gate 5x5 -> 7x13, cout 300 (two column blocks)', ca: 9, cb: 0, cout: 300, ks: 1, size: [7, 13], bias: true, gate: [5, 5] },
  { name: '1x1 gate 3x4 -> 23x29, M 667 past MB 512', ca: 20, cb: 0, cout: 7, ks: 1, size: [23, 29], bias: true, gate: [3, 4] },
  { name: '1x1 gate after 5 accumulating passes (K 1100)', ca: 1100, cb: 0, cout: 5, ks: 1, size: [3, 5], bias: true, gate: [2, 2] },
  { name: '1x1 gate, K 1024 in one pass (4 k-blocks: 11 uniform bindings)', ca: 1024, cb: 0, cout: 6, ks: 1, size: [4, 5], bias: true, gate: [3, 2] },
  { name: '1x1 gate at the same size', ca: 4, cb: 0, cout: 3, ks: 1, size: [3, 3], bias: true, gate: [3, 3] },
  { name: '1x1 gate 15x15 -> 17x19, cout 130 (the gate windows cap NB at 64)', ca: 20, cb: 0, cout: 130, ks: 1, size: [17, 19], bias: true, gate: [15, 15] },
];

describe('conv2d-blocked', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const conv = convCaseInputs(c);
      const { y } = await runGraph((g) => ({ y: conv2dBlockedOp(g, 'conv', conv.args(g)) }), conv.feeds);
      expectClose(c.name, y, conv.expected(), conv.tolerance, conv.outShape);
    });
  }

  it('convolutionOp keeps conv2d for gate maps too large for a uniform window (33 x 33), the blocked path below', () => {
    const kernels = (gate: [number, number]) => {
      const g = new Graph(uniformWindowTarget());
      const mul = g.input('mul', [4, ...gate]);
      convolutionOp(g, 'conv', { a: channelFirst(g.input('a', [4, 40, 40]), 4, [40, 40]), size: [40, 40], weight: g.weight('w', [4, 4, 1, 1], new Float32Array(16)), gate: { mul, add: mul, size: gate } });
      return g.calls.map((c) => c.kernel.name);
    };
    expect(kernels([33, 33])).toEqual(['conv2d']);
    expect(kernels([32, 32])).toEqual(['im2col-blocks', 'block-rows', 'block-rows', 'matmul-blocked']);
  });

  it('real shape: small fixture conv1_2 (128 channels upsampled 20 -> 40, + 32) -> 128, sampled', async () => {
    await checkSampledConv(DECODER_CONV_CASES.small[0], 300, conv2dBlockedOp);
  });

  it('im2col matrix over two 128 MiB storage windows (256 up 60 -> 120 + 4 -> 8 at 120 x 120), sampled', async () => {
    await checkSampledConv({ ca: 256, aSize: [60, 60], cb: 4, cout: 8, size: [120, 120] }, 300, conv2dBlockedOp);
  });
});
