/**
 * The f16 suite (`fianet bench --only f16`) on the test adapter: only when asked, both weight
 * dtypes of a case checked and timed side by side, the f16 row counting its weights at two
 * bytes, the notes giving the weight MiB and ratios; a case prefix that selects nothing refused.
 */
import { describe, expect, it } from 'vitest';
import { benchF16Weights } from '../../src/bench/f16-weights.js';
import { checkRequest, DEFAULT_SUITES } from '../../src/bench/suites.js';
import { testGpu } from '../helpers/gpu.js';

describe('f16 bench suite', () => {
  it('runs only when asked, and refuses a case prefix that selects nothing', () => {
    expect(DEFAULT_SUITES).not.toContain('f16');
    expect(checkRequest({ suites: ['f16'], cases: ['BERT-base out'] })).toEqual(['f16']);
    expect(() => checkRequest({ suites: ['f16'], cases: ['nope'] })).toThrow("no case of f16 starts with 'nope'");
  });

  it('checks and times f32 and f16 weights of one linear, the f16 row binding half the weight bytes', async () => {
    const host = { gpu: await testGpu(), runs: 2, log: () => {}, cpuTime: () => performance.now() };
    const r = await benchF16Weights(host, { cases: ['BERT-base intermediate'] });
    expect(r.suite).toBe('f16');
    expect(r.rows.map((row) => [row.case, row.variant])).toEqual([
      ['BERT-base intermediate 66x3072x768', 'f32 weights'],
      ['BERT-base intermediate 66x3072x768', 'f16 weights'],
    ]);
    const [f32, f16] = r.rows;
    for (const row of r.rows) {
      expect(row.runs).toBe(2);
      expect(row.figures.median.value).toBeGreaterThan(0);
      expect(row.flop).toBeGreaterThanOrEqual(2 * 66 * 3072 * 768);
    }
    console.log(`f16 suite bytes: f32 ${f32.bytes}, f16 ${f16.bytes}; ${r.notes.join(' ')}`);
    expect(f32.bytes - f16.bytes).toBe(3072 * 768 * 2);
    expect(r.notes).toEqual([expect.stringMatching(/^BERT-base intermediate 66x3072x768: weights 9\.\d\d MiB f32, 4\.\d\d MiB f16; f16 \/ f32 time [\d.]+ wall, [\d.]+ CPU\.$/)]);
  });
});
