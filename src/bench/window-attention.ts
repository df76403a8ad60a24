/**
 * Window-attention suite at the Swin-B shapes of the shared case table (src/kernels/
 * window-attention.ts), each case with both kernels: window-attention (K/V in workgroup
 * memory, the GPU kernel) and window-attention-blocked (K/V through uniform windows, CPU
 * adapters; its time includes the window-kv-blocks pass). Both are checked against the
 * float64 reference (the tests' tolerance) before they are timed. GFLOP/s counts the two
 * products per window and head, 4 N^2 D with N = window^2 (softmax, bias and mask not counted).
 */
import { WINDOW_ATTENTION_ATOL, WINDOW_ATTENTION_CASES, windowAttentionReference, windowAttentionTiledOp, type WindowAttentionArgs, type WindowAttentionCase } from '../kernels/window-attention.js';
import { windowAttentionBlockedOp } from '../kernels/window-attention-blocked.js';
import type { Graph, Tensor } from '../runtime/graph.js';
import { checkFailed, pickByPrefix, timeGraph, type BenchCheck, type BenchHost } from './harness.js';
import { randomArray } from './random.js';
import { rowOf, type BenchSuiteResult } from './schema.js';

type WindowAttentionOp = (g: Graph, name: string, args: WindowAttentionArgs) => Tensor;

/** The kernels compared, by kernel name; the model picks per adapter (the target's windowAttention, src/lowering/target.ts). */
export const WINDOW_ATTENTION_KERNELS: Record<string, WindowAttentionOp> = {
  'window-attention': windowAttentionTiledOp,
  'window-attention-blocked': windowAttentionBlockedOp,
};

/** Inputs as in the tests (qkv and bias in [-1, 1], table in [-2, 2]) and the whole output against the reference. */
function caseData(c: WindowAttentionCase) {
  const C = c.heads * c.headDim;
  const T = (2 * c.window - 1) ** 2;
  const qkv = randomArray(c.H * c.W * 3 * C, 1);
  const bias = randomArray(3 * C, 2);
  const table = randomArray(T * c.heads, 3, -2, 2);
  let expected: Float64Array | undefined;
  const check = (kernel: string): BenchCheck => ({
    inputs: { qkv },
    verify(out) {
      expected ??= windowAttentionReference(qkv, bias, table, c);
      for (let i = 0; i < expected.length; i++) {
        if (!(Math.abs(out[i] - expected[i]) <= WINDOW_ATTENTION_ATOL)) checkFailed(`window attention ${c.name}, ${kernel}`, `out[${Math.floor(i / C)}, ${i % C}]`, out[i], expected[i], WINDOW_ATTENTION_ATOL);
      }
    },
  });
  const build = (op: WindowAttentionOp) => (g: Graph) =>
    op(g, 'attn', { qkv: g.input('qkv', [c.H * c.W, 3 * C]), qkvBias: g.weight('qkv_bias', [3 * C], bias), table: g.weight('table', [T, c.heads], table), params: c });
  return { check, build };
}

export async function benchWindowAttention(host: BenchHost, opts: { variants?: string[]; cases?: string[] } = {}): Promise<BenchSuiteResult> {
  const rows = [];
  const kernels = pickByPrefix('window-attention kernel', Object.keys(WINDOW_ATTENTION_KERNELS).map((name) => ({ name })), opts.variants);
  for (const c of pickByPrefix('window-attention case', WINDOW_ATTENTION_CASES.model, opts.cases)) {
    const data = caseData(c);
    for (const { name: kernel } of kernels) {
      host.log(`window: ${c.name} ${kernel}: compiling, checking, timing`);
      const t = await timeGraph(host, data.build(WINDOW_ATTENTION_KERNELS[kernel]), data.check(kernel));
      host.log(`window: ${c.name} ${kernel} ${t.medianMs.toFixed(1)} ms, ${(t.flop / (t.medianMs * 1e6)).toFixed(2)} GFLOP/s`);
      rows.push(rowOf('window', c.name, kernel, t));
    }
  }
  return { suite: 'window', title: 'Window attention, Swin-B at 480 (window 12, head dim 32)', rows, notes: [] };
}
