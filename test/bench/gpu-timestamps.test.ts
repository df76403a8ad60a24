/**
 * GPU timestamps in the bench (the hosts' gpuTimer, harness.ts): on SwiftShader through Vulkan
 * a timed row has a 'gpu' figure (clock gpu-timestamp) beside its wall figures, within the wall
 * time of the same submits, and its rates are by the GPU clock; on llvmpipe (no timestamp
 * queries) no gpu figure and rates by the wall clock. The end-to-end suite on SwiftShader takes
 * its phase and kernel rows from one timestamp profile. Each test opens the adapter it is about.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { benchEndToEnd } from '../../src/bench/end-to-end.js';
import { timeGraph, timestampTimer } from '../../src/bench/harness.js';
import { checkLinear } from '../../src/bench/matmul.js';
import { randomArray } from '../../src/bench/random.js';
import { rowOf, withCeilings } from '../../src/bench/schema.js';
import { rowCells } from '../../src/bench/tables.js';
import { MATMUL_CASES } from '../../src/kernels/matmul.js';
import { linear } from '../../src/lowering/ops.js';
import { parseConfig } from '../../src/model/config.js';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import type { Gpu } from '../../src/runtime/device.js';
import { openAdapter } from '../helpers/gpu.js';
import { FIXTURES, readJson } from '../helpers/test-data.js';

const swiftshader = await openAdapter('swiftshader');
const timestampsMissing = swiftshader.why ?? (swiftshader.gpu!.device.features.has('timestamp-query') ? undefined : 'SwiftShader offers no timestamp-query here');
const llvmpipe = await openAdapter('llvmpipe');
afterAll(() => {
  swiftshader.gpu?.destroy();
  llvmpipe.gpu?.destroy();
});

const CEILINGS = { computeGflops: 1, copyGbps: 1 };

/** The 129x67x257 matmul of the case table timed as `fianet bench` times it, into a row. */
async function matmulRow(gpu: Gpu) {
  const c = MATMUL_CASES.awkward[5];
  const [a, w] = [randomArray(c.M * c.K, 1), randomArray(c.N * c.K, 2)];
  const host = { gpu, runs: 3, log: () => {}, gpuTimer: timestampTimer(gpu) };
  const t = await timeGraph(host, (g) => linear(g, 'mm', g.input('a', [c.M, c.K]), g.weight('w', [c.N, c.K], w)), checkLinear(c, 'linear', a, w));
  return withCeilings(rowOf('matmul', c.name, 'linear', t), CEILINGS);
}

describe('bench GPU timestamps', () => {
  it.skipIf(timestampsMissing)(`SwiftShader: the gpu figure beside wall, within the wall time of its submits${timestampsMissing ? ` (skipped: ${timestampsMissing})` : ''}`, async () => {
    const row = await matmulRow(swiftshader.gpu!);
    const f = row.figures;
    expect(f.median).toMatchObject({ unit: 'ms', clock: 'wall' });
    expect(f.gpu).toMatchObject({ unit: 'ms', clock: 'gpu-timestamp' });
    expect(f.gpuWall).toMatchObject({ unit: 'ms', clock: 'wall' });
    expect(f.gpu.value).toBeGreaterThan(0);
    // The sums of the passes inside the submits they were stamped in (1 ms for reading two clocks).
    expect(f.gpu.value!).toBeLessThanOrEqual(f.gpuWall.value! + 1);
    expect(f.gflops).toMatchObject({ clock: 'gpu-timestamp', value: row.flop / (f.gpu.value! * 1e6) });
    const cells = rowCells(row);
    expect(cells.slice(2, 6)).toEqual([f.median.value!.toFixed(1), f.gpu.value!.toFixed(2), '-', 'GPU']);
  }, 120_000);

  it.skipIf(llvmpipe.why)(`llvmpipe: no gpu figure, rates by the wall clock${llvmpipe.why ? ` (skipped: ${llvmpipe.why})` : ''}`, async () => {
    expect(timestampTimer(llvmpipe.gpu!)).toBeUndefined();
    const row = await matmulRow(llvmpipe.gpu!);
    expect(row.figures.median).toMatchObject({ unit: 'ms', clock: 'wall' });
    expect(row.figures.gpu).toBeUndefined();
    expect(row.figures.gpuWall).toBeUndefined();
    expect(row.figures.gflops.clock).toBe('wall');
    expect(rowCells(row)[5]).toBe('wall');
  }, 120_000);

  it.skipIf(timestampsMissing)(`SwiftShader: the e2e phases and kernels from one timestamp profile${timestampsMissing ? ` (skipped: ${timestampsMissing})` : ''}`, async () => {
    const config = parseConfig(readJson(new URL('tiny/config.json', FIXTURES)), 'tiny/config.json');
    const gpu = swiftshader.gpu!;
    const host = { gpu, runs: 1, log: () => {}, gpuTimer: timestampTimer(gpu) };
    const r = await benchEndToEnd(host, { config, store: formulaWeightsFor(config, 'base480', 'tiny formula weights') });
    const [whole, ...rest] = r.rows;
    const phases = rest.filter((row) => row.variant === 'phase (GPU timestamps)');
    const kernels = rest.filter((row) => row.variant === 'kernel (GPU timestamps)');
    expect(phases.length + kernels.length).toBe(rest.length);
    expect(phases.map((p) => p.case)).toEqual(['text', 'swin.patch_embed', ...config.model.depths.map((_, i) => `swin.s${i}`), 'tmem', 'decoder'].map((p) => `phase ${p}`));
    // With runs = 1 the whole forward's gpu figure is that one profile: its phases and kernels add up to it.
    for (const part of [phases, kernels]) {
      for (const p of part) expect(p.figures.median, p.case).toMatchObject({ clock: 'gpu-timestamp', value: p.figures.gpu.value });
      expect(part.reduce((s, p) => s + p.figures.gpu.value!, 0) / whole.figures.gpu.value!).toBeCloseTo(1, 9);
      expect(part.reduce((s, p) => s + p.flop, 0) / whole.flop).toBeCloseTo(1, 9);
    }
    expect(whole.figures.gpu.value!).toBeLessThanOrEqual(whole.figures.gpuWall.value! + 1);
    expect(r.notes[0]).toMatch(/^Phases and kernels: GPU timestamps of one whole forward in one submit/);
  }, 300_000);
});
