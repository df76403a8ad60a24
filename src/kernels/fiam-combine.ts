/**
 * The residual update that ends a FIAM stage (DESIGN section 3), in one pass:
 *   out[t, c] = x[t, c] + (ctx_gate[t, c] * ctx[t, c] + (go_gate[t, c] * go[t, c]) * a[t]) * g[c]
 * where ctx_gate / go_gate are the tanh gates' outputs (tanh(W2 ReLU(W1 z)), multiplied by z
 * here), a the spatial map [H*W] and g the channel modulation [C]. The products are taken in
 * the reference's order (gate * z, then * a, sum, * g, + x). Replaces five elementwise passes.
 */
import { expectShape, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { elementwiseMain } from './wgsl-helpers.js';

const WG = 256;

export const fiamCombine = defineKernel({
  name: 'fiam-combine',
  bindings: [{ name: 'x' }, { name: 'ctx_gate' }, { name: 'ctx' }, { name: 'go_gate' }, { name: 'go' }, { name: 'attn' }, { name: 'modulation' }, { name: 'out', output: true }],
  uniforms: { n: 'u32', C: 'u32' },
  constants: {},
  wgsl: () => /* wgsl */ `
// x, ctx_gate, ctx, go_gate, go: [T, C], attn: [T], modulation: [C] -> out: [T, C]
${elementwiseMain(WG, /* wgsl */ `
  if (i >= params.n) { return; }
  let ctx_part = ctx_gate[i] * ctx[i];
  let go_part = (go_gate[i] * go[i]) * attn[i / params.C];
  out[i] = x[i] + (ctx_part + go_part) * modulation[i % params.C];
`)}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});

export interface FiamParts {
  x: Tensor;
  ctxGate: Tensor;
  ctx: Tensor;
  goGate: Tensor;
  go: Tensor;
  /** Spatial map [T]. */
  attn: Tensor;
  /** Channel modulation [C]. */
  modulation: Tensor;
}

export function fiamCombineOp(g: Graph, name: string, p: FiamParts): Tensor {
  const where = g.name(name);
  expectShape(where, 'stream', p.x, [-1, -1]);
  const [T, C] = p.x.shape;
  for (const [what, t] of [['context gate', p.ctxGate], ['context', p.ctx], ['object gate', p.goGate], ['object', p.go]] as const) expectShape(where, what, t, [T, C]);
  expectShape(where, 'spatial map', p.attn, [T]);
  expectShape(where, 'channel modulation', p.modulation, [C]);
  const out = g.activation(name, [T, C]);
  g.call(fiamCombine, name, { args: { x: p.x, ctx_gate: p.ctxGate, ctx: p.ctx, go_gate: p.goGate, go: p.go, attn: p.attn, modulation: p.modulation, out }, uniforms: { n: T * C, C } });
  return out;
}

export function fiamCombineReference(
  p: { x: ArrayLike<number>; ctxGate: ArrayLike<number>; ctx: ArrayLike<number>; goGate: ArrayLike<number>; go: ArrayLike<number>; attn: ArrayLike<number>; modulation: ArrayLike<number> },
  C: number,
): Float64Array {
  return Float64Array.from(p.x, (x, i) => x + (p.ctxGate[i] * p.ctx[i] + p.goGate[i] * p.go[i] * p.attn[Math.floor(i / C)]) * p.modulation[i % C]);
}
