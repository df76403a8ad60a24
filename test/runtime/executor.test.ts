/**
 * Graph executor and memory planner: buffer reuse from lifetimes, dead-work removal,
 * build-time shape errors, clear errors for bad inputs, repeated runs without leaks,
 * storage bindings written one window per dispatch.
 */
import { describe, expect, it } from 'vitest';
import { binaryOp } from '../../src/kernels/binary.js';
import { tiledLinear as linear } from '../../src/kernels/matmul.js';
import { unaryOp } from '../../src/kernels/unary.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph, type Dispatch } from '../../src/runtime/graph.js';
import { defineKernel } from '../../src/runtime/kernel.js';
import { planMemory } from '../../src/runtime/memory-plan.js';
import { tiledTarget } from '../../src/lowering/target.js';
import { testGpu } from '../helpers/gpu.js';

/** A chain x -> relu -> gelu -> ... of `n` steps over [rows, cols]. */
function chain(n: number, rows = 64, cols = 64): Graph {
  const g = new Graph(tiledTarget());
  let t = g.input('x', [rows, cols]);
  for (let i = 0; i < n; i++) t = unaryOp(g, `step${i}`, t, i % 2 ? 'relu' : 'tanh');
  g.output('y', t);
  return g;
}

describe('memory plan', () => {
  it('reuses dead buffers: a chain needs two live tensors, not one per step', () => {
    const g = chain(10);
    const y = g.outputs.get('y')!;
    const plan = planMemory(g.calls, [...g.inputs.values()], [y]);
    const one = 64 * 64 * 4;
    expect(plan.naiveBytes).toBe(11 * one);
    expect(plan.peakLiveBytes).toBe(2 * one);
    expect(plan.arenaBytes).toBe(2 * one);
    expect(plan.largestCallBytes).toBe(2 * one);
  });

  it('reports the largest single call: a call reading one tensor twice counts it once', () => {
    const g = new Graph(tiledTarget());
    const x = g.input('x', [10, 10]);
    const wide = unaryOp(g, 'wide', g.input('big', [30, 10]), 'relu');
    const sq = binaryOp(g, 'square', x, x, 'mul');
    g.output('sq', sq);
    g.output('wide', wide);
    const plan = planMemory(g.calls, [...g.inputs.values()], [sq, wide]);
    expect(plan.largestCallBytes).toBe(2 * 300 * 4);
    expect(plan.peakLiveBytes).toBe(2 * 300 * 4 + 100 * 4);
  });

  it('never overlaps tensors whose lifetimes overlap', () => {
    const g = new Graph(tiledTarget());
    const x = g.input('x', [100, 37]);
    const a = unaryOp(g, 'a', x, 'relu');
    const b = unaryOp(g, 'b', x, 'tanh');
    const c = binaryOp(g, 'c', a, b, 'add');
    const d = unaryOp(g, 'd', c, 'sigmoid');
    const e = binaryOp(g, 'e', d, a, 'mul');
    g.output('e', e);
    const plan = planMemory(g.calls, [x], [e]);
    const ps = [...plan.placements.values()];
    for (const p of ps) {
      expect(p.offset % 256).toBe(0);
      for (const q of ps) {
        if (p === q) continue;
        const live = p.first <= q.last && q.first <= p.last;
        const overlap = p.offset < q.offset + q.bytes && q.offset < p.offset + p.bytes;
        expect(live && overlap, `${p.tensor.label} and ${q.tensor.label}`).toBe(false);
      }
    }
  });
});

