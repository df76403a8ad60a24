/**
 * The end-to-end suite on SwiftShader through Vulkan (timestamp queries), tiny fixture config:
 * its phase and kernel rows come from one single-submit timestamp profile, add up to the whole
 * forward's GPU figure, which lies within the wall time of its submits. ~150 s on SwiftShader
 * (loaded 2-core machine), hence in the full suite.
 */
import { describe, expect, it } from 'vitest';
import { benchEndToEnd } from '../../src/bench/end-to-end.js';
import { timestampTimer } from '../../src/bench/harness.js';
import { parseConfig } from '../../src/model/config.js';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import { openTimestampAdapters } from '../helpers/gpu.js';
import { FIXTURES, readJson } from '../helpers/test-data.js';

const { swiftshader, timestampsMissing } = await openTimestampAdapters();

describe('end-to-end benchmark with GPU timestamps', () => {
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
    expect(r.notes[0]).toMatch(/^Checked first: the same builders at .* against the float64 reference of the whole model/);
    expect(r.notes[1]).toMatch(/^Phases and kernels: GPU timestamps of one whole forward in one submit/);
  }, 300_000);
});
