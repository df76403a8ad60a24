/**
 * conv2d at a real FIANet decoder shape (first convolution of a stage: A upsampled on the
 * fly, concatenated with a skip map, BN-folded bias, ReLU), checked at corners, edges and
 * a pseudo-random sample of outputs because the float64 reference is slow at full size.
 * Shared by the default suite (small-fixture shapes) and test/full (base480 shapes).
 */
import { expect } from 'vitest';
import { conv2dOp, type Conv2dArgs, type DecoderConvCase } from '../../src/kernels/conv2d.js';
import { conv2dSamplePoints, decoderConvData } from '../../src/bench/decoder.js';
import type { Graph, Tensor } from '../../src/runtime/graph.js';
import { expectClose } from '../helpers/compare.js';
import { runGraph } from '../helpers/gpu.js';

/**
 * Runs the case through `op` (conv2d, or its blocked lowering) and compares `samples` outputs;
 * tolerance conv2dTolerance (atol 1e-7 * K, as in conv2d.test.ts); the benchmark samples the same points.
 */
export async function checkSampledConv(c: Omit<DecoderConvCase, 'name'>, samples = 300, op: (g: Graph, name: string, args: Conv2dArgs) => Tensor = conv2dOp): Promise<void> {
  const data = decoderConvData(c);
  const [h, w] = c.size;
  const { y } = await runGraph((g) => ({ y: data.build(g, op) }), data.inputs);
  const points = conv2dSamplePoints(c.cout, h, w, samples);
  const actual = points.map(([m, yy, x]) => y[(m * h + yy) * w + x]);
  expectClose('sampled conv', actual, points.map(([m, yy, x]) => data.reference(m, yy, x)), data.tolerance);
  expect(actual.filter((v) => v > 0).length).toBeGreaterThan(samples / 4);
}
