/**
 * GPU timestamps in the bench (the hosts' gpuTimer, harness.ts): on SwiftShader through Vulkan
 * a timed row has a 'gpu' figure (clock gpu-timestamp) beside its wall figures, within the wall
 * time of the same submits, and its rates are by the GPU clock; on llvmpipe (no timestamp
 * queries) no gpu figure and rates by the wall clock. The end-to-end suite on SwiftShader takes
 * its phase and kernel rows from one timestamp profile. Each test opens the adapter it is about.
 */
import { describe, expect, it } from 'vitest';
import { timeGraph, timestampTimer } from '../../src/bench/harness.js';
import { checkLinear } from '../../src/bench/matmul.js';
import { randomArray } from '../../src/bench/random.js';
import { rowOf, withCeilings } from '../../src/bench/schema.js';
import { rowCells } from '../../src/bench/tables.js';
import { MATMUL_CASES } from '../../src/kernels/matmul.js';
import { linear } from '../../src/lowering/ops.js';
import type { Gpu } from '../../src/runtime/device.js';
import { openTimestampAdapters } from '../helpers/gpu.js';

const { swiftshader, timestampsMissing, llvmpipe } = await openTimestampAdapters();

const CEILINGS = { computeGflops: 1, copyGbps: 1 };

/** The 129x67x257 matmul of the case table timed as `fianet bench` times it, into a row. */
async function matmulRow(gpu: Gpu) {
  const c = MATMUL_CASES.awkward[5];
  const [a, w] = [randomArray(c.M * c.K, 1), randomArray(c.N * c.K, 2)];
  const host = { gpu, runs: 3, log: () => {}, gpuTimer: timestampTimer(gpu) };
  const t = await timeGraph(host, (g) => linear(g, 'mm', { x: g.input('a', [c.M, c.K]), w: g.weight('w', [c.N, c.K], w) }), checkLinear(c, 'linear', a, w));
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
});
