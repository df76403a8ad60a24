/**
 * Embedding lookup: rows of a table selected by int32 ids, plus optional position and
 * token-type rows, in BERT's order of additions:
 *   out[r, c] = (table[id(r), c] + pos[r % n_ids, c]) + type_row[c],   id(r) = ids[r % n_ids]
 * `rows` may be a multiple of `n_ids`: the sequence is written `rows / n_ids` times (BERT's
 * three mask passes share one token sequence). Ids outside [0, vocab) are clamped so the
 * kernel never reads out of bounds; embeddingGatherOp also refuses them on the host before
 * upload (Graph.checkInput), so a clamped id never goes unnoticed.
 */
import { FianetError } from '../errors.js';
import { expectShape, fmtShape, numel, weightDtypeOf, type Graph, type Tensor, type WeightDtype } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { LINEAR_WORKGROUP, weightAtFn, weightBindingType } from './wgsl-helpers.js';

const WG = 256;

export const embeddingGather = defineKernel({
  name: 'embedding-gather',
  // wdt: how table is stored (f16: packed halves; pos and type_row stay f32).
  bindings: (c) => [{ name: 'ids', type: 'i32' }, { name: 'table', type: weightBindingType(c.wdt) }, { name: 'pos', optional: true }, { name: 'type_row', optional: true }, { name: 'out', output: true }],
  uniforms: { rows: 'u32', cols: 'u32', n_ids: 'u32', vocab: 'u32' },
  constants: { pos: false, type: false, wdt: 'f32' as WeightDtype },
  wgsl: (c) => /* wgsl */ `
// ids: [n_ids] i32, table: [vocab, cols], pos: [>= n_ids, cols], type_row: [cols] -> out: [rows, cols]
${LINEAR_WORKGROUP}
${weightAtFn('table', c.wdt)}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (i >= params.rows * params.cols) { return; }
  let r = i / params.cols;
  let col = i % params.cols;
  let t = r % params.n_ids;
  let id = u32(clamp(ids[t], 0, i32(params.vocab) - 1));
  var v = table_at(id * params.cols + col);
  ${c.pos ? 'v += pos[t * params.cols + col];' : ''}
  ${c.type ? 'v += type_row[col];' : ''}
  out[i] = v;
}
`,
  workgroups: (u) => grid1d(Math.ceil((u.rows * u.cols) / WG)),
});

export interface EmbeddingOptions {
  /** Position table [max_positions, cols]; token t gets row t. */
  pos?: Tensor;
  /** Added to every row (BERT: token_type_embeddings row 0; the whole table may be passed). */
  typeRow?: Tensor;
  /** Copies of the sequence to write (default 1): out is [copies * n_ids, cols]. */
  copies?: number;
}

/** Rows of `table` [vocab, cols] for `ids` (int32 [n]), with optional position and type rows. */
export function embeddingGatherOp(g: Graph, name: string, ids: Tensor, table: Tensor, opts: EmbeddingOptions = {}): Tensor {
  const where = g.name(name);
  if (ids.dtype !== 'i32' || ids.shape.length !== 1) throw new FianetError('bad-graph', `${where}: ids must be int32 [n], got ${ids.dtype} ${fmtShape(ids.shape)}`);
  if (table.shape.length !== 2) throw new FianetError('bad-weights', `${where}: table '${table.label}' is ${fmtShape(table.shape)}, expected [vocab, dim]`);
  const [vocab, cols] = table.shape;
  const n = ids.shape[0];
  if (opts.pos) {
    expectShape(where, `position table '${opts.pos.label}'`, opts.pos, [-1, cols]);
    if (opts.pos.shape[0] < n) throw new FianetError('bad-input', `${where}: ${n} tokens, but the position table has only ${opts.pos.shape[0]} positions`);
  }
  if (opts.typeRow && (opts.typeRow.shape[opts.typeRow.shape.length - 1] !== cols || numel(opts.typeRow.shape) < cols)) {
    throw new FianetError('bad-weights', `${where}: type row '${opts.typeRow.label}' is ${fmtShape(opts.typeRow.shape)}, expected [*, ${cols}]`);
  }
  if (ids.kind === 'input') {
    g.checkInput(ids, (data) => {
      for (let i = 0; i < data.length; i++) {
        if (!(data[i] >= 0 && data[i] < vocab)) {
          throw new FianetError('bad-input', `${where}: token id ${data[i]} at position ${i} is outside the vocabulary [0, ${vocab}) of '${table.label}'`);
        }
      }
    });
  }
  const copies = opts.copies ?? 1;
  const out = g.activation(name, [copies * n, cols]);
  g.call(embeddingGather, name, { args: { ids, table, pos: opts.pos, type_row: opts.typeRow, out }, uniforms: { rows: copies * n, cols, n_ids: n, vocab }, consts: { pos: !!opts.pos, type: !!opts.typeRow, wdt: weightDtypeOf(table) } });
  return out;
}

/** Plain-loop reference with the same clamping and float32 order of additions. */
export function embeddingGatherReference(
  ids: ArrayLike<number>, table: ArrayLike<number>, cols: number, opts: { pos?: ArrayLike<number>; typeRow?: ArrayLike<number>; copies?: number } = {},
): Float32Array {
  const n = ids.length;
  const vocab = table.length / cols;
  const out = new Float32Array((opts.copies ?? 1) * n * cols);
  for (let r = 0; r < out.length / cols; r++) {
    const t = r % n;
    const id = Math.min(Math.max(ids[t], 0), vocab - 1);
    for (let c = 0; c < cols; c++) {
      let v = table[id * cols + c];
      if (opts.pos) v = Math.fround(v + opts.pos[t * cols + c]);
      if (opts.typeRow) v = Math.fround(v + opts.typeRow[c]);
      out[r * cols + c] = v;
    }
  }
  return out;
}
