/**
 * The float64 model references of src/bench (what the tmem and e2e suites check their graphs
 * against before timing) against the PyTorch reference's tiny fixture (window 4, stages 24, 12,
 * 6, 3: the last two padded and shifted), every stored tensor of every sample. The fixture
 * README: the reference evaluated in float64 differs from its stored float32 values by up to
 * 1.1e-5 of a tensor's max-abs, so a float64 reference cannot be held much tighter than that.
 * test/full/fianet-reference-small.test.ts does the same on the small fixture.
 */
import { describe, it } from 'vitest';
import { transposeRef } from '../../src/bench/reference-ops.js';
import { tmemReference } from '../../src/bench/tmem-reference.js';
import { stageSizes } from '../../src/model/tmem.js';
import { expectWithin, formatMeasured, measureError, type Measured } from '../helpers/compare.js';
import { fixtureInts, fixtureTensor, openFixture } from '../helpers/test-data.js';
import { checkFianetReference, fixtureWeightsRef } from './fianet-reference-fixture.js';

const SAMPLES = ['s0', 's1', 's2'];

describe('float64 model references against the tiny fixture', () => {
  it('tmemReference: pooled, global and the gated outputs from the stored stage outputs', async () => {
    // Measured at most 3.3e-6 of max-abs (s1.tmem0), pooled 6.4e-8: ~3x.
    const FEATURE_REL = 1e-5;
    const { config, tensors } = await openFixture('tiny');
    const w = await fixtureWeightsRef('tiny');
    const dim = config.model.tmem_dim;
    const [h4, w4] = stageSizes(config)[3];
    const results: Measured[] = [];
    for (const s of SAMPLES) {
      const read = (name: string) => fixtureTensor(tensors, `${s}.${name}`);
      const stages = await Promise.all([0, 1, 2, 3].map((i) => read(`stage${i}.out`)));
      const ref = tmemReference(config, w, stages, { features: await read('bert.l'), mask: await fixtureInts(tensors, `${s}.l_mask`) });
      const feature = (maxAbs: number) => FEATURE_REL * maxAbs;
      results.push(measureError(`${s}.tmem.pooled`, transposeRef(ref.pooled, h4 * w4, dim), await read('tmem.pooled'), feature));
      results.push(measureError(`${s}.tmem.global`, ref.global, await read('tmem.global'), feature));
      for (let i = 0; i < 4; i++) results.push(measureError(`${s}.tmem${i}`, ref.outputs[i], await read(`tmem${i}`), feature));
    }
    console.log(formatMeasured(results));
    expectWithin(results);
  });

  it('fianetReference: from the image and tokens, every stored tensor of every sample', async () => {
    // Measured at most 1.12e-5 of max-abs (s1.logits_lowres; s1.tmem3 1.06e-5), BERT 3.0e-7,
    // patch_embed 2.7e-7: the fixture's own float32 error (its README: up to 1.1e-5); ~3.5x.
    await checkFianetReference('tiny', SAMPLES, 4e-5);
  });
});
