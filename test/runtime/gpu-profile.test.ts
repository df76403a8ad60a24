/**
 * Per-dispatch GPU timestamps (runtime/gpu-profile.ts). On SwiftShader through Vulkan (which
 * has 'timestamp-query'): one time per dispatch, named after its call and kernel, each
 * positive, and consistent with the wall time of the same submit (their sum within the span
 * of the timestamps, the span within the wall time, and most of it). On llvmpipe through
 * OpenGL ES (Dawn's GL backend offers no timestamp queries): the wall clock and no
 * per-dispatch figures. Each test opens the adapter it is about, whatever FIANET_TEST_ADAPTER says.
 */
import { describe, expect, it } from 'vitest';
import { linear } from '../../src/lowering/ops.js';
import { targetFor } from '../../src/lowering/target.js';
import { unaryOp } from '../../src/kernels/unary.js';
import type { Gpu } from '../../src/runtime/device.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { profile, sumBy } from '../../src/runtime/gpu-profile.js';
import { openTimestampAdapters } from '../helpers/gpu.js';

const ROWS = 67;
const WIDTH = 300;

/** Four linears of [67, 300] x [300, 300] (several dispatches each on CPU adapters) and a tanh. */
async function compileChain(gpu: Gpu): Promise<CompiledGraph> {
  const g = new Graph(targetFor(gpu.adapter));
  let x = g.input('x', [ROWS, WIDTH]);
  for (let i = 0; i < 4; i++) {
    const w = Float32Array.from({ length: WIDTH * WIDTH }, (_, j) => Math.sin(i + j * 0.37) / WIDTH);
    x = linear(g, `fc${i}`, { x, w: g.weight(`w${i}`, [WIDTH, WIDTH], w) });
  }
  g.output('y', unaryOp(g, 'act', x, 'tanh'));
  return CompiledGraph.compile(gpu, g);
}

const inputs = { x: Float32Array.from({ length: ROWS * WIDTH }, (_, i) => Math.cos(i * 0.01)) };

const { swiftshader, timestampsMissing, llvmpipe } = await openTimestampAdapters();

describe('GPU timestamps', () => {
  it.skipIf(timestampsMissing)(`SwiftShader: one positive time per dispatch, consistent with the submit's wall time${timestampsMissing ? ` (skipped: ${timestampsMissing})` : ''}`, async () => {
    const compiled = await compileChain(swiftshader.gpu!);
    try {
      const before = (await compiled.run(inputs)).outputs.y;
      const calls = compiled.dispatchCalls();
      expect(calls.length).toBeGreaterThan(compiled.calls.length); // some calls have several dispatches
      const fractions: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const p = await profile(compiled, inputs);
        expect(p.clock).toBe('gpu-timestamp');
        expect(p.dispatches.map((d) => d.kernel)).toEqual(calls.map((c) => c.kernel.name));
        p.dispatches.forEach((d, i) => expect(d.name.startsWith(calls[i].label), d.name).toBe(true));
        expect(new Set(p.dispatches.map((d) => d.name)).size).toBe(calls.length);
        for (const d of p.dispatches) expect(d.gpuNs, d.name).toBeGreaterThan(0);
        const sumNs = p.dispatches.reduce((s, d) => s + d.gpuNs, 0);
        // Passes run one after another inside the submit: sum <= span <= wall. 1 ms of slack
        // for reading two clocks (timestamps, performance.now) at their ends.
        expect(sumNs).toBeLessThanOrEqual(p.gpuSpanNs!);
        expect(p.gpuSpanNs! / 1e6).toBeLessThanOrEqual(p.wallMs + 1);
        fractions.push(sumNs / 1e6 / p.wallMs);
        const kernels = sumBy(p.dispatches, (d) => d.kernel);
        expect(kernels.reduce((s, k) => s + k.gpuNs, 0)).toBe(sumNs);
        expect(kernels.reduce((s, k) => s + k.dispatches, 0)).toBe(calls.length);
      }
      // Measured 0.73-0.99 of the wall time on the loaded 2-core machine: the rest is the wait
      // for the done callback, which load stretches by up to ~40 ms (measured), so the best of three.
      expect(Math.max(...fractions)).toBeGreaterThan(0.5);
      expect((await compiled.run(inputs)).outputs.y).toEqual(before);
    } finally {
      await compiled.destroy();
    }
  }, 120_000);

  it.skipIf(timestampsMissing)(`SwiftShader: more dispatches than one query set holds (2048 + 5)${timestampsMissing ? ` (skipped: ${timestampsMissing})` : ''}`, async () => {
    const g = new Graph(targetFor(swiftshader.gpu!.adapter));
    let x = g.input('x', [3, 5]);
    for (let i = 0; i < 2048 + 5; i++) x = unaryOp(g, `step${i}`, x, 'relu', { shift: 1 });
    g.output('y', x);
    const compiled = await CompiledGraph.compile(swiftshader.gpu!, g);
    try {
      const p = await profile(compiled, { x: new Float32Array(15) });
      expect(p.dispatches.length).toBe(2053);
      expect(p.dispatches.map((d) => d.name)).toEqual(compiled.dispatchCalls().map((c) => c.label));
      for (const d of p.dispatches) expect(d.gpuNs, d.name).toBeGreaterThan(0);
      const sumNs = p.dispatches.reduce((s, d) => s + d.gpuNs, 0);
      expect(sumNs).toBeLessThanOrEqual(p.gpuSpanNs!);
      expect(p.gpuSpanNs! / 1e6).toBeLessThanOrEqual(p.wallMs + 1);
      // relu(x + 1) 2053 times: x + 2053 for x >= 0.
      expect((await compiled.run({ x: new Float32Array(15) })).outputs.y).toEqual(new Float32Array(15).fill(2053));
    } finally {
      await compiled.destroy();
    }
  }, 120_000);

  it.skipIf(llvmpipe.why)(`llvmpipe through OpenGL ES: the wall clock, no per-dispatch figures${llvmpipe.why ? ` (skipped: ${llvmpipe.why})` : ''}`, async () => {
    const gpu = llvmpipe.gpu!;
    expect(gpu.device.features.has('timestamp-query')).toBe(false);
    const compiled = await compileChain(gpu);
    try {
      const p = await profile(compiled, inputs);
      expect(p).toMatchObject({ clock: 'wall', dispatches: [] });
      expect(p.gpuSpanNs).toBeUndefined();
      expect(p.wallMs).toBeGreaterThan(0);
    } finally {
      await compiled.destroy();
    }
  }, 60_000);
});
