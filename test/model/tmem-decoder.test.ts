/**
 * Golden tests of TMEM + scale-aware gates + decoder on the tiny (3 samples) and small
 * (1 sample) fixtures, from the fixtures' stage outputs and BERT `l` features.
 * Tolerances from the fixture READMEs: an independent float32 re-implementation reproduced
 * the features within 9.8e-6 (tiny) / 9.1e-6 (small) of each tensor's max-abs, and the
 * reference evaluated in float64 differs from the stored values by up to 1.1e-5 of max-abs:
 * we allow 1e-5 x max-abs for pooled / global / tmem{i}. Logits: the re-implementation got
 * within 3.5e-5 (tiny) / 4e-5 (small): we allow 4e-5. Masks (our mask kernel and the argmax
 * of our full logits): exact except pixels whose stored logit margin is below 1e-4.
 * Measured on llvmpipe: features <= 4.1e-6 x max-abs (worst: small s0.tmem0, 4.0e-5 of 9.66),
 * pooled bit-exact, logits <= 2.0e-5 (small s0), no mask pixel differs.
 */
import { describe, it } from 'vitest';
import { fixtureWeights, openFixture } from '../helpers/test-data.js';
import { checkTmemDecoder, type Tolerances } from './tmem-decoder-fixture.js';

const TOL: Tolerances = { featureRel: 1e-5, logitsAtol: 4e-5, marginExempt: 1e-4 };

describe('TMEM and decoder against the fixtures', () => {
  it('tiny: s0, s1, s2', async () => {
    await checkTmemDecoder(await openFixture('tiny'), await fixtureWeights('tiny'), ['s0', 's1', 's2'], TOL);
  });

  it('small: s0', async () => {
    await checkTmemDecoder(await openFixture('small'), await fixtureWeights('small'), ['s0'], TOL);
  });
});
