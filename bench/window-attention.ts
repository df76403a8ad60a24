/**
 * Window-attention benchmark at Swin-B shapes at 480 (window 12, head dim 32): stage 1
 * (120x120 tokens, C 128, 4 heads) and stage 3 (30x30, C 512, 16 heads), W-MSA and SW-MSA,
 * each with both kernels: window-attention (K/V in workgroup memory, the GPU kernel) and
 * window-attention-blocked (K/V through uniform windows, CPU adapters; its time includes the
 * window-kv-blocks pass). GFLOP/s counts the two matmuls per window and head, 2 * 2 * N^2 * D
 * with N = 144 tokens (softmax, bias and mask not counted).
 */
import type { Gpu } from '../src/runtime/device.js';
import { windowAttentionFlops, windowAttentionTiledOp, type WindowAttentionParams } from '../src/kernels/window-attention.js';
import { windowAttentionBlockedOp } from '../src/kernels/window-attention-blocked.js';
import type { Graph, Tensor } from '../src/runtime/graph.js';
import { timeGraph, type Timing } from './harness.js';

export interface WindowAttentionCase extends WindowAttentionParams {
  name: string;
  headDim: number;
}

export const WINDOW_ATTENTION_CASES: WindowAttentionCase[] = [
  { name: 'stage 1 W-MSA 120x120 C128 4h w12', H: 120, W: 120, heads: 4, headDim: 32, window: 12, shift: 0 },
  { name: 'stage 1 SW-MSA 120x120 C128 4h w12', H: 120, W: 120, heads: 4, headDim: 32, window: 12, shift: 6 },
  { name: 'stage 3 W-MSA 30x30 C512 16h w12', H: 30, W: 30, heads: 16, headDim: 32, window: 12, shift: 0 },
  { name: 'stage 3 SW-MSA 30x30 C512 16h w12', H: 30, W: 30, heads: 16, headDim: 32, window: 12, shift: 6 },
];

type WindowAttentionOp = (g: Graph, name: string, qkv: Tensor, qkvBias: Tensor, table: Tensor, p: WindowAttentionParams) => Tensor;

/** The kernels compared, by kernel name; the model picks per adapter (the target's windowAttention, src/lowering/target.ts). */
export const WINDOW_ATTENTION_KERNELS: Record<string, WindowAttentionOp> = {
  'window-attention': windowAttentionTiledOp,
  'window-attention-blocked': windowAttentionBlockedOp,
};

export interface WindowAttentionResult extends Timing {
  case: string;
  kernel: string;
  gflops: number;
}

function caseFlops(c: WindowAttentionCase): number {
  return windowAttentionFlops(Math.ceil(c.H / c.window) * Math.ceil(c.W / c.window) * c.heads, c.window, c.headDim);
}

function build(c: WindowAttentionCase, op: WindowAttentionOp) {
  return (g: Graph) => {
    const C = c.heads * c.headDim;
    const T = (2 * c.window - 1) ** 2;
    const qkv = g.input('qkv', [c.H * c.W, 3 * C]);
    const bias = g.weight('qkv_bias', [3 * C], new Float32Array(3 * C).fill(0.01));
    const table = g.weight('table', [T, c.heads], new Float32Array(T * c.heads).fill(0.1));
    return op(g, 'attn', qkv, bias, table, c);
  };
}

/** Times every case with each kernel (median of `runs` warm runs after one warm-up) and reports GFLOP/s. */
export async function benchWindowAttention(gpu: Gpu, opts: { runs?: number; log?: (s: string) => void } = {}): Promise<WindowAttentionResult[]> {
  const results: WindowAttentionResult[] = [];
  for (const c of WINDOW_ATTENTION_CASES) {
    for (const [kernel, op] of Object.entries(WINDOW_ATTENTION_KERNELS)) {
      const t = await timeGraph(gpu, build(c, op), opts.runs ?? 10, 1);
      const gflops = caseFlops(c) / (t.medianMs * 1e6);
      results.push({ ...t, case: c.name, kernel, gflops });
      opts.log?.(`  ${c.name.padEnd(36)} ${kernel.padEnd(26)} ${t.medianMs.toFixed(1).padStart(9)} ms ${gflops.toFixed(2).padStart(7)} GFLOP/s  cpu ${t.cpuMs.toFixed(0)} ms  compile ${t.compileMs.toFixed(0)} ms  first ${t.firstMs.toFixed(0)} ms`);
    }
  }
  return results;
}
