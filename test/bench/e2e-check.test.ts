/**
 * The e2e suite's check before timing (src/bench/end-to-end.ts): FIANet built at the small
 * width of checkConfig on the test adapter's target matches the float64 reference of the whole
 * model (fianet-reference.ts) within E2E_CHECK_REL of each checked tensor's max-abs, and a
 * graph built with one wrong weight is refused with one line before anything is timed.
 */
import { describe, expect, it } from 'vitest';
import { benchEndToEnd, checkFianet, E2E_CHECK_REL } from '../../src/bench/end-to-end.js';
import { checkConfig, MODEL_CASES } from '../../src/bench/model-cases.js';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import type { WeightStore } from '../../src/model/weights.js';
import { testGpu } from '../helpers/gpu.js';
import { nudgedStore } from '../helpers/nudged-store.js';

const CONFIG = MODEL_CASES[0].config();

/** The checked graph's formula weights with one value of `name` moved by `by`. */
const nudged = (name: string, by: number): WeightStore => nudgedStore(formulaWeightsFor(checkConfig(CONFIG)), name, by);

describe('e2e bench check', () => {
  it('the small-width model matches the float64 reference', async () => {
    const host = { gpu: await testGpu(), runs: 1, log: () => {} };
    const { maxRelError, worst } = await checkFianet(host, CONFIG);
    console.log(`e2e check: max |error| ${maxRelError.toExponential(2)} of max-abs (${worst}; tolerance ${E2E_CHECK_REL})`);
    expect(maxRelError).toBeLessThanOrEqual(E2E_CHECK_REL);
    expect(maxRelError).toBeGreaterThan(0);
  }, 300_000);

  // A Swin weight shows at its stage's output; a decoder weight only in the logits. Moved by
  // 0.5 (5-10x the weights' scale, as a wrong index would give): one 3x3 decoder weight moved
  // by 0.05 moves the logits by at most 4.7x the tolerance (measured), too near it to name.
  const wrongWeights = [
    { weight: 'backbone.layers.1.blocks.1.mlp.fc2.weight', seenAt: 'swin\\.s1\\.out' },
    { weight: 'classifier.conv1_3.weight', seenAt: 'logits_lowres' },
  ];
  for (const { weight, seenAt } of wrongWeights) {
    it(`refuses a graph with one wrong weight (${weight}) before timing`, async () => {
      const logs: string[] = [];
      const host = { gpu: await testGpu(), runs: 1, log: (line: string) => logs.push(line) };
      const wrong = nudged(weight, 0.5);
      const message = new RegExp(`^e2e embed 32, window 12, 52 x 52: ${seenAt}\\[\\d+, \\d+, \\d+\\] is .*; not timing a wrong result$`);
      await expect(benchEndToEnd(host, { config: CONFIG, checkStore: wrong })).rejects.toThrow(message);
      expect(logs.some((l) => l.startsWith('e2e: compiling'))).toBe(false);
    }, 300_000);
  }
});
