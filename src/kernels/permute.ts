/**
 * Permutes the axes of a tensor of rank <= 6: out[c] = x[sum_i c_i * in_stride[perm_i]].
 * Used sparingly: most layouts are read in place through strides by the consuming kernel.
 */
import { FianetError } from '../errors.js';
import { numel, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { elementwiseMain } from './wgsl-helpers.js';

const WG = 256;
const RANK = 6;
const dims = Array.from({ length: RANK }, (_, i) => i);

export const permute = defineKernel({
  name: 'permute',
  bindings: [{ name: 'x' }, { name: 'out', output: true }],
  // Output dims d0..d5 and, per output axis, the stride of the input axis it comes from.
  uniforms: Object.fromEntries([['n', 'u32'], ...dims.map((i) => [`d${i}`, 'u32']), ...dims.map((i) => [`s${i}`, 'u32'])]) as Record<string, 'u32'>,
  constants: {},
  wgsl: () => /* wgsl */ `
// x: any rank <= ${RANK} -> out: x with permuted axes
${elementwiseMain(WG, /* wgsl */ `
  if (o >= params.n) { return; }
  var rest = o;
  var src = 0u;
${dims
  .slice()
  .reverse()
  .map((i) => `  src += (rest % params.d${i}) * params.s${i}; rest /= params.d${i};`)
  .join('\n')}
  out[o] = x[src];
`, 'o')}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});

export function permuteOp(g: Graph, name: string, x: Tensor, perm: readonly number[]): Tensor {
  const r = x.shape.length;
  if (r > RANK || perm.length !== r || [...perm].sort().some((p, i) => p !== i)) {
    throw new FianetError('bad-graph', `${g.name(name)}: invalid permutation [${perm}] of a rank-${r} tensor`);
  }
  const inStrides = x.shape.map((_, i) => numel(x.shape.slice(i + 1)));
  const outShape = perm.map((p) => x.shape[p]);
  const u: Record<string, number> = { n: numel(x.shape) };
  // Pad on the left with size-1 axes so the shader always walks RANK axes.
  for (let i = 0; i < RANK; i++) {
    const j = i - (RANK - r);
    u[`d${i}`] = j >= 0 ? outShape[j] : 1;
    u[`s${i}`] = j >= 0 ? inStrides[perm[j]] : 0;
  }
  const out = g.activation(name, outShape);
  g.call(permute, name, { args: { x, out }, uniforms: u });
  return out;
}

export function permuteReference(x: ArrayLike<number>, shape: readonly number[], perm: readonly number[]): Float64Array {
  const inStrides = shape.map((_, i) => numel(shape.slice(i + 1)));
  const outShape = perm.map((p) => shape[p]);
  const out = new Float64Array(numel(shape));
  for (let o = 0; o < out.length; o++) {
    let rest = o;
    let src = 0;
    for (let i = outShape.length - 1; i >= 0; i--) {
      src += (rest % outShape[i]) * inStrides[perm[i]];
      rest = Math.floor(rest / outShape[i]);
    }
    out[o] = x[src];
  }
  return out;
}
