/**
 * Decoder convolution suite at base480's shapes (DECODER_CONV_CASES, src/kernels/conv2d.ts):
 * the conv2d kernel (implicit GEMM on storage buffers, several tilings) and the two lowerings
 * for CPU adapters through uniform windows (the implicit GEMM over conv-input-rows, and
 * im2col-blocks). Each variant's output is checked on a sample of pixels against the float64
 * reference (the tests' tolerance) before it is timed.
 */
import { DECODER_CONV_CASES, channelFirst, conv2dOp, conv2dReference, conv2dTolerance, convTile, type Conv2dArgs, type ConvTile, type DecoderConvCase } from '../kernels/conv2d.js';
import { conv2dBlockedOp, conv2dIm2colOp } from '../lowering/blocked-conv.js';
import type { Graph, Tensor } from '../runtime/graph.js';
import { checkFailed, pickByPrefix, timeGraph, type BenchCheck, type BenchHost } from './harness.js';
import { randomArray } from './random.js';
import { rowOf, type BenchSuiteResult } from './schema.js';

/** conv2d tilings, 'implicit': conv-input-rows + matmul-blocked (what graphs for CPU adapters use), 'im2col': im2col-blocks + matmul-blocked. */
export const CONV_VARIANTS: Record<string, ConvTile | 'implicit' | 'im2col'> = {
  'implicit GEMM (conv-input-rows + matmul-blocked)': 'implicit',
  'im2col + matmul-blocked': 'im2col',
  'default 8x8 (8x8, TK8)': convTile(512),
  '8x8 (8x8, TK32)': { TM: 8, TN: 8, WG_X: 8, WG_Y: 8, TK: 32 },
  '4x4 (16x16, TK16)': { TM: 4, TN: 4, WG_X: 16, WG_Y: 16, TK: 16 },
  '16x4 (16x4, TK16)': { TM: 16, TN: 4, WG_X: 16, WG_Y: 4, TK: 16 },
};

/** Output positions [m, y, x] to check at full size: the corners, edges, and `samples` pseudo-random ones. */
export function conv2dSamplePoints(cout: number, h: number, w: number, samples: number): Array<[number, number, number]> {
  const picks = randomArray(3 * samples, 11, 0, 1);
  const points: Array<[number, number, number]> = [[0, 0, 0], [cout - 1, h - 1, w - 1], [Math.min(1, cout - 1), 0, w - 1], [Math.min(2, cout - 1), h - 1, 0], [Math.min(3, cout - 1), h >> 1, 0]];
  for (let i = 0; i < samples; i++) points.push([Math.floor(picks[3 * i] * cout), Math.floor(picks[3 * i + 1] * h), Math.floor(picks[3 * i + 2] * w)]);
  return points;
}

type ConvOp = (g: Graph, name: string, args: Conv2dArgs) => Tensor;

/**
 * A decoder case's data, shared with the tests (test/kernels/conv2d-sampled.ts): inputs in
 * [-1, 1], weights scaled like the fixtures' init (variance ~ 1 / fan_in) to keep outputs O(1),
 * the graph through any convolution op, and the float64 reference one output at a time.
 */
export function decoderConvData(c: Omit<DecoderConvCase, 'name'>) {
  const cin = c.ca + c.cb;
  const [h, w] = c.size;
  const a = randomArray(c.ca * c.aSize[0] * c.aSize[1], 7);
  const b = randomArray(c.cb * h * w, 8);
  const bound = Math.sqrt(3 / (cin * 9));
  const weight = randomArray(c.cout * cin * 9, 9, -bound, bound);
  const bias = randomArray(c.cout, 10);
  return {
    inputs: (c.cb ? { a, b } : { a }) as Record<string, Float32Array>,
    build: (g: Graph, op: ConvOp) => op(g, 'conv', {
      a: channelFirst(g.input('a', [c.ca, ...c.aSize]), c.ca, c.aSize),
      b: c.cb ? g.input('b', [c.cb, h, w]) : undefined,
      size: c.size,
      weight: g.weight('w', [c.cout, cin, 3, 3], weight),
      bias: g.weight('bias', [c.cout], bias),
      act: 'relu',
    }),
    reference: conv2dReference({ aData: a, a: { channels: c.ca, size: c.aSize, offset: 0, cstride: c.aSize[0] * c.aSize[1], pstride: 1 }, bData: c.cb ? b : undefined, size: c.size, weight, cout: c.cout, ks: 3, bias, act: 'relu' }),
    tolerance: conv2dTolerance(cin * 9),
  };
}

const OPS: Record<'implicit' | 'im2col', ConvOp> = { implicit: conv2dBlockedOp, im2col: conv2dIm2colOp };

/** The variant's graph, checked on 305 sampled pixels. */
function timedCase(host: BenchHost, c: DecoderConvCase, variant: string) {
  const data = decoderConvData(c);
  const [h, w] = c.size;
  const tile = CONV_VARIANTS[variant];
  const op: ConvOp = typeof tile === 'string' ? OPS[tile] : (g, name, args) => conv2dOp(g, name, { ...args, tile });
  const check: BenchCheck = {
    inputs: data.inputs,
    verify(out) {
      const { atol, rtol } = data.tolerance;
      for (const [m, y, x] of conv2dSamplePoints(c.cout, h, w, 300)) {
        const [got, e] = [out[(m * h + y) * w + x], data.reference(m, y, x)];
        if (!(Math.abs(got - e) <= atol + rtol * Math.abs(e))) checkFailed(`decoder conv ${c.name}, ${variant}`, `out[${m}, ${y}, ${x}]`, got, e, atol + rtol * Math.abs(e));
      }
    },
  };
  return timeGraph(host, (g) => data.build(g, op), check, Math.min(host.runs, 3));
}

export async function benchDecoderConv(host: BenchHost, opts: { cases?: string[]; variants?: string[] } = {}): Promise<BenchSuiteResult> {
  const variants = pickByPrefix('decoder variant', Object.keys(CONV_VARIANTS).map((name) => ({ name })), opts.variants);
  const rows = [];
  for (const c of pickByPrefix('decoder case', DECODER_CONV_CASES.base480, opts.cases)) {
    for (const { name: variant } of variants) {
      host.log(`decoder: ${c.name} ${variant}: compiling, checking, timing`);
      const t = await timedCase(host, c, variant);
      host.log(`decoder: ${c.name} ${variant} ${t.medianMs.toFixed(1)} ms, ${(t.flop / (t.medianMs * 1e6)).toFixed(2)} GFLOP/s`);
      rows.push(rowOf('decoder', c.name, variant, t));
    }
  }
  return { suite: 'decoder', title: 'Decoder 3x3 convolutions (base480)', rows, notes: [] };
}
