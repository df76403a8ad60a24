/**
 * Swin window attention (W-MSA and SW-MSA, DESIGN section 3) as one kernel that reads the
 * qkv projection in its natural token-major layout and writes the attended tokens back in
 * the same layout. What the reference does with tensor copies is index arithmetic here:
 *
 *   pad to a window multiple -> window w of the rolled, padded grid holds the token at
 *   roll by -shift              ((r + shift) % Hp, (c + shift) % Wp), or a padding position
 *   partition into windows      whose q, k, v equal the qkv bias (its LN output is zero:
 *   reverse both, crop          padded tokens take part as keys/values, as in the reference)
 *
 * Per window and head: q *= head_dim^-0.5; s = q k^T + relative-position bias (table
 * [(2w-1)^2, heads], the usual Swin index) + for shifted blocks -100 between tokens of
 * different regions of the padded grid ([0, Hp-w), [Hp-w, Hp-s), [Hp-s, Hp), same for W);
 * softmax; x V. The qkv and output projections stay `linear` matmuls: they are the bulk of
 * the FLOPs and the tiled matmul does them best. Fused here is everything between them,
 * which in the reference is six full passes over the activations (pad, roll, partition,
 * softmax, reverse partition, reverse roll) plus the materialised [windows, heads, N, N] scores.
 *
 * One workgroup per (window, head), one thread per window position (N = w^2 threads: 144 at
 * window 12). K and V of one head for the whole window (144 x 32 floats each) would need
 * 36 KB of workgroup memory, over the 32 KB the CPU adapters offer; so the workgroup holds K,
 * every thread computes and softmaxes its full row of scores in private memory (exactly the
 * reference's two-pass softmax, no online rescaling), then V replaces K in the same buffer.
 * Workgroup memory: N * head_dim * 4 bytes + the head's bias table column (20.5 KB at w 12).
 * This is the GPU kernel: on CPU adapters workgroup-memory loads in the key loops are slow,
 * and window-attention-blocked.ts reads K and V through uniform windows instead (the choice:
 * lowering/target.ts).
 */
import { FianetError } from '../errors.js';
import { expectShape, type Graph, type Tensor } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { LINEAR_WORKGROUP, LOWEST_F32, swinRegion, swinRegionFn } from './wgsl-helpers.js';

