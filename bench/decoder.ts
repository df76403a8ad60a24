/**
 * Decoder convolution benchmark: the conv2d kernel (implicit GEMM on storage buffers, several
 * tilings) and the two lowerings for CPU adapters through uniform windows (the implicit GEMM
 * over conv-input-rows, and im2col-blocks) at the base480 decoder's shapes, in GFLOP/s
 * (2 * cout * cin * 9 * H * W / median time). The largest is conv1_2:
 * the 512-channel hidden map upsampled 60 -> 120 on the fly, concatenated with the
 * 128-channel stage-1 TMEM output, 640 -> 512 channels at 120 x 120 (85 GFLOP).
 */
import { conv2dBlockedOp, conv2dIm2colOp } from '../src/lowering/blocked-conv.js';
import type { Gpu } from '../src/runtime/device.js';
import { channelFirst, conv2dOp, convTile, type ConvTile } from '../src/kernels/conv2d.js';
import type { Graph } from '../src/runtime/graph.js';
import { pickByPrefix, timeGraph, type Timing } from './harness.js';

export interface DecoderConvCase {
  name: string;
  /** Channels of the first input and its size (upsampled to `size` when smaller). */
  ca: number;
  aSize: [number, number];
  /** Channels of the second (skip) input at the output size; 0 for none. */
  cb: number;
  cout: number;
  size: [number, number];
}

export const DECODER_CONV_CASES: DecoderConvCase[] = [
  { name: 'conv1_2 (512@60 up + 128) -> 512 @120', ca: 512, aSize: [60, 60], cb: 128, cout: 512, size: [120, 120] },
  { name: 'conv2_2 512 -> 512 @120', ca: 512, aSize: [120, 120], cb: 0, cout: 512, size: [120, 120] },
  { name: 'conv1_4 (1024@15 up + 512) -> 512 @30', ca: 1024, aSize: [15, 15], cb: 512, cout: 512, size: [30, 30] },
];

/** conv2d tilings, 'implicit': conv-input-rows + matmul-blocked (what graphs for CPU adapters use), 'im2col': im2col-blocks + matmul-blocked. */
export const CONV_VARIANTS: Record<string, ConvTile | 'implicit' | 'im2col'> = {
  'implicit GEMM (conv-input-rows + matmul-blocked)': 'implicit',
  'im2col + matmul-blocked': 'im2col',
  'default 8x8 (8x8, TK8)': convTile(512),
  '8x8 (8x8, TK32)': { TM: 8, TN: 8, WG_X: 8, WG_Y: 8, TK: 32 },
  '4x4 (16x16, TK16)': { TM: 4, TN: 4, WG_X: 16, WG_Y: 16, TK: 16 },
  '16x4 (16x4, TK16)': { TM: 16, TN: 4, WG_X: 16, WG_Y: 4, TK: 16 },
};

export interface DecoderConvResult extends Timing {
  case: string;
  variant: string;
  gflops: number;
}

function build(c: DecoderConvCase, variant: ConvTile | 'implicit' | 'im2col') {
  return (g: Graph) => {
    const cin = c.ca + c.cb;
    const a = g.input('a', [c.ca, ...c.aSize]);
    const b = c.cb ? g.input('b', [c.cb, ...c.size]) : undefined;
    const weight = g.weight('w', [c.cout, cin, 3, 3], new Float32Array(c.cout * cin * 9).fill(0.01));
    const bias = g.weight('bias', [c.cout], new Float32Array(c.cout));
    const args = { a: channelFirst(a, c.ca, c.aSize), b, size: c.size, weight, bias, act: 'relu' as const };
    if (variant === 'implicit') return conv2dBlockedOp(g, 'conv', args);
    return variant === 'im2col' ? conv2dIm2colOp(g, 'conv', args) : conv2dOp(g, 'conv', { ...args, tile: variant });
  };
}

/** Times each case x variant; `cases` / `variants` select by name prefix. */
export async function benchDecoderConv(gpu: Gpu, opts: { runs?: number; cases?: string[]; variants?: string[]; log?: (s: string) => void } = {}): Promise<DecoderConvResult[]> {
  const variants = pickByPrefix('decoder variant', Object.keys(CONV_VARIANTS).map((name) => ({ name })), opts.variants);
  const results: DecoderConvResult[] = [];
  for (const c of pickByPrefix('decoder case', DECODER_CONV_CASES, opts.cases)) {
    const flop = 2 * c.cout * (c.ca + c.cb) * 9 * c.size[0] * c.size[1];
    for (const { name: variant } of variants) {
      const t = await timeGraph(gpu, build(c, CONV_VARIANTS[variant]), opts.runs ?? 5, 1);
      const gflops = flop / (t.medianMs * 1e6);
      results.push({ ...t, case: c.name, variant, gflops });
      opts.log?.(`  ${c.name.padEnd(40)} ${variant.padEnd(26)} ${t.medianMs.toFixed(1).padStart(9)} ms ${gflops.toFixed(2).padStart(7)} GFLOP/s`);
    }
  }
  return results;
}
