/**
 * The bert suite's check before timing (src/bench/bert.ts): the encoder built at a small width
 * on the test adapter's target matches the float64 reference within BERT_CHECK_ATOL, and a graph
 * built with one wrong weight is refused with one line before anything is timed.
 */
import { describe, expect, it } from 'vitest';
import { benchBert, BERT_CHECK_ATOL, checkBert } from '../../src/bench/bert.js';
import { checkText, MODEL_CASES } from '../../src/bench/model-cases.js';
import { formulaWeightStore } from '../../src/model/formula-weights.js';
import { textEncoderShapes } from '../../src/model/state-dict-shapes.js';
import { testGpu } from '../helpers/gpu.js';
import { nudgedStore } from '../helpers/nudged-store.js';

const TEXT = MODEL_CASES[0].config().text;

describe('bert bench check', () => {
  it('the small-width graph matches the float64 reference', async () => {
    const host = { gpu: await testGpu(), runs: 1, log: () => {} };
    const { maxError } = await checkBert(host, TEXT);
    console.log(`bert check ${checkText(TEXT).layers}x${checkText(TEXT).hidden}: max |error| ${maxError.toExponential(2)} (atol ${BERT_CHECK_ATOL})`);
    expect(maxError).toBeLessThanOrEqual(BERT_CHECK_ATOL);
    expect(maxError).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a graph with one wrong weight before timing', async () => {
    const honest = formulaWeightStore(textEncoderShapes(checkText(TEXT)), 'base480', 'BERT formula weights');
    const wrongName = 'text_encoder.encoder.layer.1.intermediate.dense.weight';
    const wrong = nudgedStore(honest, wrongName, 0.05);
    const logs: string[] = [];
    const host = { gpu: await testGpu(), runs: 1, log: (line: string) => logs.push(line) };
    await expect(benchBert(host, { text: TEXT, checkStore: wrong })).rejects.toThrow(/^bert 2x128: pass l out\[\d+, \d+\] is .*; not timing a wrong result$/);
    expect(logs.some((l) => l.includes('compiling BERT'))).toBe(false);
  }, 120_000);
});