export const windowAttention = defineKernel({
  name: 'window-attention',
  bindings: [
    { name: 'qkv', type: 'vec4<f32>' },
    { name: 'qkv_bias', type: 'vec4<f32>' },
    { name: 'table' },
    { name: 'out', output: true, type: 'vec4<f32>' },
  ],
  uniforms: { H: 'u32', W: 'u32', C: 'u32', heads: 'u32', Hp: 'u32', Wp: 'u32', win_cols: 'u32', jobs: 'u32', scale: 'f32' },
  constants: { window: 12, headDim: 32, shift: 0 },
  wgsl: (c) => {
    const w = c.window as number;
    const shift = c.shift as number;
    const n = w * w;
    const d4 = (c.headDim as number) / 4;
    const span = 2 * w - 1;
    return /* wgsl */ `
// qkv: [H*W, 3C] (q | k | v, head h in columns h*D..h*D+D of each), qkv_bias: [3C],
// table: [(2w-1)^2, heads] -> out: [H*W, C]; vec4 views, C and D multiples of 4
${LINEAR_WORKGROUP}
${shift > 0 ? swinRegionFn(w, shift) : ''}
const N = ${n}u;
const D4 = ${d4}u;
var<workgroup> kv: array<vec4<f32>, ${n * d4}>; // [N][D4]: K, then V
var<workgroup> rel_bias: array<f32, ${span * span}>;

@compute @workgroup_size(${n})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) t: u32) {
  let job = linear_workgroup(wg, nwg);
  if (job >= params.jobs) { return; }
  let head = job % params.heads;
  let win = job / params.heads;
  let qi = t / ${w}u;
  let qj = t % ${w}u;
  // This thread's position on the rolled, padded grid, and the token it holds.
  let r = (win / params.win_cols) * ${w}u + qi;
  let c = (win % params.win_cols) * ${w}u + qj;
  let pr = (r + ${shift}u) % params.Hp;
  let pc = (c + ${shift}u) % params.Wp;
  let real = pr < params.H && pc < params.W;
  let tok = pr * params.W + pc;
  let c4 = params.C / 4u;
  let row = tok * 3u * c4;
  let q_off = head * D4;
  let k_off = c4 + head * D4;
  let v_off = 2u * c4 + head * D4;

  var q: array<vec4<f32>, ${d4}>;
  var v: array<vec4<f32>, ${d4}>;
  for (var e = 0u; e < D4; e++) {
    if (real) {
      q[e] = qkv[row + q_off + e] * params.scale;
      kv[t * D4 + e] = qkv[row + k_off + e];
      v[e] = qkv[row + v_off + e];
    } else {
      q[e] = qkv_bias[q_off + e] * params.scale;
      kv[t * D4 + e] = qkv_bias[k_off + e];
      v[e] = qkv_bias[v_off + e];
    }
  }
  for (var i = t; i < ${span * span}u; i += N) { rel_bias[i] = table[i * params.heads + head]; }
  workgroupBarrier();

  var p: array<f32, ${n}>;
  var m = ${LOWEST_F32};
  ${shift > 0 ? 'let q_region = region(r, params.Hp) * 3u + region(c, params.Wp);' : ''}
  for (var ki = 0u; ki < ${w}u; ki++) {
    // Relative-position index (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1), minus kj.
    let bias_row = (qi + ${w - 1}u - ki) * ${span}u + qj + ${w - 1}u;
    ${shift > 0 ? `let k_region_row = region(r - qi + ki, params.Hp) * 3u;` : ''}
    for (var kj = 0u; kj < ${w}u; kj++) {
      let j = ki * ${w}u + kj;
      var s = 0.0;
      for (var e = 0u; e < D4; e++) { s += dot(q[e], kv[j * D4 + e]); }
      s += rel_bias[bias_row - kj];
      ${shift > 0 ? `if (k_region_row + region(c - qj + kj, params.Wp) != q_region) { s += -100.0; }` : ''}
      p[j] = s;
      m = max(m, s);
    }
  }
  var sum = 0.0;
  for (var j = 0u; j < N; j++) {
    let e = exp(p[j] - m);
    p[j] = e;
    sum += e;
  }
  workgroupBarrier();
  for (var e = 0u; e < D4; e++) { kv[t * D4 + e] = v[e]; }
  workgroupBarrier();

  var acc: array<vec4<f32>, ${d4}>;
  for (var j = 0u; j < N; j++) {
    let pj = p[j];
    for (var e = 0u; e < D4; e++) { acc[e] += pj * kv[j * D4 + e]; }
  }
  if (real) {
    let inv = 1.0 / sum;
    for (var e = 0u; e < D4; e++) { out[tok * c4 + head * D4 + e] = acc[e] * inv; }
  }
}
`;
  },
  workgroups: (u) => grid1d(u.jobs),
});

export interface WindowAttentionParams {
  /** Token grid (unpadded). */
  H: number;
  W: number;
  heads: number;
  window: number;
  /** 0 (W-MSA) or window / 2 (SW-MSA). */
  shift: number;
}

/**
 * Window attention's operands by name: qkv [H*W, 3C] (the qkv Linear of the LN1 output,
 * unpadded tokens), its bias [3C] (the q, k, v of padding positions), the relative-position
 * bias table [(2w-1)^2, heads], and the window geometry.
 */
export interface WindowAttentionArgs {
  qkv: Tensor;
  qkvBias: Tensor;
  table: Tensor;
  params: WindowAttentionParams;
}

/**
 * Checks window attention's arguments (see windowAttentionTiledOp) and returns the model
 * width C, head dim D and the padded grid Hp x Wp.
 */
export function checkWindowAttention(where: string, { qkv, qkvBias, table, params }: WindowAttentionArgs): { C: number; D: number; Hp: number; Wp: number } {
  const { H, W, heads, window: w, shift } = params;
  expectShape(where, 'qkv', qkv, [H * W, -1]);
  const C = qkv.shape[1] / 3;
  const D = C / heads;
  if (!Number.isInteger(C) || !Number.isInteger(D) || D % 4 !== 0) {
    throw new FianetError('bad-graph', `${where}: qkv width ${qkv.shape[1]} is not 3 x ${heads} heads x a multiple of 4`);
  }
  expectShape(where, `qkv bias '${qkvBias.label}'`, qkvBias, [3 * C]);
  expectShape(where, `relative position bias table '${table.label}'`, table, [(2 * w - 1) ** 2, heads]);
  if (!(shift === 0 || (shift > 0 && shift < w))) throw new FianetError('bad-graph', `${where}: shift ${shift} must be 0 or in (0, ${w})`);
  return { C, D, Hp: Math.ceil(H / w) * w, Wp: Math.ceil(W / w) * w };
}

