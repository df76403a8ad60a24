/**
 * Swin patch embedding (DESIGN section 3): a P x P convolution with stride P over an NCHW
 * image, zero-padded right/bottom to a multiple of P, written token-major:
 *   out[ty * W1 + tx, c] = bias[c] + sum_{ci, ky, kx} w[c, ci, ky, kx] * x[ci, ty*P + ky, tx*P + kx]
 * One thread per output value; the P*P*Cin = 48 inputs of a token are shared by its C threads
 * through the cache. patch-blocks gathers the same patches into matmul-blocked's A blocks
 * instead (CPU adapters: lowering/blocked-conv.ts). The LayerNorm that follows is layer-norm's.
 */
import { FianetError } from '../errors.js';
import { expectShape, weightDtypeOf, type Graph, type Tensor, type WeightDtype } from '../runtime/graph.js';
import { defineKernel, grid1d } from '../runtime/kernel.js';
import { blockedRowColFn } from './layouts.js';
import { LINEAR_WORKGROUP, weightAtFn, weightBindingType } from './wgsl-helpers.js';

const WG = 256;

export const patchEmbed = defineKernel({
  name: 'patch-embed',
  // wdt: how w is stored (f16: packed halves).
  bindings: (c) => [{ name: 'x' }, { name: 'w', type: weightBindingType(c.wdt) }, { name: 'bias' }, { name: 'out', output: true }],
  uniforms: { cin: 'u32', H: 'u32', W: 'u32', C: 'u32', W1: 'u32', n: 'u32' },
  constants: { patch: 4, wdt: 'f32' as WeightDtype },
  wgsl: (c) => /* wgsl */ `
// x: [cin, H, W], w: [C, cin, P, P], bias: [C] -> out: [ceil(H/P) * ceil(W/P), C]
${LINEAR_WORKGROUP}
${weightAtFn('w', c.wdt)}
const P = ${c.patch}u;

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (i >= params.n) { return; }
  let ch = i % params.C;
  let tok = i / params.C;
  let y0 = (tok / params.W1) * P;
  let x0 = (tok % params.W1) * P;
  var s = 0.0;
  for (var ci = 0u; ci < params.cin; ci++) {
    for (var ky = 0u; ky < P; ky++) {
      let y = y0 + ky;
      if (y >= params.H) { break; }
      for (var kx = 0u; kx < P; kx++) {
        let xx = x0 + kx;
        if (xx >= params.W) { break; }
        s += w_at(((ch * params.cin + ci) * P + ky) * P + kx) * x[(ci * params.H + y) * params.W + xx];
      }
    }
  }
  out[i] = s + bias[ch];
}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});

export const patchBlocks = defineKernel({
  name: 'patch-blocks',
  bindings: [{ name: 'x' }, { name: 'out', output: true }],
  uniforms: { cin: 'u32', H: 'u32', W: 'u32', W1: 'u32', tokens: 'u32', K: 'u32', KB: 'u32', n: 'u32' },
  constants: { patch: 4, KC: 64, MB: 256 },
  wgsl: (c) => /* wgsl */ `
// x: [cin, H, W] -> out: matmul-blocked A blocks [ceil(tokens/MB)][KB][MB][KC] of the patch matrix
// [tokens, cin * P * P] (feature k = (ci * P + ky) * P + kx), zero outside the image
${LINEAR_WORKGROUP}
${blockedRowColFn(c)}
const P = ${c.patch}u;

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (i >= params.n) { return; }
  let rc = blocked_rc(i, params.KB);
  let tok = rc.x;
  let k = rc.y;
  var v = 0.0;
  if (tok < params.tokens && k < params.K) {
    let ci = k / (P * P);
    let y = (tok / params.W1) * P + (k / P) % P;
    let xx = (tok % params.W1) * P + k % P;
    if (y < params.H && xx < params.W) { v = x[(ci * params.H + y) * params.W + xx]; }
  }
  out[i] = v;
}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n / WG)),
});

/** A patch embedding's operands: image [cin, H, W], conv weight [C, cin, P, P] and bias [C]. */
export interface PatchEmbedArgs {
  image: Tensor;
  weight: Tensor;
  bias: Tensor;
}

/** Tokens [H1 * W1, C] of a patch embedding and their grid. */
export interface PatchEmbedding {
  tokens: Tensor;
  H1: number;
  W1: number;
}

/** Checks a patch embedding of image [cin, H, W] by conv weight [C, cin, P, P] and bias [C]; returns its sizes. */
export function checkPatchEmbed(where: string, { image, weight: w, bias }: PatchEmbedArgs): { cin: number; H: number; W: number; C: number; P: number; H1: number; W1: number } {
  expectShape(where, 'image', image, [-1, -1, -1]);
  const [cin, H, W] = image.shape;
  const [C, , P] = w.shape;
  if (w.shape.length !== 4 || w.shape[3] !== P) throw new FianetError('bad-weights', `${where}: weight '${w.label}' is not a square convolution kernel`);
  expectShape(where, `weight '${w.label}'`, w, [C, cin, P, P]);
  expectShape(where, `bias '${bias.label}'`, bias, [C]);
  return { cin, H, W, C, P, H1: Math.ceil(H / P), W1: Math.ceil(W / P) };
}

/** Patch embedding of image [cin, H, W] with conv weight [C, cin, P, P] and bias [C] by the direct kernel: tokens [H1*W1, C]. */
export function patchEmbedOp(g: Graph, name: string, args: PatchEmbedArgs): PatchEmbedding {
  const { image, weight: w, bias } = args;
  const { cin, H, W, C, P, H1, W1 } = checkPatchEmbed(g.name(name), args);
  const M = H1 * W1;
  const tokens = g.activation(name, [M, C]);
  g.call(patchEmbed, name, { args: { x: image, w, bias, out: tokens }, uniforms: { cin, H, W, C, W1, n: M * C }, consts: { patch: P, wdt: weightDtypeOf(w) }, flops: 2 * M * C * cin * P * P });
  return { tokens, H1, W1 };
}

export function patchEmbedReference(x: ArrayLike<number>, cin: number, H: number, W: number, w: ArrayLike<number>, bias: ArrayLike<number>, C: number, P: number): Float64Array {
  const [H1, W1] = [Math.ceil(H / P), Math.ceil(W / P)];
  const out = new Float64Array(H1 * W1 * C);
  for (let ty = 0; ty < H1; ty++) {
    for (let tx = 0; tx < W1; tx++) {
      for (let c = 0; c < C; c++) {
        let s = bias[c];
        for (let ci = 0; ci < cin; ci++) {
          for (let ky = 0; ky < P; ky++) {
            for (let kx = 0; kx < P; kx++) {
              const [y, xx] = [ty * P + ky, tx * P + kx];
              if (y < H && xx < W) s += w[((c * cin + ci) * P + ky) * P + kx] * x[(ci * H + y) * W + xx];
            }
          }
        }
        out[(ty * W1 + tx) * C + c] = s;
      }
    }
  }
  return out;
}
