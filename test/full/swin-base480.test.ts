/**
 * The real backbone (Swin-B, window 12, depths [2, 2, 18, 2], 480x480: windows pad 30 -> 36 and
 * 15 -> 24) with the base480 formula weights and the fixture's BERT outputs as inputs, against
 * s0.stage{i}.fused and .out. Tolerance from base480/README.md: the formula weights make the
 * SILA outputs nearly constant over H*W before their InstanceNorm, which amplifies float32
 * rounding; an independent float32 implementation deviates by 4.5e-3 of max-abs and the
 * reference's own float32 vs float64 by 3.4e-3, with the stored float16 adding up to 2^-11
 * relative. We allow atol = 1.5e-2 x each tensor's max-abs (the README's "about 1e-2 x
 * max-abs"). Measured on llvmpipe, relative to max-abs: fused 1.6e-3 .. 3.8e-3, out 3.1e-3 ..
 * 6.8e-3 (stage0.out). Compensated (Kahan) sums in the InstanceNorm statistics changed nothing:
 * the spread comes from the conditioning, not from one sloppy reduction.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import type { CompiledGraph } from '../../src/runtime/executor.js';
import { backboneTensorNames, compareSample, compileBackbone, openFixture, runSample, type Fixture } from '../model/swin-fixture.js';

const REL_TOL = 1.5e-2;
/** ~150 GFLOP on a CPU adapter: about a minute on an idle 2-core machine, 14 minutes measured on a loaded one. */
const TIMEOUT_MS = 1_800_000;

describe('swin backbone, base480 fixture (formula weights)', () => {
  let fx: Fixture;
  let compiled: CompiledGraph;
  beforeAll(async () => {
    fx = await openFixture('base480');
    compiled = await compileBackbone(fx, formulaWeightsFor(fx.config), false);
  }, TIMEOUT_MS);
  afterAll(() => compiled?.destroy());

  it('matches s0.stage{0..3}.fused and .out', async () => {
    const outputs = await runSample(fx, compiled, 's0');
    const errors = await compareSample(fx, 's0', outputs, backboneTensorNames(fx.config, false), REL_TOL);
    console.log(`base480 relative errors: ${Object.entries(errors).map(([k, v]) => `${k} ${v.toExponential(1)}`).join(', ')}`);
  }, TIMEOUT_MS);
});
