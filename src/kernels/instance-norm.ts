/**
 * InstanceNorm1d over token-major features (DESIGN section 3, SILA): x is [rows = H*W, cols = C]
 * and every column (channel) is normalised over the rows, without affine parameters, biased
 * variance: out = (x - mean_c) * rsqrt(var_c + eps) [* mul] [+ residual].
 *
 * The optional epilogue serves the image-language attention's callers: `mul` is PWAM's
 * `vis * lang` product, `residual` TMEM's `x + SILA(...)`; both save a pass over [H*W, C].
 *
 * A workgroup owns COLS adjacent columns (one 64-byte line of a row) and LANES threads per
 * column stride over the rows; the lanes combine in a tree. Two passes (mean, then the centred
 * sum of squares) as in layer-norm: the reference accumulates in float64 (PyTorch's CPU
 * batch-norm statistics), so the centred second pass matters when a channel is nearly constant.
 */
import { expectShape, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel } from '../runtime/kernel.js';
import { blockedIndexFn } from './layouts.js';
import { workgroupTreeReduce } from './wgsl-helpers.js';

const COLS = 16;
const LANES = 16;

/** Sums `v` over the LANES threads of each column into `v`. */
const laneSum = (v: string): string => workgroupTreeReduce(v, LANES, { slot: 'slot', lane: 'lid.y', step: COLS, result: 'lid.x' });

export const instanceNorm = defineKernel({
  name: 'instance-norm',
  bindings: [{ name: 'x' }, { name: 'mul', optional: true }, { name: 'residual', optional: true }, { name: 'out', output: true }],
  // out_kc_log2: the A blocks' shape when blockedOut (layouts.ts blockedIndexFn), else 0.
  uniforms: { rows: 'u32', cols: 'u32', eps: 'f32', out_kc_log2: 'u32' },
  // blockedOut: out is stored as a product's A blocks (layouts.ts; KC divides cols), so no
  // block-rows pass lays it out (lowering/fuse-block-rows.ts).
  constants: { mul: false, residual: false, blockedOut: false },
  wgsl: (c) => /* wgsl */ `
// x: [rows, cols] (mul, residual: [rows, cols]) -> out: [rows, cols]${c.blockedOut ? ' in A blocks' : ''}, normalised per column
var<workgroup> partial: array<f32, ${COLS * LANES}>;
${c.blockedOut ? blockedIndexFn() : ''}
@compute @workgroup_size(${COLS}, ${LANES})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let col = wg.x * ${COLS}u + lid.x;
  let live = col < params.cols;
  let slot = lid.y * ${COLS}u + lid.x;
  let n = f32(params.rows);
  var s = 0.0;
  if (live) {
    for (var r = lid.y; r < params.rows; r += ${LANES}u) { s += x[r * params.cols + col]; }
  }
${laneSum('s')}
  let mean = s / n;
  var q = 0.0;
  if (live) {
    for (var r = lid.y; r < params.rows; r += ${LANES}u) { let d = x[r * params.cols + col] - mean; q += d * d; }
  }
${laneSum('q')}
  let rstd = inverseSqrt(q / n + params.eps);
  if (live) {
    for (var r = lid.y; r < params.rows; r += ${LANES}u) {
      let i = r * params.cols + col;
      var y = (x[i] - mean) * rstd;
      ${c.mul ? 'y = y * mul[i];' : ''}
      ${c.residual ? 'y = y + residual[i];' : ''}
      ${c.blockedOut ? 'out[blocked_index(r, col, blocked_k_count(params.cols))] = y;' : 'out[i] = y;'}
    }
  }
}
`,
  workgroups: (u) => [Math.ceil(u.cols / COLS)],
});

export interface InstanceNormOptions {
  /** Multiplies the normalised values elementwise (same shape as x). */
  mul?: Tensor;
  /** Added last (same shape as x). */
  residual?: Tensor;
}

/** InstanceNorm over the rows of x [rows, cols] per column, with the optional epilogue. */
export function instanceNormOp(g: Graph, name: string, x: Tensor, eps: number, opts: InstanceNormOptions = {}): Tensor {
  const where = g.name(name);
  expectShape(where, 'input', x, [-1, -1]);
  if (opts.mul) expectShape(where, 'multiplier', opts.mul, x.shape);
  if (opts.residual) expectShape(where, 'residual', opts.residual, x.shape);
  const [rows, cols] = x.shape;
  const out = g.activation(name, x.shape);
  g.call(instanceNorm, name, { args: { x, mul: opts.mul, residual: opts.residual, out }, uniforms: { rows, cols, eps, out_kc_log2: 0 }, consts: { mul: !!opts.mul, residual: !!opts.residual } });
  return out;
}

export function instanceNormReference(
  x: ArrayLike<number>, rows: number, cols: number, eps: number,
  opts: { mul?: ArrayLike<number>; residual?: ArrayLike<number> } = {},
): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += x[r * cols + c];
    mean /= rows;
    let v = 0;
    for (let r = 0; r < rows; r++) v += (x[r * cols + c] - mean) ** 2;
    const rstd = 1 / Math.sqrt(v / rows + eps);
    for (let r = 0; r < rows; r++) {
      const i = r * cols + c;
      let y = (x[i] - mean) * rstd;
      if (opts.mul) y *= opts.mul[i];
      if (opts.residual) y += opts.residual[i];
      out[i] = y;
    }
  }
  return out;
}
