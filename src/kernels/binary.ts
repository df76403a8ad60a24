/**
 * Elementwise binary op with broadcasting of the second operand:
 *   out[i] = x[i] OP y[(i / y_div) % y_len]
 * which covers every NumPy broadcast where y's non-1 dims form one contiguous block of x's
 * dims (per-channel, per-row, per-token, scalar).
 */
import { FianetError } from '../errors.js';
import { fmtShape, numel, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { elementwiseMain } from './wgsl-helpers.js';

const WG = 256;
export type BinaryOp = 'add' | 'sub' | 'mul';
const EXPR: Record<BinaryOp, string> = { add: 'a + b', sub: 'a - b', mul: 'a * b' };

export const binary = defineKernel({
  name: 'binary',
  bindings: [{ name: 'x' }, { name: 'y' }, { name: 'out', output: true }],
  uniforms: { n: 'u32', y_div: 'u32', y_len: 'u32' },
  constants: { op: 'add' as BinaryOp },
  wgsl: (c) => /* wgsl */ `
// x: [n], y: broadcast -> out: [n]
${elementwiseMain(WG, /* wgsl */ `
  if (i >= params.n) { return; }
  let a = x[i];
  let b = y[(i / params.y_div) % params.y_len];
  out[i] = ${EXPR[c.op as BinaryOp]};
`)}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});

/** y_div and y_len for broadcasting `y` over `x`, or an error naming both shapes. */
export function broadcastParams(where: string, x: readonly number[], y: readonly number[]): { y_div: number; y_len: number } {
  const fail = (): never => {
    throw new FianetError('bad-graph', `${where}: cannot broadcast ${fmtShape(y)} over ${fmtShape(x)}`);
  };
  if (y.length > x.length) fail();
  const padded = [...new Array(x.length - y.length).fill(1), ...y];
  const live = padded.map((d, i) => (d !== 1 ? i : -1)).filter((i) => i >= 0);
  if (live.length === 0) return { y_div: 1, y_len: 1 };
  const [first, last] = [live[0], live[live.length - 1]];
  for (let i = first; i <= last; i++) if (padded[i] !== x[i]) fail();
  return { y_div: numel(x.slice(last + 1)), y_len: numel(padded.slice(first, last + 1)) };
}

export function binaryOp(g: Graph, name: string, x: Tensor, y: Tensor, op: BinaryOp): Tensor {
  const { y_div, y_len } = broadcastParams(g.name(name), x.shape, y.shape);
  const out = g.activation(name, x.shape);
  g.call(binary, name, { args: { x, y, out }, uniforms: { n: numel(x.shape), y_div, y_len }, consts: { op } });
  return out;
}

export function binaryReference(x: ArrayLike<number>, y: ArrayLike<number>, op: BinaryOp, y_div: number, y_len: number): Float64Array {
  return Float64Array.from(x, (a, i) => {
    const b = y[Math.floor(i / y_div) % y_len];
    return op === 'add' ? a + b : op === 'sub' ? a - b : a * b;
  });
}
