/**
 * Throwaway probe for issue #18 (points 2-3): the compute ceiling of a CPU adapter as
 * bench/RESULTS.md defines it (a loop of 16 vec4 FMAs with one uniform-buffer vec4 load per
 * iteration, on enough workgroups to keep every llvmpipe thread busy), the cost of one
 * dispatch, and matmul-blocked's rate at 1024^3 and the model's real shapes, side by side in
 * one process. Not part of `fianet bench`: run it with
 *   npx esbuild bench/ceiling-probe.ts --bundle --platform=node --format=esm --packages=external --outfile=/tmp/probe.mjs && node /tmp/probe.mjs [llvmpipe|swiftshader] [case-prefix ...]
 */
import { nodeGpu, parseAdapterKind } from '../src/node/gpu-node.js';
import { blockedLinear } from '../src/lowering/blocked-matmul.js';
import { defineKernel } from '../src/runtime/kernel.js';
import type { Graph } from '../src/runtime/graph.js';
import { timeGraph } from './harness.js';

const WG = 64;
const ITERS = 16384;

const ceiling = defineKernel({
  name: 'probe-ceiling',
  bindings: [{ name: 'u', uniform: 4096 }, { name: 'out', output: true }],
  uniforms: { iters: 'u32' },
  // load false: the same FMAs without the load (the FMA units alone).
  constants: { load: true },
  wgsl: (c) => /* wgsl */ `
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) gid: vec3u) {
${[...Array(16).keys()].map((j) => `  var acc${j} = vec4<f32>(${j}.0);`).join('\n')}
  for (var i = 0u; i < params.iters; i++) {
    let v = ${c.load ? 'u[i & 4095u]' : 'vec4<f32>(f32(i) * 1e-6, 0.5, 0.25, 0.125)'};
${[...Array(16).keys()].map((j) => `    acc${j} = fma(acc${j}, v, v);`).join('\n')}
  }
  out[gid.x] = dot(${[...Array(16).keys()].map((j) => `acc${j}`).join(' + ')}, vec4<f32>(1.0));
}
`,
  workgroups: () => [64, 1, 1],
});

const empty = defineKernel({
  name: 'probe-dispatch',
  bindings: [{ name: 'out', output: true }],
  uniforms: { i: 'u32' },
  constants: {},
  wgsl: () => /* wgsl */ `
@compute @workgroup_size(${WG})
fn main(@builtin(local_invocation_index) li: u32) {
  if (li == 0u) { out[params.i] = f32(params.i); }
}
`,
  workgroups: () => [1, 1, 1],
});

/** [name, M, N, K]: 1024^3 and the model's linears (base480: Swin stage 0 has 120 x 120 = 14400 tokens; BERT 3 x 22 = 66 rows). */
const CASES: [string, number, number, number][] = [
  ['1024^3', 1024, 1024, 1024],
  ['swin-s0 qkv 14400x128->384', 14400, 384, 128],
  ['swin-s0 fc1 14400x128->512', 14400, 512, 128],
  ['swin-s0 fc2 14400x512->128', 14400, 128, 512],
  ['swin-s2 qkv 900x512->1536', 900, 1536, 512],
  ['swin-s2 fc2 900x2048->512', 900, 512, 2048],
  ['bert 66x768->768', 66, 768, 768],
  ['bert 66x768->3072', 66, 3072, 768],
  ['bert 66x3072->768', 66, 768, 3072],
  // The decoder's implicit GEMM (conv2_2: 512 -> 512 channels, 3x3 taps: K = 4608) on 1/8 of its 14400 pixels.
  ['decoder gemm 1800x4608->512', 1800, 512, 4608],
];

function fill(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) out[i] = ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 31) - 1;
  return out;
}

const cpuNote = (t: { medianMs: number; cpuMs: number }) => `${t.medianMs.toFixed(1).padStart(8)} ms wall ${t.cpuMs.toFixed(0).padStart(6)} ms CPU`;

async function main(): Promise<void> {
  const [kind = 'llvmpipe', ...only] = process.argv.slice(2);
  const gpu = await nodeGpu(parseAdapterKind(kind));
  const log = (s: string) => console.log(s);
  log(`adapter ${gpu.adapter.kind} (${gpu.adapter.description}); LP_NUM_THREADS=${process.env.LP_NUM_THREADS ?? '(default)'}; loadavg ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const runs = Number(process.env.PROBE_RUNS ?? 5);
  if (!only.length || only.includes('ceiling')) {
    for (const load of [true, false]) {
      const t = await timeGraph(gpu, (g: Graph) => {
        const u = g.weight('u', [16384], fill(16384, 3).map((x) => x * 1e-3));
        const out = g.activation('out', [64 * WG]);
        g.call(ceiling, 'ceiling', { args: { u, out }, uniforms: { iters: ITERS }, consts: { load } });
        return out;
      }, runs, 1);
      const flop = 64 * WG * ITERS * 16 * 4 * 2;
      const ns = (t.cpuMs * 1e6) / ((64 * WG * ITERS) / 8);
      log(`ceiling: 16 vec4 FMA ${load ? '+ 1 uniform vec4 load' : '(no load)'} per iteration, ${64 * WG} invocations x ${ITERS}: ${cpuNote(t)} ${(flop / t.medianMs / 1e6).toFixed(2)} GFLOP/s wall, ${(flop / t.cpuMs / 1e6).toFixed(2)} GFLOP/s per CPU-second (${ns.toFixed(1)} ns CPU per 8-lane iteration)`);
    }
    const n = 2000;
    const d = await timeGraph(gpu, (g: Graph) => {
      const out = g.activation('out', [n]);
      g.call(empty, 'dispatch', { args: { out }, uniforms: { i: 0 }, dispatches: [...Array(n).keys()].map((i) => ({ uniforms: { i }, windows: {} })) });
      return out;
    }, runs, 1);
    log(`dispatch: ${n} one-workgroup dispatches ${cpuNote(d)} -> ${(d.medianMs * 1000 / n).toFixed(1)} us wall, ${(d.cpuMs * 1000 / n).toFixed(1)} us CPU each`);
  }
  for (const [name, M, N, K] of CASES) {
    if (only.length && !only.some((p) => name.startsWith(p))) continue;
    const [w, bias] = [fill(N * K, 2), fill(N, 5)];
    const t = await timeGraph(gpu, (g: Graph) => blockedLinear(g, 'mm', g.input('a', [M, K]), g.weight('w', [N, K], w), g.weight('b', [N], bias)), runs, 1);
    const flop = 2 * M * N * K;
    log(`matmul-blocked ${name.padEnd(30)} ${cpuNote(t)} ${(flop / t.medianMs / 1e6).toFixed(2).padStart(6)} GFLOP/s  compile ${t.compileMs.toFixed(0)} ms`);
  }
  gpu.destroy();
}

await main();
