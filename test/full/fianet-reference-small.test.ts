/**
 * The float64 FIANet of src/bench (what the e2e suite checks its graph against before timing)
 * against the small fixture (embed 32, window 8, depths [2, 2, 4, 2], 160 x 160: stages 40,
 * 20, 10, 5, windows padded 20 -> 24, 10 -> 16, 5 -> 8, shifted on maps smaller than the
 * window), every stored tensor of s0. ~10 s of float64 on one core, so not in the default suite.
 * The fixture README: float32 against the float64 reference 9.8e-6 of max-abs. Measured: at
 * most 9.8e-6 of max-abs (s0.stage0.out), BERT 5.1e-7; tolerance 4e-5.
 */
import { describe, it } from 'vitest';
import { checkFianetReference } from '../bench/fianet-reference-fixture.js';

describe('float64 FIANet against the small fixture', () => {
  it('s0: every stored tensor', async () => {
    await checkFianetReference('small', ['s0'], 4e-5);
  });
});
