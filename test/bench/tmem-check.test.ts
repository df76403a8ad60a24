/**
 * The tmem suite's check before timing (src/bench/tmem.ts): TMEM built at the small width of
 * checkConfig on the test adapter's target matches the float64 reference within
 * TMEM_CHECK_ATOL, and a graph built with one wrong weight is refused with one line before
 * anything is timed.
 */
import { describe, expect, it } from 'vitest';
import { checkConfig, MODEL_CASES } from '../../src/bench/model-cases.js';
import { benchTmem, checkTmem, TMEM_CHECK_ATOL } from '../../src/bench/tmem.js';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import type { WeightStore } from '../../src/model/weights.js';
import { testGpu } from '../helpers/gpu.js';
import { nudgedStore } from '../helpers/nudged-store.js';

const CONFIG = MODEL_CASES[0].config();

/** The checked graph's formula weights with one value of `name` moved by `by`. */
const nudged = (name: string, by: number): WeightStore => nudgedStore(formulaWeightsFor(checkConfig(CONFIG)), name, by);

describe('tmem bench check', () => {
  it('the small-width graph matches the float64 reference', async () => {
    const host = { gpu: await testGpu(), runs: 1, log: () => {} };
    const { maxError, maxAbs } = await checkTmem(host, CONFIG);
    console.log(`tmem check: max |error| ${maxError.toExponential(2)} (atol ${TMEM_CHECK_ATOL}), outputs up to ${maxAbs.toFixed(2)}`);
    expect(maxError).toBeLessThanOrEqual(TMEM_CHECK_ATOL);
    expect(maxError).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a graph with one wrong weight before timing', async () => {
    const logs: string[] = [];
    const host = { gpu: await testGpu(), runs: 1, log: (line: string) => logs.push(line) };
    const wrong = nudged('backbone.tmem.block.1.ff.net.3.weight', 0.05);
    await expect(benchTmem(host, { config: CONFIG, checkStore: wrong })).rejects.toThrow(/^tmem embed 32, window 12, 52 x 52: tmem\d\[\d+, \d+, \d+\] is .*; not timing a wrong result$/);
    expect(logs.some((l) => l.includes('first run'))).toBe(false);
  }, 120_000);
});
