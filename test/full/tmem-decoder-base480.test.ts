/**
 * TMEM + gates + decoder at the real architecture (base480: 1920 -> 480 channels, 3 TMEM
 * blocks, decoder hidden 512, 120 x 120 logits) with the formula weights, from the fixture's
 * stage outputs and BERT `l` features. Tolerances from base480/README.md: features are
 * stored as float16 (2^-11 relative rounding, inputs included) and the fixture is badly
 * conditioned: an independent float32 implementation deviated by 4.5e-3 x max-abs on
 * features and 3.4e-3 on logits. We allow 5e-3 x max-abs on features and 5e-3 on logits
 * (max-abs 1.33). Masks: exact except pixels whose stored logit margin is below 1e-4 (21 such
 * pixels; 153 are below 1e-3) or below twice our measured max logit error (a flip needs the
 * logit difference to move by the margin; the README's independent float32 implementation,
 * 3.4e-3 off on the logits, differed in 69 pixels, and float64 vs the stored float32 in 52),
 * and at most 69 pixels in all.
 * Measured on llvmpipe: features <= 5.2e-4 x max-abs (s0.tmem.global, 3.6e-3 of 6.95; the
 * float16 storage alone is half an ulp, 2e-3, at 4..8), logits 4.0e-4, 8 pixels flipped:
 * 7 with margin < 1e-4 and one at 1.6e-4 (with the image-language attention's products on
 * uniform windows, a different float32 summation order; before, 0 flipped at 3.7e-4).
 * Takes ~10 minutes on a loaded 2-core llvmpipe machine (the decoder is ~210 GFLOP).
 */
import { describe, it } from 'vitest';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import { checkTmemDecoder, openFixture } from '../model/tmem-decoder-fixture.js';

describe('TMEM and decoder at base480 with formula weights', () => {
  it('s0: pooled, global, tmem{i}, logits, mask', async () => {
    const fixture = await openFixture('base480');
    await checkTmemDecoder(fixture, formulaWeightsFor(fixture.config), ['s0'], { featureRel: 5e-3, logitsAtol: 5e-3, marginExempt: 1e-4, flipsFromLogitError: { maxFlips: 69 } });
  });
});
