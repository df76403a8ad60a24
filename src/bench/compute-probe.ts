/**
 * The compute ceiling: what the adapter's FMA units give a kernel whose loop is nothing but
 * FMAs fed from a uniform buffer (bench/RESULTS.md, "Why CPU adapters need their own matmul":
 * uniform loads are the cheap path on llvmpipe). Each iteration loads one vec4 from a 64 KiB
 * uniform window (address uniform across lanes, as matmul-blocked reads its operands) and does
 * 16 vec4 FMAs on 4 independent accumulators, so no kernel of ours can beat it by doing
 * arithmetic more cleverly; it is the roof of the roofline.
 */
import { defineKernel } from '../runtime/kernel.js';

/** vec4 FMAs per iteration: 16 x 4 lanes x 2 FLOP. */
export const PROBE_FLOP_PER_ITERATION = 16 * 4 * 2;
export const PROBE_WINDOW_VEC4 = 4096;
const WG = 64;

export const computeProbe = defineKernel({
  name: 'bench-compute-probe',
  bindings: [{ name: 'win', uniform: PROBE_WINDOW_VEC4 }, { name: 'out', output: true, type: 'vec4<f32>' }],
  uniforms: { iters: 'u32', threads: 'u32', c: 'f32' },
  constants: {},
  wgsl: () => /* wgsl */ `
// win: [${PROBE_WINDOW_VEC4}] vec4 (uniform) -> out: [threads] vec4, out[t] = the 4 accumulators summed
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let t = gid.x;
  let c = vec4<f32>(params.c);
  let seed = f32(t % 64u) * 0.01;
  var a0 = vec4<f32>(seed, 0.1, 0.2, 0.3);
  var a1 = vec4<f32>(0.4, seed, 0.5, 0.6);
  var a2 = vec4<f32>(0.7, 0.8, seed, 0.9);
  var a3 = vec4<f32>(1.0, 1.1, 1.2, seed);
  for (var i = 0u; i < params.iters; i++) {
    let u = win[i & ${PROBE_WINDOW_VEC4 - 1}u];
    a0 = fma(a0, u, c); a1 = fma(a1, u, c); a2 = fma(a2, u, c); a3 = fma(a3, u, c);
    a0 = fma(a0, u, c); a1 = fma(a1, u, c); a2 = fma(a2, u, c); a3 = fma(a3, u, c);
    a0 = fma(a0, u, c); a1 = fma(a1, u, c); a2 = fma(a2, u, c); a3 = fma(a3, u, c);
    a0 = fma(a0, u, c); a1 = fma(a1, u, c); a2 = fma(a2, u, c); a3 = fma(a3, u, c);
  }
  if (t < params.threads) { out[t] = a0 + a1 + a2 + a3; }
}
`,
  workgroups: (u) => [Math.ceil(u.threads / WG)],
});

/** Float64 reference of one thread's output (the 4 accumulators summed). */
export function computeProbeReference(win: ArrayLike<number>, iters: number, c: number, t: number): number[] {
  const seed = (t % 64) * 0.01;
  const acc = [[seed, 0.1, 0.2, 0.3], [0.4, seed, 0.5, 0.6], [0.7, 0.8, seed, 0.9], [1.0, 1.1, 1.2, seed]];
  for (let i = 0; i < iters; i++) {
    const at = (i & (PROBE_WINDOW_VEC4 - 1)) * 4;
    for (let r = 0; r < 4; r++) for (const a of acc) for (let l = 0; l < 4; l++) a[l] = a[l] * win[at + l] + c;
  }
  return [0, 1, 2, 3].map((l) => acc.reduce((s, a) => s + a[l], 0));
}
