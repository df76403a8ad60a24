/**
 * TMEM input (DESIGN section 4): the four stage outputs adaptive-average-pooled to the last
 * stage's size and concatenated over channels, in one call. One call reading all four
 * sources (not four calls writing slices) because tensors are SSA: the concatenation has
 * exactly one writer, and no copy is made.
 *
 * The output is token-major [oh * ow, C0 + C1 + C2 + C3] so that the TMEM's 1x1 down
 * projection is a plain Linear on it (no transpose); the reference's tensor is its
 * channel-first transpose.
 *
 * PyTorch's adaptive pooling windows (aten/src/ATen/native/AdaptiveAvgPoolKernel.cpp):
 * rows [floor(i * In / Out), ceil((i + 1) * In / Out)), averaged as sum / kh / kw.
 */
import { FianetError } from '../errors.js';
import { fmtShape, numel, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { LINEAR_WORKGROUP } from './wgsl-helpers.js';

const WG = 256;
const SOURCES = [0, 1, 2, 3];

const poolFn = (i: number) => /* wgsl */ `
fn pool${i}(c: u32, oy: u32, ox: u32) -> f32 {
  let h = params.h${i};
  let w = params.w${i};
  let y0 = (oy * h) / params.oh;
  let y1 = ((oy + 1u) * h + params.oh - 1u) / params.oh;
  let x0 = (ox * w) / params.ow;
  let x1 = ((ox + 1u) * w + params.ow - 1u) / params.ow;
  var sum = 0.0;
  for (var y = y0; y < y1; y++) {
    let row = (c * h + y) * w;
    for (var x = x0; x < x1; x++) { sum += s${i}[row + x]; }
  }
  return sum / f32(y1 - y0) / f32(x1 - x0);
}`;

export const adaptivePoolConcat = defineKernel({
  name: 'adaptive-pool-concat',
  bindings: [{ name: 's0' }, { name: 's1' }, { name: 's2' }, { name: 's3' }, { name: 'out', output: true }],
  uniforms: {
    c0: 'u32', c1: 'u32', c2: 'u32', c3: 'u32',
    h0: 'u32', w0: 'u32', h1: 'u32', w1: 'u32', h2: 'u32', w2: 'u32', h3: 'u32', w3: 'u32',
    oh: 'u32', ow: 'u32',
  },
  constants: {},
  wgsl: () => /* wgsl */ `
// s_i: [c_i, h_i, w_i] -> out: [oh * ow, c0 + c1 + c2 + c3]
${LINEAR_WORKGROUP}
${SOURCES.map(poolFn).join('\n')}

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg) * ${WG}u + li;
  let total = params.c0 + params.c1 + params.c2 + params.c3;
  if (o >= params.oh * params.ow * total) { return; }
  var c = o % total;
  let p = o / total;
  let oy = p / params.ow;
  let ox = p % params.ow;
  if (c < params.c0) { out[o] = pool0(c, oy, ox); return; }
  c -= params.c0;
  if (c < params.c1) { out[o] = pool1(c, oy, ox); return; }
  c -= params.c1;
  if (c < params.c2) { out[o] = pool2(c, oy, ox); return; }
  out[o] = pool3(c - params.c2, oy, ox);
}
`,
  workgroups: (u) => grid1d(Math.ceil((u.oh * u.ow * (u.c0 + u.c1 + u.c2 + u.c3)) / WG)),
});

export interface PoolSource {
  /** [C, H, W] or [C, H*W] channel-first (leading 1s allowed). */
  tensor: Tensor;
  channels: number;
  size: readonly [number, number];
}

/** Pools four channel-first maps to `size` and concatenates them: [size[0] * size[1], sum C]. */
export function adaptivePoolConcatOp(g: Graph, name: string, sources: readonly PoolSource[], size: readonly [number, number]): Tensor {
  const where = g.name(name);
  if (sources.length !== 4) throw new FianetError('bad-graph', `${where}: needs 4 stage outputs, got ${sources.length}`);
  sources.forEach((s, i) => {
    const [h, w] = s.size;
    if (numel(s.tensor.shape) !== s.channels * h * w) {
      throw new FianetError('bad-graph', `${where}: stage ${i} output is ${fmtShape(s.tensor.shape)}, expected [${s.channels}, ${h}, ${w}]`);
    }
    if (h < size[0] || w < size[1]) throw new FianetError('bad-graph', `${where}: stage ${i} (${h} x ${w}) is smaller than the pooled size ${size[0]} x ${size[1]}`);
  });
  const [s0, s1, s2, s3] = sources;
  const u = {
    c0: s0.channels, h0: s0.size[0], w0: s0.size[1], c1: s1.channels, h1: s1.size[0], w1: s1.size[1],
    c2: s2.channels, h2: s2.size[0], w2: s2.size[1], c3: s3.channels, h3: s3.size[0], w3: s3.size[1], oh: size[0], ow: size[1],
  };
  const total = sources.reduce((a, s) => a + s.channels, 0);
  const out = g.activation(name, [size[0] * size[1], total]);
  g.call(adaptivePoolConcat, name, { args: { s0: s0.tensor, s1: s1.tensor, s2: s2.tensor, s3: s3.tensor, out }, uniforms: u });
  return out;
}

/** Float64 reference; `sources[i]` is [C_i, H_i, W_i] channel-first. Output as the kernel's. */
export function adaptivePoolConcatReference(sources: ReadonlyArray<{ data: ArrayLike<number>; channels: number; size: readonly [number, number] }>, size: readonly [number, number]): Float64Array {
  const [oh, ow] = size;
  const total = sources.reduce((a, s) => a + s.channels, 0);
  const out = new Float64Array(oh * ow * total);
  let offset = 0;
  for (const s of sources) {
    const [h, w] = s.size;
    for (let c = 0; c < s.channels; c++) {
      for (let oy = 0; oy < oh; oy++) {
        const [y0, y1] = [Math.floor((oy * h) / oh), Math.ceil(((oy + 1) * h) / oh)];
        for (let ox = 0; ox < ow; ox++) {
          const [x0, x1] = [Math.floor((ox * w) / ow), Math.ceil(((ox + 1) * w) / ow)];
          let sum = 0;
          for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += s.data[(c * h + y) * w + x];
          out[(oy * ow + ox) * total + offset + c] = sum / ((y1 - y0) * (x1 - x0));
        }
      }
    }
    offset += s.channels;
  }
  return out;
}
