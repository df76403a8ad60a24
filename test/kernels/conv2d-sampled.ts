/**
 * conv2d at a real FIANet decoder shape (first convolution of a stage: A upsampled on the
 * fly, concatenated with a skip map, BN-folded bias, ReLU), checked at corners, edges and
 * a pseudo-random sample of outputs because the float64 reference is slow at full size.
 * Shared by the default suite (small-fixture shapes) and test/full (base480 shapes).
 */
import { expect } from 'vitest';
import { channelFirst, conv2dOp, conv2dReference, conv2dTolerance, type Conv2dArgs, type DecoderConvCase } from '../../src/kernels/conv2d.js';
import { conv2dSamplePoints } from '../../src/bench/decoder.js';
import type { Graph, Tensor } from '../../src/runtime/graph.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { runGraph } from '../helpers/gpu.js';


/**
 * Runs the case through `op` (conv2d, or its blocked lowering) and compares `samples` outputs;
 * tolerance conv2dTolerance (atol 1e-7 * K, as in conv2d.test.ts); the benchmark samples the same points.
 */
export async function checkSampledConv(c: Omit<DecoderConvCase, 'name'>, samples = 300, op: (g: Graph, name: string, args: Conv2dArgs) => Tensor = conv2dOp): Promise<void> {
  const cin = c.ca + c.cb;
  const [h, w] = c.size;
  const a = randomArray(c.ca * c.aSize[0] * c.aSize[1], 7);
  const b = randomArray(c.cb * h * w, 8);
  // Weights scaled like the fixtures' init (uniform, variance ~ 1 / fan_in) keep outputs O(1).
  const bound = Math.sqrt(3 / (cin * 9));
  const weight = randomArray(c.cout * cin * 9, 9, -bound, bound);
  const bias = randomArray(c.cout, 10);
  const { y } = await runGraph(
    (g) => ({
      y: op(g, 'conv', {
        a: channelFirst(g.input('a', [c.ca, ...c.aSize]), c.ca, c.aSize),
        b: g.input('b', [c.cb, h, w]),
        size: c.size,
        weight: g.weight('w', [c.cout, cin, 3, 3], weight),
        bias: g.weight('bias', [c.cout], bias),
        act: 'relu',
      }),
    }),
    { a, b },
  );
  const at = conv2dReference({ aData: a, a: { channels: c.ca, size: c.aSize, offset: 0, cstride: c.aSize[0] * c.aSize[1], pstride: 1 }, bData: b, size: c.size, weight, cout: c.cout, ks: 3, bias, act: 'relu' });
  const points = conv2dSamplePoints(c.cout, h, w, samples);
  const actual = points.map(([m, yy, x]) => y[(m * h + yy) * w + x]);
  expectClose('sampled conv', actual, points.map(([m, yy, x]) => at(m, yy, x)), conv2dTolerance(cin * 9));
  expect(actual.filter((v) => v > 0).length).toBeGreaterThan(samples / 4);
}
