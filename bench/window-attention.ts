/**
 * Window-attention benchmark at the Swin-B stage-1 shape at 480 (120x120 tokens, C 128,
 * 4 heads of 32, window 12), W-MSA and SW-MSA. GFLOP/s counts the two matmuls per window
 * and head, 2 * 2 * N^2 * D with N = 144 tokens (softmax, bias and mask not counted).
 */
import type { Gpu } from '../src/runtime/device.js';
import { windowAttentionOp, type WindowAttentionParams } from '../src/kernels/window-attention.js';
import type { Graph } from '../src/runtime/graph.js';
import { timeGraph, type Timing } from './harness.js';

export interface WindowAttentionCase extends WindowAttentionParams {
  name: string;
  headDim: number;
}

export const WINDOW_ATTENTION_CASES: WindowAttentionCase[] = [
  { name: 'stage 1 W-MSA 120x120 C128 4h w12', H: 120, W: 120, heads: 4, headDim: 32, window: 12, shift: 0 },
  { name: 'stage 1 SW-MSA 120x120 C128 4h w12', H: 120, W: 120, heads: 4, headDim: 32, window: 12, shift: 6 },
];

export interface WindowAttentionResult extends Timing {
  case: string;
  gflops: number;
}

export function windowAttentionFlops(c: WindowAttentionCase): number {
  const windows = Math.ceil(c.H / c.window) * Math.ceil(c.W / c.window);
  return 4 * (c.window * c.window) ** 2 * c.headDim * windows * c.heads;
}

function build(c: WindowAttentionCase) {
  return (g: Graph) => {
    const C = c.heads * c.headDim;
    const T = (2 * c.window - 1) ** 2;
    const qkv = g.input('qkv', [c.H * c.W, 3 * C]);
    const bias = g.weight('qkv_bias', [3 * C], new Float32Array(3 * C).fill(0.01));
    const table = g.weight('table', [T, c.heads], new Float32Array(T * c.heads).fill(0.1));
    return windowAttentionOp(g, 'attn', qkv, bias, table, c);
  };
}

/** Times every case (median of `runs` warm runs after one warm-up) and reports GFLOP/s. */
export async function benchWindowAttention(gpu: Gpu, opts: { runs?: number; log?: (s: string) => void } = {}): Promise<WindowAttentionResult[]> {
  const results: WindowAttentionResult[] = [];
  for (const c of WINDOW_ATTENTION_CASES) {
    const t = await timeGraph(gpu, build(c), opts.runs ?? 10, 1);
    const gflops = windowAttentionFlops(c) / (t.medianMs * 1e6);
    results.push({ ...t, case: c.name, gflops });
    opts.log?.(`  ${c.name.padEnd(36)} ${t.medianMs.toFixed(1).padStart(9)} ms ${gflops.toFixed(2).padStart(7)} GFLOP/s`);
  }
  return results;
}