describe('executor', () => {
  it('drops calls that no requested output needs and says so', async () => {
    const gpu = await testGpu();
    const g = new Graph(tiledTarget());
    const x = g.input('x', [4, 8]);
    const kept = unaryOp(g, 'kept', x, 'relu');
    const dead = unaryOp(g, 'dead', x, 'tanh');
    g.output('kept', kept);
    g.output('dead', dead);
    const compiled = await CompiledGraph.compile(gpu, g, { outputs: ['kept'] });
    expect(compiled.calls.map((c) => c.label)).toEqual(['kept']);
    expect(compiled.describe()).toContain('1 kept (1 dispatches), 1 removed as dead work');
    expect(compiled.describe()).toContain('removed: dead');
    const { outputs } = await compiled.run({ x: Float32Array.from({ length: 32 }, (_, i) => i - 16) });
    expect([...outputs.kept].slice(14, 18)).toEqual([0, 0, 0, 1]);
    await expect(compiled.run({ x: new Float32Array(32) }, ['dead'])).rejects.toThrow("output 'dead' was not compiled into this graph");
    compiled.destroy();
  });

  it('profiles phases by first label segment or by a given grouping', async () => {
    const gpu = await testGpu();
    const g = new Graph(tiledTarget());
    let t = g.input('x', [8, 8]);
    for (const name of ['a.one', 'a.two', 'b.one', 'a.three']) t = unaryOp(g, name, t, 'relu');
    g.output('y', t);
    const compiled = await CompiledGraph.compile(gpu, g);
    const x = new Float32Array(64);
    const byFirst = await compiled.run({ x }, undefined, { profile: true });
    expect(Object.keys(byFirst.phases!)).toEqual(['a', 'b']);
    const byLabel = await compiled.run({ x }, undefined, { profile: (c) => c.label });
    expect(Object.keys(byLabel.phases!)).toEqual(['a.one', 'a.two', 'b.one', 'a.three']);
    for (const ms of Object.values(byLabel.phases!)) expect(ms).toBeGreaterThanOrEqual(0);
    compiled.destroy();
  });

  it('records the FLOPs of matmuls on their calls (2 M N K)', () => {
    const g = new Graph(tiledTarget());
    linear(g, 'fc', { x: g.input('x', [5, 7]), w: g.weight('w', [3, 7], new Float32Array(21)) });
    expect(g.calls.map((c) => c.flops)).toEqual([2 * 5 * 3 * 7]);
  });

  it('runs many times with fresh inputs and gives the same answers', async () => {
    const gpu = await testGpu();
    const compiled = await CompiledGraph.compile(gpu, chain(6, 3, 5));
    for (let r = 0; r < 5; r++) {
      const x = Float32Array.from({ length: 15 }, (_, i) => (i - 7) * (r + 1));
      const { outputs } = await compiled.run({ x });
      let ref = [...x];
      for (let i = 0; i < 6; i++) ref = ref.map((v) => (i % 2 ? Math.max(v, 0) : Math.tanh(v)));
      ref.forEach((v, i) => expect(outputs.y[i]).toBeCloseTo(v, 6));
    }
    compiled.destroy();
  });

  it('rejects missing and wrongly sized inputs with their names', async () => {
    const gpu = await testGpu();
    const compiled = await CompiledGraph.compile(gpu, chain(1, 2, 3));
    await expect(compiled.run({})).rejects.toThrow("missing graph input 'x' [2, 3]");
    await expect(compiled.run({ x: new Float32Array(5) })).rejects.toThrow("graph input 'x': 5 values, expected [2, 3] = 6");
    compiled.destroy();
  });

  it('checks shapes when the graph is built, naming the module and tensor', () => {
    const g = new Graph(tiledTarget());
    const x = g.input('x', [10, 512]);
    g.scope('swin', () =>
      g.scope('s2', () => {
        expect(() => linear(g, 'qkv', { x, w: g.weight('backbone.qkv.weight', [1536, 511], new Float32Array(1536 * 511)) })).toThrow(
          "swin.s2.qkv: weight 'backbone.qkv.weight' is [1536, 511], expected [*, 512] for input [10, 512]",
        );
      }),
    );
  });

  // Writes start + i into a 256-byte storage window of `out` per dispatch (the last one shorter).
  const windowed = defineKernel({
    name: 'windowed',
    bindings: [{ name: 'out', output: true, window: 256 }],
    uniforms: { start: 'u32', n: 'u32' },
    constants: {},
    wgsl: () => `@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u) {
  if (id.x < params.n) { out[id.x] = f32(params.start + id.x); }
}`,
    workgroups: () => [1],
  });
  const windowGraph = (offsets: number[]) => {
    const g = new Graph(tiledTarget());
    const out = g.activation('out', [100]);
    const dispatches: Dispatch[] = offsets.map((o) => ({ uniforms: { start: o / 4, n: Math.min(64, 100 - o / 4) }, windows: { out: o } }));
    g.call(windowed, 'w', { args: { out }, uniforms: dispatches[0].uniforms, dispatches });
    g.output('out', out);
    return g;
  };

  it('binds a storage window per dispatch, the last one clamped to the tensor', async () => {
    const compiled = await CompiledGraph.compile(await testGpu(), windowGraph([0, 256]));
    const { outputs } = await compiled.run({});
    expect([...outputs.out]).toEqual(Array.from({ length: 100 }, (_, i) => i));
    compiled.destroy();
  });

  it('rejects a storage window past the tensor or off the 256-byte alignment', async () => {
    const gpu = await testGpu();
    await expect(CompiledGraph.compile(gpu, windowGraph([0, 512]))).rejects.toThrow("w: storage window 'out' at byte 512 runs past 'out' (400 bytes)");
    await expect(CompiledGraph.compile(gpu, windowGraph([128]))).rejects.toThrow('not 256-byte aligned');
  });

  it('surfaces a failed pipeline as an error naming the kernel, not a hang', async () => {
    const gpu = await testGpu();
    const g = new Graph(tiledTarget());
    const x = g.input('x', [4]);
    const out = g.activation('out', [4]);
    const broken = { name: 'broken', bindings: [{ name: 'x' }, { name: 'out', output: true }], uniforms: {}, constants: {}, wgsl: () => 'fn main( {', workgroups: () => [1] as [number] };
    g.call(broken, 'b', { args: { x, out }, uniforms: {} });
    g.output('out', out);
    await expect(CompiledGraph.compile(gpu, g)).rejects.toThrow('kernel broken() failed to compile');
  });
});
