/**
 * Elementwise activation: out[i] = act(x[i] * scale + shift). The affine part turns a 0/1
 * attention mask into BERT's additive bias, (1 - m) * -10000 = m * 10000 - 10000, exactly
 * (both are exact in float32 for m in {0, 1}).
 */
import { numel, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { applyActivation } from './reference.js';
import { activationFn, elementwiseMain, type Activation } from './wgsl-helpers.js';

const WG = 256;

export const unary = defineKernel({
  name: 'unary',
  bindings: [{ name: 'x' }, { name: 'out', output: true }],
  uniforms: { n: 'u32', scale: 'f32', shift: 'f32' },
  constants: { act: 'none' as Activation },
  wgsl: (c) => /* wgsl */ `
// x: [n] -> out: [n]
${activationFn(c.act)}
${elementwiseMain(WG, /* wgsl */ `
  if (i >= params.n) { return; }
  out[i] = activate(x[i] * params.scale + params.shift);
`)}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});

/** The affine part of act(x * scale + shift), named so the two numbers cannot be swapped silently. */
export interface ScaleShift {
  /** Default 1. */
  scale?: number;
  /** Default 0. */
  shift?: number;
}

export function unaryOp(g: Graph, name: string, x: Tensor, act: Activation, { scale = 1, shift = 0 }: ScaleShift = {}): Tensor {
  const out = g.activation(name, x.shape);
  g.call(unary, name, { args: { x, out }, uniforms: { n: numel(x.shape), scale, shift }, consts: { act } });
  return out;
}

export function unaryReference(x: ArrayLike<number>, act: Activation, { scale = 1, shift = 0 }: ScaleShift = {}): Float64Array {
  return Float64Array.from(x, (v) => applyActivation(act, Math.fround(Math.fround(v * scale) + shift)));
}