/**
 * Window attention for qkv [H*W, 3C] (the qkv Linear of the LN1 output, unpadded tokens),
 * its bias [3C] (the q, k, v of padding positions) and the relative-position bias table
 * [(2w-1)^2, heads]; returns the attended tokens [H*W, C] before the output projection.
 * A window's threads and workgroup memory must fit the target's limits.
 */
export function windowAttentionTiledOp(g: Graph, name: string, args: WindowAttentionArgs): Tensor {
  const where = g.name(name);
  const { qkv, qkvBias, table, params: { H, W, heads, window: w, shift } } = args;
  const { C, D, Hp, Wp } = checkWindowAttention(where, args);
  const bytes = (w * w * D + (2 * w - 1) ** 2) * 4;
  const { maxWorkgroupInvocations, maxWorkgroupBytes } = g.target.limits;
  if (w * w > maxWorkgroupInvocations || bytes > maxWorkgroupBytes) {
    throw new FianetError('bad-graph', `${where}: window ${w} with head dim ${D} needs ${w * w} threads and ${bytes} bytes of workgroup memory (at most ${maxWorkgroupInvocations} and ${maxWorkgroupBytes})`);
  }
  const winCols = Wp / w;
  const jobs = (Hp / w) * winCols * heads;
  const out = g.activation(name, [H * W, C]);
  g.call(windowAttention, name, { args: { qkv, qkv_bias: qkvBias, table, out }, uniforms: { H, W, C, heads, Hp, Wp, win_cols: winCols, jobs, scale: D ** -0.5 }, consts: { window: w, headDim: D, shift }, flops: windowAttentionFlops(jobs, w, D) });
  return out;
}

/** A shape of the shared case table: token grid, heads of `headDim`, window, shift. */
export interface WindowAttentionCase extends WindowAttentionParams {
  name: string;
  headDim: number;
}

const both = (H: number, W: number, heads: number, window: number, headDim: number, why = ''): WindowAttentionCase[] =>
  [0, Math.floor(window / 2)].map((shift) => ({ name: `${H}x${W}, ${heads} heads of ${headDim}, window ${window}, shift ${shift}${why ? ` (${why})` : ''}`, H, W, heads, window, shift, headDim }));
const swinB = (stage: number, size: number, heads: number, shift: number): WindowAttentionCase =>
  ({ name: `stage ${stage} ${shift ? 'SW' : 'W'}-MSA ${size}x${size} C${heads * 32} ${heads}h w12`, H: size, W: size, heads, window: 12, shift, headDim: 32 });

/**
 * The shapes the tests (test/kernels/window-attention.test.ts) and the benchmark
 * (src/bench/window-attention.ts) share: awkward grids (1, primes, not window multiples, both
 * block kinds), each with shift 0 and window / 2; and Swin-B at 480 (window 12, head dim 32).
 */
export const WINDOW_ATTENTION_CASES = {
  awkward: [
    ...both(1, 1, 1, 4, 4),
    ...both(3, 3, 4, 4, 16, 'tiny stage 3: padded to 4x4, shifted although the map is smaller than the window'),
    ...both(5, 7, 2, 4, 8),
    ...both(13, 11, 3, 8, 4),
    ...both(17, 29, 3, 7, 12),
    ...both(2, 9, 5, 3, 8, 'window 3: 9 queries, fewer than one workgroup'),
    ...both(1, 26, 2, 12, 32, 'one row of windows, the last mostly padding'),
    ...both(24, 24, 2, 12, 32, 'whole windows: shift masks only'),
    ...both(10, 10, 8, 8, 32, 'small stage 2: padded to 16x16'),
    ...both(5, 5, 8, 8, 32, 'small stage 3'),
    ...both(15, 15, 32, 12, 32, 'Swin-B at 480, last stage: 15 padded to 24'),
    ...both(30, 30, 16, 12, 32, 'Swin-B at 480, stage 3: 30 padded to 36'),
  ],
  model: [swinB(1, 120, 4, 0), swinB(1, 120, 4, 6), swinB(3, 30, 16, 0), swinB(3, 30, 16, 6)],
};

