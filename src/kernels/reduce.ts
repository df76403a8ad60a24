/**
 * Mean or max over one axis: x viewed as [outer, axis, inner] -> out [outer, inner].
 * One workgroup per output; threads stride over the axis and combine in a tree, which keeps
 * float32 rounding of a 14400-token mean near that of PyTorch's cascade sum.
 */
import { FianetError } from '../errors.js';
import { numel, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { LINEAR_WORKGROUP, LOWEST_F32, workgroupTreeReduce } from './wgsl-helpers.js';

const WG = 64;
export type ReduceOp = 'mean' | 'max';

export const reduce = defineKernel({
  name: 'reduce',
  bindings: [{ name: 'x' }, { name: 'out', output: true }],
  uniforms: { outer: 'u32', axis: 'u32', inner: 'u32' },
  constants: { op: 'mean' as ReduceOp },
  wgsl: (c) => {
    const combine = c.op === 'max' ? 'max(a, b)' : 'a + b';
    return /* wgsl */ `
// x: [outer, axis, inner] -> out: [outer, inner]
${LINEAR_WORKGROUP}
var<workgroup> partial: array<f32, ${WG}>;
fn combine(a: f32, b: f32) -> f32 { return ${combine}; }

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg);
  if (o >= params.outer * params.inner) { return; }
  let base = (o / params.inner) * params.axis * params.inner + o % params.inner;
  var acc = ${c.op === 'max' ? LOWEST_F32 : '0.0'};
  for (var i = li; i < params.axis; i += ${WG}u) { acc = combine(acc, x[base + i * params.inner]); }
${workgroupTreeReduce('acc', WG, { op: (a, b) => `combine(${a}, ${b})` })}
  if (li == 0u) { out[o] = acc${c.op === 'mean' ? ' / f32(params.axis)' : ''}; }
}
`;
  },
  workgroups: (u) => grid1d(u.outer * u.inner),
});

/** Reduces `axis` of x away (the output keeps the other dims). */
export function reduceOp(g: Graph, name: string, x: Tensor, axis: number, op: ReduceOp): Tensor {
  if (axis < 0 || axis >= x.shape.length) throw new FianetError('bad-graph', `${g.name(name)}: no axis ${axis} in a rank-${x.shape.length} tensor`);
  const outer = numel(x.shape.slice(0, axis));
  const inner = numel(x.shape.slice(axis + 1));
  const shape = x.shape.filter((_, i) => i !== axis);
  const out = g.activation(name, shape.length ? shape : [1]);
  g.call(reduce, name, { args: { x, out }, uniforms: { outer, axis: x.shape[axis], inner }, consts: { op } });
  return out;
}

export function reduceReference(x: ArrayLike<number>, outer: number, axis: number, inner: number, op: ReduceOp): Float64Array {
  const out = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      let acc = op === 'max' ? -Infinity : 0;
      for (let a = 0; a < axis; a++) {
        const v = x[(o * axis + a) * inner + j];
        acc = op === 'max' ? Math.max(acc, v) : acc + v;
      }
      out[o * inner + j] = op === 'mean' ? acc / axis : acc;
    }
  }
  return out;
}
