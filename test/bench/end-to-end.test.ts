/**
 * The end-to-end benchmark on the tiny fixture config: every phase of the model is timed,
 * phase FLOPs add up to the FLOPs the calls declare, and the memory figures are ordered the
 * way a plan must order them (largest call <= peak live <= planned <= naive).
 */
import { describe, expect, it } from 'vitest';
import { benchEndToEnd } from '../../bench/end-to-end.js';
import { parseConfig } from '../../src/model/config.js';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import { testGpu } from '../helpers/gpu.js';
import { FIXTURES, readJson } from '../helpers/test-data.js';

describe('end-to-end benchmark', () => {
  it('times every phase of the tiny model and reports a consistent memory plan', async () => {
    const config = parseConfig(readJson(new URL('tiny/config.json', FIXTURES)), 'tiny/config.json');
    const r = await benchEndToEnd(await testGpu(), config, formulaWeightsFor(config, 'base480', 'tiny formula weights'), { runs: 1 });
    const stages = config.model.depths.map((_, i) => `swin.s${i}`);
    expect(r.phases.map((p) => p.phase)).toEqual(['text', 'swin.patch_embed', ...stages, 'tmem', 'decoder']);
    for (const p of r.phases) expect(p.medianMs, p.phase).toBeGreaterThan(0);
    expect(r.phases.reduce((s, p) => s + p.gflop, 0)).toBeCloseTo(r.gflop, 9);
    for (const phase of ['text', ...stages, 'decoder']) expect(r.phases.find((p) => p.phase === phase)!.gflop, phase).toBeGreaterThan(0);
    const m = r.memory;
    expect(m.largestCallBytes).toBeGreaterThan(0);
    expect(m.largestCallBytes).toBeLessThanOrEqual(m.peakLiveBytes);
    expect(m.peakLiveBytes).toBeLessThanOrEqual(m.plannedBytes);
    expect(m.plannedBytes).toBeLessThan(m.naiveBytes);
    expect(m.weightBytes).toBeGreaterThan(0);
    expect(r.dispatches).toBeGreaterThanOrEqual(r.calls);
  });
});