/**
 * Outputs are convex combinations of v (|v| <= 1 for inputs in [-1, 1], table in [-2, 2]);
 * float32 rounding of the scores moves them by ~1e-7: atol 2e-6 (measured on llvmpipe: at most
 * 8.1e-7 for window-attention and 7.8e-7 for window-attention-blocked's online softmax, at
 * 15x15 with 32 heads of 32 and 30x30 with 16 heads of 32).
 */
export const WINDOW_ATTENTION_ATOL = 2e-6;

/** FLOPs of the two products per window and head (q k^T and p v: 2 * 2 * N^2 * D, N = w^2), softmax not counted. */
export function windowAttentionFlops(windowHeads: number, window: number, headDim: number): number {
  return 4 * (window * window) ** 2 * headDim * windowHeads;
}

/**
 * Float64 reference written the reference's way, with explicit copies: padded grid (bias at
 * padding), torch.roll, window partition, the img_mask built from slices, attention, reverse.
 */
export function windowAttentionReference(qkv: ArrayLike<number>, qkvBias: ArrayLike<number>, table: ArrayLike<number>, p: WindowAttentionParams): Float64Array {
  const { H, W, heads, window: w, shift: s } = p;
  const C3 = qkvBias.length;
  const C = C3 / 3;
  const D = C / heads;
  const Hp = Math.ceil(H / w) * w;
  const Wp = Math.ceil(W / w) * w;
  const padded = new Float64Array(Hp * Wp * C3);
  for (let y = 0; y < Hp; y++) {
    for (let x = 0; x < Wp; x++) {
      for (let k = 0; k < C3; k++) padded[(y * Wp + x) * C3 + k] = y < H && x < W ? qkv[(y * W + x) * C3 + k] : qkvBias[k];
    }
  }
  // torch.roll(x, shifts=-s): rolled[y][x] = padded[(y + s) % Hp][(x + s) % Wp].
  const rolled = (y: number, x: number) => {
    const at = (((y + s) % Hp) * Wp + ((x + s) % Wp)) * C3;
    return padded.subarray(at, at + C3);
  };
  // img_mask labels from slice(0, -w), slice(-w, -s), slice(-s, None) per axis.
  const label = (v: number, size: number) => swinRegion(v, size, w, s);
  const outRolled = new Float64Array(Hp * Wp * C);
  const scale = D ** -0.5;
  for (let wy = 0; wy < Hp / w; wy++) {
    for (let wx = 0; wx < Wp / w; wx++) {
      const pos = Array.from({ length: w * w }, (_, i) => [wy * w + Math.floor(i / w), wx * w + (i % w)]);
      const tokens = pos.map(([y, x]) => rolled(y, x));
      for (let h = 0; h < heads; h++) {
        for (let i = 0; i < w * w; i++) {
          const scores = new Float64Array(w * w);
          for (let j = 0; j < w * w; j++) {
            let dot = 0;
            for (let e = 0; e < D; e++) dot += tokens[i][h * D + e] * scale * tokens[j][C + h * D + e];
            const [iy, ix] = [Math.floor(i / w), i % w];
            const [jy, jx] = [Math.floor(j / w), j % w];
            dot += table[((iy - jy + w - 1) * (2 * w - 1) + (ix - jx + w - 1)) * heads + h];
            if (s > 0) {
              const li = label(pos[i][0], Hp) * 3 + label(pos[i][1], Wp);
              const lj = label(pos[j][0], Hp) * 3 + label(pos[j][1], Wp);
              if (li !== lj) dot += -100;
            }
            scores[j] = dot;
          }
          const max = scores.reduce((a, b) => Math.max(a, b), -Infinity);
          const e = scores.map((v) => Math.exp(v - max));
          const sum = e.reduce((a, b) => a + b, 0);
          const [y, x] = pos[i];
          for (let k = 0; k < D; k++) {
            let acc = 0;
            for (let j = 0; j < w * w; j++) acc += (e[j] / sum) * tokens[j][2 * C + h * D + k];
            outRolled[(y * Wp + x) * C + h * D + k] = acc;
          }
        }
      }
    }
  }
  // Reverse roll (shifts=+s) and crop.
  const out = new Float64Array(H * W * C);
  for (let y = 0; y < Hp; y++) {
    for (let x = 0; x < Wp; x++) {
      const [oy, ox] = [(y + s) % Hp, (x + s) % Wp];
      if (oy < H && ox < W) for (let k = 0; k < C; k++) out[(oy * W + ox) * C + k] = outRolled[(y * Wp + x) * C + k];
    }
  }
  return out;
}
