/**
 * LayerNorm over the last dimension: out = (x - mean) * rsqrt(var + eps) * gamma + beta,
 * biased variance, two passes over the row. `transposeOut` writes [cols, rows] instead,
 * turning Swin's token-major [H*W, C] into the NCHW stage output. layer-norm holds a row in
 * one workgroup (a tree reduction: GPUs); layer-norm-rows gives each thread a row read as
 * vec4s (CPU adapters, lowering/target.ts): llvmpipe pays per workgroup and per barrier, and Swin's 14400 rows
 * of 128 then normalise in ~70 ms instead of ~530 (measured; SwiftShader is about even).
 */
import { FianetError } from '../errors.js';
import { expectShape, fmtShape, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { blockedIndexFn } from './layouts.js';
import { LINEAR_WORKGROUP, workgroupTreeReduce } from './wgsl-helpers.js';

const WG = 64;

export const layerNorm = defineKernel({
  name: 'layer-norm',
  bindings: [{ name: 'x' }, { name: 'gamma' }, { name: 'beta' }, { name: 'out', output: true }],
  uniforms: { rows: 'u32', cols: 'u32', eps: 'f32', row0: 'u32' },
  constants: { transposeOut: false },
  wgsl: (c) => /* wgsl */ `
// x: [row0 + rows, cols] (rows row0.. are read) -> out: [rows, cols] (or [cols, rows] with transposeOut)
${LINEAR_WORKGROUP}
var<workgroup> partial: array<f32, ${WG}>;

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg);
  if (row >= params.rows) { return; }
  let base = (params.row0 + row) * params.cols;
  var s = 0.0;
  for (var i = li; i < params.cols; i += ${WG}u) { s += x[base + i]; }
${workgroupTreeReduce('s', WG)}
  let mean = s / f32(params.cols);
  var q = 0.0;
  for (var i = li; i < params.cols; i += ${WG}u) { let d = x[base + i] - mean; q += d * d; }
${workgroupTreeReduce('q', WG)}
  let rstd = inverseSqrt(q / f32(params.cols) + params.eps);
  for (var i = li; i < params.cols; i += ${WG}u) {
    let y = (x[base + i] - mean) * rstd * gamma[i] + beta[i];
    ${c.transposeOut ? 'out[i * params.rows + row] = y;' : 'out[row * params.cols + i] = y;'}
  }
}
`,
  workgroups: (u) => grid1d(u.rows),
});

export const layerNormRows = defineKernel({
  name: 'layer-norm-rows',
  // A transposed output is written a float at a time (a column of [cols, rows] per thread).
  bindings: (c) => [{ name: 'x', type: 'vec4<f32>' }, { name: 'gamma', type: 'vec4<f32>' }, { name: 'beta', type: 'vec4<f32>' }, { name: 'out', output: true, type: c.transposeOut ? 'f32' : 'vec4<f32>' }],
  // out_kc_log2: the A blocks' shape when blockedOut (layouts.ts blockedIndexFn), else 0.
  uniforms: { rows: 'u32', c4: 'u32', eps: 'f32', row0: 'u32', out_kc_log2: 'u32' },
  // blockedOut: out holds the rows in matmul-blocked's A blocks (layouts.ts), written here
  // instead of by a block-rows pass (lowering/fuse-block-rows.ts).
  constants: { transposeOut: false, blockedOut: false },
  wgsl: (c) => /* wgsl */ `
// x: [row0 + rows, 4 * c4] (rows row0.. are read) -> out: ${c.blockedOut ? '[rows, 4 * c4] in A blocks' : '[rows, 4 * c4] (or [4 * c4, rows] with transposeOut)'}; a row per thread
${LINEAR_WORKGROUP}
${c.transposeOut ? `fn store(i: u32, row: u32, y: vec4<f32>) {
  for (var j = 0u; j < 4u; j++) { out[(4u * i + j) * params.rows + row] = y[j]; }
}` : ''}${c.blockedOut ? blockedIndexFn() : ''}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (row >= params.rows) { return; }
  let base = (params.row0 + row) * params.c4;
  let n = f32(4u * params.c4);
  var s = vec4<f32>();
  for (var i = 0u; i < params.c4; i++) { s += x[base + i]; }
  let mean = (s.x + s.y + s.z + s.w) / n;
  var q = vec4<f32>();
  for (var i = 0u; i < params.c4; i++) { let d = x[base + i] - mean; q += d * d; }
  let rstd = inverseSqrt((q.x + q.y + q.z + q.w) / n + params.eps);
${c.blockedOut ? `  let kb_count = blocked_k_count(4u * params.c4);
` : ''}  for (var i = 0u; i < params.c4; i++) {
    let y = (x[base + i] - mean) * rstd * gamma[i] + beta[i];
    ${c.transposeOut ? 'store(i, row, y);' : c.blockedOut ? 'out[blocked_index(row, 4u * i, kb_count) / 4u] = y;' : 'out[row * params.c4 + i] = y;'}
  }
${c.blockedOut ? `  // The last block's columns past the row are zeros, as block-rows writes them (W's are zero too, but 0 * NaN is not 0).
  for (var i = params.c4; i < (kb_count << params.out_kc_log2) / 4u; i++) { out[blocked_index(row, 4u * i, kb_count) / 4u] = vec4<f32>(); }
` : ''}}
`,
  workgroups: (u) => grid1d(Math.ceil(u.rows / WG)),
});

export interface LayerNormArgs {
  gamma: Tensor;
  beta: Tensor;
  eps: number;
  /** Write [cols, rows] (Swin's NCHW stage output). */
  transposeOut?: boolean;
  /**
   * [first, count]: normalise only those rows of x (flattened to [rows, cols]) into an output
   * of `count` rows: how BERT's batch of three mask passes is split into the separate L, T, P
   * tensors without a copy.
   */
  rowRange?: readonly [number, number];
}

/** Checks a LayerNorm over the last dim of x; returns the rows and columns it normalises and its output. */
function layerNormOutput(g: Graph, name: string, x: Tensor, a: LayerNormArgs): { rows: number; cols: number; row0: number; out: Tensor } {
  const cols = x.shape[x.shape.length - 1];
  const allRows = x.shape.slice(0, -1).reduce((p, d) => p * d, 1);
  const [row0, rows] = a.rowRange ?? [0, allRows];
  if (!(Number.isInteger(row0) && Number.isInteger(rows) && row0 >= 0 && rows >= 1 && row0 + rows <= allRows)) {
    throw new FianetError('bad-graph', `${g.name(name)}: rows [${row0}, ${row0 + rows}) are not inside the ${allRows} rows of ${fmtShape(x.shape)}`);
  }
  expectShape(g.name(name), `weight '${a.gamma.label}'`, a.gamma, [cols]);
  expectShape(g.name(name), `bias '${a.beta.label}'`, a.beta, [cols]);
  const out = g.activation(name, a.transposeOut ? [cols, rows] : a.rowRange ? [rows, cols] : x.shape);
  return { rows, cols, row0, out };
}

/** LayerNorm over the last dim of x, a row per workgroup. */
export function layerNormOp(g: Graph, name: string, x: Tensor, a: LayerNormArgs): Tensor {
  const { rows, cols, row0, out } = layerNormOutput(g, name, x, a);
  g.call(layerNorm, name, { args: { x, gamma: a.gamma, beta: a.beta, out }, uniforms: { rows, cols, eps: a.eps, row0 }, consts: { transposeOut: !!a.transposeOut } });
  return out;
}

/** LayerNorm over the last dim of x (a multiple of 4), a row per thread. */
export function layerNormRowsOp(g: Graph, name: string, x: Tensor, a: LayerNormArgs): Tensor {
  const { rows, cols, row0, out } = layerNormOutput(g, name, x, a);
  if (cols % 4 !== 0) throw new FianetError('bad-graph', `${g.name(name)}: layer-norm-rows reads rows of vec4s, ${cols} columns are not a multiple of 4`);
  g.call(layerNormRows, name, { args: { x, gamma: a.gamma, beta: a.beta, out }, uniforms: { rows, c4: cols / 4, eps: a.eps, row0, out_kc_log2: 0 }, consts: { transposeOut: !!a.transposeOut } });
  return out;
}

export function layerNormReference(x: ArrayLike<number>, gamma: ArrayLike<number>, beta: ArrayLike<number>, rows: number, cols: number, eps: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    let mean = 0;
    for (let i = 0; i < cols; i++) mean += x[r * cols + i];
    mean /= cols;
    let v = 0;
    for (let i = 0; i < cols; i++) v += (x[r * cols + i] - mean) ** 2;
    const rstd = 1 / Math.sqrt(v / cols + eps);
    for (let i = 0; i < cols; i++) out[r * cols + i] = (x[r * cols + i] - mean) * rstd * gamma[i] + beta[i];
  }
  return out;
}
