/**
 * The uniform-window lowering's last step, on a graph's live calls before memory is planned
 * (Target.fuse, run by CompiledGraph.compile). Every blocked product's A operand is laid out
 * in matmul-blocked's blocks by a block-rows pass (blocked-matmul.ts): a memory-bound copy
 * that pays llvmpipe's per-lane storage path once per element (base480: 364 calls,
 * bench/RESULTS.md). Here, knowing every reader of every tensor:
 *  - identical block-rows calls become one (BERT's query, key and value read one input);
 *  - a block-rows whose input has no other reader, written by a kernel that can store A blocks
 *    itself (layer-norm-rows; matmul-blocked with a plain row-major output and no residual;
 *    window-attention-blocked; instance-norm; patch-merge-norm), goes: that writer stores the
 *    blocks (its blockedOut constant and out_kc_log2 uniform, so one pipeline serves every
 *    block shape; matmul-blocked takes out_kc_log2 alone, so the same pipeline serves both
 *    outputs; layouts.ts).
 * Every value is bit for bit the unfused graph's: the same arithmetic, stored elsewhere. Rows
 * past M in the last row block stay unwritten (matmul-blocked computes them, never stores them);
 * the columns past K in the last k-block must be zeros (W's are, but 0 * NaN is not 0), so
 * layer-norm-rows writes them, and the other writers are used only when KC divides their width.
 * A matmul-blocked writer reads uniform windows while it stores blocks read the same way: the
 * memory plan then puts the two in different arenas (runtime/memory-plan.ts).
 */
import { blockRows } from '../kernels/block-rows.js';
import { instanceNorm } from '../kernels/instance-norm.js';
import { blockedWrittenSize, outKcLog2, UNIFORM_WINDOW_FLOATS } from '../kernels/layouts.js';
import { layerNormRows } from '../kernels/layer-norm.js';
import { matmulBlocked } from '../kernels/matmul-blocked.js';
import { patchMergeNorm } from '../kernels/patch-merge-norm.js';
import { windowAttentionBlocked } from '../kernels/window-attention-blocked.js';
import { numel, type Call, type Tensor } from '../runtime/graph.js';
import { bindingsOf, constantsKey } from '../runtime/kernel.js';

/** A row-major X [M, K] laid out in blocks of MB x KC. */
interface BlockedRows {
  M: number;
  K: number;
  KC: number;
  MB: number;
}

const arg = (c: Call, name: string): Tensor | undefined => c.args[c.bindings.findIndex((b) => b.name === name)];

/** The matrix a block-rows call lays out when it is one whole row-major tensor (not a view, a batch of several or W^T). */
function wholeRows(c: Call): BlockedRows | undefined {
  const { M, K, KC, MB, n, off, ldm, ldk } = c.uniforms;
  const whole = !c.consts.rowsInner && off === 0 && ldm === K && ldk === 1 && numel(arg(c, 'x')!.shape) === M * K;
  // n: the blocks of one matrix (a product of one head has a batch stride, unused).
  return whole && n === blockedWrittenSize(M, K, { MB, KC }) ? { M, K, KC, MB } : undefined;
}

/** `c` storing its output X [M, K] as `out` in blocks instead; undefined when it cannot. */
function storingBlocks(c: Call, out: Tensor, l: BlockedRows): Call | undefined {
  const u = c.uniforms;
  if (c.consts.blockedOut || u.out_kc_log2 || l.MB * l.KC !== UNIFORM_WINDOW_FLOATS) return undefined;
  // Only layer-norm-rows writes the zero columns of a partial last k-block.
  if (c.kernel !== layerNormRows && l.K % l.KC !== 0) return undefined;
  if (c.kernel === layerNormRows) {
    if (c.consts.transposeOut || u.rows !== l.M || 4 * u.c4 !== l.K) return undefined;
  } else if (c.kernel === matmulBlocked) {
    const plain = (c.dispatches ?? [c]).every((d) => d.uniforms.o_off === 0 && d.uniforms.out_t === 0 && d.uniforms.pitch === 0 && d.uniforms.ldo === d.uniforms.N);
    if (!plain || c.consts.GP || c.consts.residual || u.M !== l.M || u.N !== l.K) return undefined;
  } else if (c.kernel === windowAttentionBlocked) {
    if (u.H * u.W !== l.M || u.C !== l.K) return undefined;
  } else if (c.kernel === instanceNorm) {
    if (u.rows !== l.M || u.cols !== l.K) return undefined;
  } else if (c.kernel === patchMergeNorm) {
    if (u.tokens !== l.M || 4 * u.C !== l.K) return undefined;
  } else return undefined;
  // matmul-blocked takes the blocked output from out_kc_log2 alone (one pipeline either way).
  const consts = c.kernel === matmulBlocked ? c.consts : { ...c.consts, blockedOut: true };
  const blocks = <U>(u: U): U => ({ ...u, out_kc_log2: outKcLog2(l) });
  const dispatches = c.dispatches?.map((d) => ({ ...d, uniforms: blocks(d.uniforms) }));
  return {
    ...c, consts, bindings: bindingsOf(c.kernel, consts), uniforms: blocks(c.uniforms), ...(dispatches ? { dispatches } : {}),
    args: c.args.map((t, j) => (c.bindings[j].output ? out : t)),
  };
}

/** `calls` (in order) with block-rows fused into its producers where it can be; `outputs` are read after the last call. */
export function fuseBlockRows(calls: readonly Call[], outputs: readonly Tensor[]): Call[] {
  const isOutput = new Set(outputs.map((t) => t.id));
  // Identical block-rows calls: the first one's blocks serve every later reader (tensors are
  // written once, so equal inputs and uniforms mean equal blocks).
  const first = new Map<string, Tensor>();
  const replaced = new Map<number, Tensor>();
  const deduped: Call[] = [];
  for (const c of calls) {
    const args = c.args.map((t) => t && (replaced.get(t.id) ?? t));
    const call = args.some((t, j) => t !== c.args[j]) ? { ...c, args } : c;
    if (call.kernel === blockRows) {
      const [x, out] = [arg(call, 'x')!, arg(call, 'out')!];
      const key = `${x.id} ${constantsKey(call.kernel, call.consts)} ${JSON.stringify(call.uniforms)}`;
      const kept = first.get(key);
      if (kept && !isOutput.has(out.id)) {
        replaced.set(out.id, kept);
        continue;
      }
      first.set(key, out);
    }
    deduped.push(call);
  }

  const readers = new Map<number, number>();
  const writer = new Map<number, number>();
  deduped.forEach((c, i) => c.args.forEach((t, j) => t && (c.bindings[j].output ? writer.set(t.id, i) : readers.set(t.id, (readers.get(t.id) ?? 0) + 1))));
  const fused = new Set<number>();
  deduped.forEach((c, i) => {
    const x = arg(c, 'x');
    const layout = c.kernel === blockRows ? wholeRows(c) : undefined;
    const w = x && writer.get(x.id);
    if (!layout || w === undefined || readers.get(x!.id) !== 1 || isOutput.has(x!.id)) return;
    const storing = storingBlocks(deduped[w], arg(c, 'out')!, layout);
    if (!storing) return;
    deduped[w] = storing;
    fused.add(i);
  });
  return deduped.filter((_, i) => !fused.has(i));
}
