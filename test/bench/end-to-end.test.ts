/**
 * The end-to-end suite on the tiny fixture config: every phase of the model is timed, phase
 * FLOPs add up to the FLOPs the calls declare, and the memory figures are ordered the way a
 * plan must order them (largest call <= peak live <= planned <= naive).
 */
import { describe, expect, it } from 'vitest';
import { benchEndToEnd } from '../../src/bench/end-to-end.js';
import { parseConfig } from '../../src/model/config.js';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import { testGpu } from '../helpers/gpu.js';
import { FIXTURES, readJson } from '../helpers/test-data.js';

describe('end-to-end benchmark', () => {
  it('times every phase of the tiny model and reports a consistent memory plan', async () => {
    const config = parseConfig(readJson(new URL('tiny/config.json', FIXTURES)), 'tiny/config.json');
    const host = { gpu: await testGpu(), runs: 1, log: () => {}, cpuTime: () => process.cpuUsage().user / 1000 };
    const matmul = { gflops: 2, gflopsPerCpuSecond: 4, runs: 7 };
    const r = await benchEndToEnd(host, { config, store: formulaWeightsFor(config, 'base480', 'tiny formula weights'), matmul });
    const stages = config.model.depths.map((_, i) => `swin.s${i}`);
    const [whole, ...rest] = r.rows;
    const phases = rest.filter((row) => row.variant.startsWith('phase'));
    const kernels = rest.filter((row) => row.variant.startsWith('kernel'));
    expect(phases.map((p) => p.case)).toEqual(['text', 'swin.patch_embed', ...stages, 'tmem', 'decoder'].map((p) => `phase ${p}`));
    for (const p of [...phases, ...kernels]) expect(p.figures.median.value, p.case).toBeGreaterThan(0);
    for (const part of [phases, kernels]) {
      expect(part.reduce((s, p) => s + p.flop, 0) / whole.flop).toBeCloseTo(1, 9);
      expect(part.reduce((s, p) => s + p.bytes, 0) / whole.bytes).toBeCloseTo(1, 9);
    }
    for (const phase of ['text', ...stages, 'decoder']) expect(phases.find((p) => p.case === `phase ${phase}`)!.flop, phase).toBeGreaterThan(0);
    const gflops = whole.flop / (whole.figures.median.value! * 1e6);
    const perCpu = whole.flop / (whole.figures.cpu.value! * 1e6);
    const pct = (v: number) => `${((100 * v) / 2).toFixed(0)}%`;
    expect(r.notes).toContain(
      `Against this run's best matmul (peaks, median of 7 runs): whole forward ${gflops.toFixed(2)} GFLOP/s against 2.00: ${pct(gflops)}; per CPU-second ${perCpu.toFixed(2)} against 4.00: ${pct(perCpu / 2)}.`,
    );
    const m = r.memory;
    expect(m.largestCallBytes).toBeGreaterThan(0);
    expect(m.largestCallBytes).toBeLessThanOrEqual(m.peakLiveBytes);
    expect(m.peakLiveBytes).toBeLessThanOrEqual(m.plannedBytes);
    expect(m.plannedBytes).toBeLessThan(m.naiveBytes);
    expect(m.weightBytes).toBeGreaterThan(0);
  });
});
