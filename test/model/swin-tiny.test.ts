/**
 * The backbone on the tiny fixture (embed 16, window 4, 96x96, 3 samples) against the
 * reference: patch_embed and every stage's swin, fused, stream and out, with the fixture's
 * BERT outputs and masks as inputs. Tolerance: atol = 5e-5 x each tensor's max-abs. The
 * fixture README: an independent float32 implementation reached 9.8e-6 of max-abs and the
 * reference itself moves by 1.1e-5 of max-abs between float32 and float64, so a float32
 * implementation cannot be held much tighter. Measured on llvmpipe: at most 1.26e-5 of max-abs
 * (s2.stage0.out, 4x below the tolerance), 1.0e-5 for s1.stage3.stream, 3.5e-6 for .swin,
 * 3.3e-7 for patch_embed.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { CompiledGraph } from '../../src/runtime/executor.js';
import { fixtureWeights, openFixture, type Fixture } from '../helpers/test-data.js';
import { backboneTensorNames, compareSample, compileBackbone, runSample } from './swin-fixture.js';

const REL_TOL = 5e-5;

describe('swin backbone, tiny fixture', () => {
  let fx: Fixture;
  let compiled: CompiledGraph;
  beforeAll(async () => {
    fx = await openFixture('tiny');
    compiled = await compileBackbone(fx, await fixtureWeights('tiny'), true);
  });
  afterAll(() => compiled?.destroy());

  for (const sample of ['s0', 's1', 's2']) {
    it(`matches ${sample}: patch_embed, stage{0..3}.swin / fused / stream / out`, async () => {
      const outputs = await runSample(fx, compiled, sample);
      await compareSample(fx, sample, outputs, backboneTensorNames(fx.config, true), REL_TOL);
    });
  }
});
