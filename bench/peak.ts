/**
 * The adapter's measured peaks, the yardsticks for every other table: compute = our best
 * matmul (matmul-blocked on CPU adapters, the tiled kernel on GPUs) at 1024^3; memory = a
 * vec4 copy of 64 MiB (bytes read + written per second). Kernels report their rate as a
 * fraction of these, measured in the same run.
 */
import { LINEAR_WORKGROUP } from '../src/kernels/wgsl-helpers.js';
import type { Gpu } from '../src/runtime/device.js';
import { targetFor } from '../src/lowering/target.js';
import { defineKernel, grid1d } from '../src/runtime/kernel.js';
import { timeGraph, type Timing } from './harness.js';

const WG = 256;

const copyVec4 = defineKernel({
  name: 'bench-copy',
  bindings: [{ name: 'x', type: 'vec4<f32>' }, { name: 'out', output: true, type: 'vec4<f32>' }],
  uniforms: { n4: 'u32' },
  constants: {},
  wgsl: () => /* wgsl */ `
${LINEAR_WORKGROUP}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * ${WG}u + li;
  if (i < params.n4) { out[i] = x[i]; }
}
`,
  workgroups: (u) => grid1d(Math.ceil(u.n4 / WG)),
});

export interface Peaks {
  matmul: Timing & { case: string; kernel: string; gflops: number };
  copy: Timing & { case: string; gbps: number };
}

export async function measurePeaks(gpu: Gpu, opts: { runs?: number; log?: (s: string) => void } = {}): Promise<Peaks> {
  const runs = opts.runs ?? 10;
  const n = 1024;
  const target = targetFor(gpu.adapter);
  const kernel = target.name === 'uniform-windows' ? 'matmul-blocked' : 'matmul (tiled)';
  const mm = await timeGraph(gpu, (g) => {
    const a = g.input('a', [n, n]);
    const w = g.weight('w', [n, n], new Float32Array(n * n).fill(0.5));
    return target.linear(g, 'mm', a, w);
  }, runs, 1);
  const gflops = (2 * n * n * n) / (mm.medianMs * 1e6);
  opts.log?.(`peak: ${kernel} 1024^3 ${mm.medianMs.toFixed(1)} ms, ${gflops.toFixed(2)} GFLOP/s`);

  const floats = 16 * 2 ** 20; // 64 MiB
  const copy = await timeGraph(gpu, (g) => {
    const x = g.input('x', [floats]);
    const out = g.activation('copy', [floats]);
    g.call(copyVec4, 'copy', { args: { x, out }, uniforms: { n4: floats / 4 } });
    return out;
  }, runs, 1);
  const gbps = (2 * 4 * floats) / (copy.medianMs * 1e6);
  opts.log?.(`peak: copy 64 MiB ${copy.medianMs.toFixed(1)} ms, ${gbps.toFixed(2)} GB/s`);
  return { matmul: { ...mm, case: '1024^3', kernel, gflops }, copy: { ...copy, case: 'copy 64 MiB (vec4)', gbps } };
}
