/**
 * The pipeline cache: one pipeline per distinct final WGSL (whatever kernel name or constants
 * led to it), every pipeline of a graph started at once with progress counted over distinct
 * pipelines, and a shader that fails among many reported by name without an unhandled rejection.
 */
import { describe, expect, it } from 'vitest';
import { unaryOp } from '../../src/kernels/unary.js';
import { CompiledGraph, type CompileProgress } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { defineKernel } from '../../src/runtime/kernel.js';
import { PipelineCache } from '../../src/runtime/pipeline-cache.js';
import { tiledTarget } from '../../src/lowering/target.js';
import { testGpu } from '../helpers/gpu.js';

/** A kernel whose constant `unused` does not change its WGSL, and `scale` does. */
const scaled = defineKernel({
  name: 'scaled',
  bindings: [{ name: 'x' }, { name: 'out', output: true }],
  uniforms: { n: 'u32' },
  constants: { scale: 2, unused: 0 },
  wgsl: (c) => `
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u) {
  if (id.x < params.n) { out[id.x] = x[id.x] * ${c.scale.toFixed(1)}; }
}`,
  workgroups: (u) => [Math.ceil(u.n / 64)],
});

describe('pipeline cache', () => {
  it('creates one pipeline per distinct WGSL, not per kernel name or constants', async () => {
    const gpu = await testGpu();
    const cache = new PipelineCache(gpu.device);
    const renamed = { ...scaled, name: 'scaled-copy' };
    const [a, b, c, d] = await Promise.all([
      cache.get(scaled, { scale: 2, unused: 0 }),
      cache.get(scaled, { scale: 2, unused: 7 }),
      cache.get(renamed, { scale: 2, unused: 0 }),
      cache.get(scaled, { scale: 3, unused: 0 }),
    ]);
    expect(cache.size).toBe(2);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(d).not.toBe(a);
    expect(a.key).toBe('scaled(scale=2,unused=0)');
  });

  it('compiles a graph with every pipeline started at once and counts distinct pipelines', async () => {
    const gpu = await testGpu();
    const g = new Graph(tiledTarget());
    let t = g.input('x', [5, 7]);
    // 9 calls over 3 distinct kernels: tanh, relu, gelu three times each.
    for (let i = 0; i < 9; i++) t = unaryOp(g, `step${i}`, t, (['tanh', 'relu', 'gelu'] as const)[i % 3]);
    g.output('y', t);
    const reports: CompileProgress[] = [];
    const compiled = await CompiledGraph.compile(gpu, g, { onProgress: (p) => reports.push(p) });
    try {
      const pipelines = reports.filter((p) => p.phase === 'pipelines');
      expect(compiled.pipelines.size).toBe(3);
      expect(pipelines[0]).toMatchObject({ done: 0, total: 3 });
      expect(pipelines.at(-1)).toMatchObject({ done: 3, total: 3 });
      expect(pipelines.map((p) => p.done)).toEqual([...pipelines.map((p) => p.done)].sort((x, y) => x - y));
      const x = Float32Array.from({ length: 35 }, (_, i) => (i - 17) / 9);
      const y = (await compiled.run({ x })).outputs.y as Float32Array;
      expect(y.length).toBe(35);
      expect(Number.isFinite(y[0])).toBe(true);
    } finally {
      await compiled.destroy();
    }
  });

  it('names the failing kernel among many started at once, and leaves no unhandled rejection', async () => {
    const gpu = await testGpu();
    const g = new Graph(tiledTarget());
    const x = g.input('x', [4]);
    let t = x;
    for (let i = 0; i < 4; i++) t = unaryOp(g, `ok${i}`, t, i % 2 ? 'relu' : 'tanh');
    const out = g.activation('out', [4]);
    const broken = { name: 'broken', bindings: [{ name: 'x' }, { name: 'out', output: true }], uniforms: {}, constants: {}, wgsl: () => 'fn main( {', workgroups: () => [1] as [number] };
    g.call(broken, 'b', { args: { x: t, out }, uniforms: {} });
    g.output('out', out);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(CompiledGraph.compile(gpu, g)).rejects.toThrow('kernel broken() failed to compile');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
