/**
 * Row softmax with an optional additive bias: out[r] = softmax(x[r] + bias[(r / b_div) % b_rows]).
 * The bias is added before the max is taken, in the order the reference does it, which
 * matters for BERT's all-zero masks (every score shifted by -10000 is quantised in float32).
 * Wide rows get a workgroup each (a tree reduction); narrow rows (image-language attention's
 * 22 words over 14400 pixels) a thread each: a workgroup and four barriers per 22 values
 * cost ~10x more on the CPU adapters than the values themselves.
 */
import { FianetError } from '../errors.js';
import { fmtShape, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { LINEAR_WORKGROUP, LOWEST_F32, workgroupTreeReduce } from './wgsl-helpers.js';

const WG = 64;

/** x + bias at column i of a row (the bias added before the max, as the reference does). */
const valueFn = (bias: boolean): string => /* wgsl */ `fn value(base: u32, bbase: u32, i: u32) -> f32 {
  return x[base + i]${bias ? ' + bias[bbase + i]' : ''};
}`;

/** Rows at most this wide run one per thread. */
const NARROW = 64;

export const softmaxNarrow = defineKernel({
  name: 'softmax-narrow',
  bindings: [{ name: 'x' }, { name: 'bias', optional: true }, { name: 'out', output: true }],
  uniforms: { rows: 'u32', cols: 'u32', b_div: 'u32', b_rows: 'u32' },
  constants: { bias: false },
  wgsl: (c) => /* wgsl */ `
// x: [rows, cols], bias: [b_rows, cols] -> out: [rows, cols]; one row per thread
${LINEAR_WORKGROUP}

${valueFn(c.bias as boolean)}

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (row >= params.rows) { return; }
  let base = row * params.cols;
  let bbase = ((row / params.b_div) % params.b_rows) * params.cols;
  var m = ${LOWEST_F32};
  for (var i = 0u; i < params.cols; i++) { m = max(m, value(base, bbase, i)); }
  var sum = 0.0;
  for (var i = 0u; i < params.cols; i++) { sum += exp(value(base, bbase, i) - m); }
  let inv = 1.0 / sum;
  for (var i = 0u; i < params.cols; i++) { out[base + i] = exp(value(base, bbase, i) - m) * inv; }
}
`,
  workgroups: (u) => grid1d(Math.ceil(u.rows / WG)),
});

export const softmax = defineKernel({
  name: 'softmax',
  bindings: [{ name: 'x' }, { name: 'bias', optional: true }, { name: 'out', output: true }],
  uniforms: { rows: 'u32', cols: 'u32', b_div: 'u32', b_rows: 'u32' },
  constants: { bias: false },
  wgsl: (c) => /* wgsl */ `
// x: [rows, cols], bias: [b_rows, cols] -> out: [rows, cols]
${LINEAR_WORKGROUP}
var<workgroup> partial: array<f32, ${WG}>;

${valueFn(c.bias as boolean)}

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg);
  if (row >= params.rows) { return; }
  let base = row * params.cols;
  let bbase = ((row / params.b_div) % params.b_rows) * params.cols;
  var m = ${LOWEST_F32};
  for (var i = li; i < params.cols; i += ${WG}u) { m = max(m, value(base, bbase, i)); }
${workgroupTreeReduce('m', WG, { op: 'max' })}
  var sum = 0.0;
  for (var i = li; i < params.cols; i += ${WG}u) { sum += exp(value(base, bbase, i) - m); }
${workgroupTreeReduce('sum', WG)}
  let inv = 1.0 / sum;
  for (var i = li; i < params.cols; i += ${WG}u) { out[base + i] = exp(value(base, bbase, i) - m) * inv; }
}
`,
  workgroups: (u) => grid1d(u.rows),
});

/** Softmax over the last dim of x; `bias` [b_rows, cols] applies to consecutive groups of b_div rows. */
export function softmaxOp(g: Graph, name: string, x: Tensor, bias?: { tensor: Tensor; rowsPerBiasRow: number }): Tensor {
  const cols = x.shape[x.shape.length - 1];
  const rows = x.shape.slice(0, -1).reduce((a, b) => a * b, 1);
  let b_rows = 1;
  if (bias) {
    const bs = bias.tensor.shape;
    b_rows = bs.slice(0, -1).reduce((a, b) => a * b, 1);
    if (bs[bs.length - 1] !== cols) throw new FianetError('bad-graph', `${g.name(name)}: bias ${fmtShape(bs)} does not match scores ${fmtShape(x.shape)}`);
  }
  const out = g.activation(name, x.shape);
  g.call(cols <= NARROW ? softmaxNarrow : softmax, name, { args: { x, bias: bias?.tensor, out }, uniforms: { rows, cols, b_div: bias?.rowsPerBiasRow ?? 1, b_rows }, consts: { bias: !!bias } });
  return out;
}

export function softmaxReference(x: ArrayLike<number>, rows: number, cols: number, bias?: { data: ArrayLike<number>; b_div: number; b_rows: number }): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const br = bias ? (Math.floor(r / bias.b_div) % bias.b_rows) * cols : 0;
    // The bias is added in float32, as on the GPU (it quantises scores shifted by -10000).
    const v = Array.from({ length: cols }, (_, i) => Math.fround(x[r * cols + i] + (bias ? bias.data[br + i] : 0)));
    const m = Math.max(...v);
    const e = v.map((t) => Math.exp(t - m));
    const s = e.reduce((a, b) => a + b, 0);
    e.forEach((t, i) => (out[r * cols + i] = t / s));
  }
  return out;
}
