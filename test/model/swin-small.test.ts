/**
 * The backbone on the small fixture (embed 32, window 8, depths [2, 2, 4, 2], 160x160: stage
 * sizes 40, 20, 10, 5, so windows pad 20 -> 24, 10 -> 16 and 5 -> 8 and the shift applies on
 * maps smaller than the window) against the reference, every stage tensor. Also run on
 * SwiftShader (FIANET_TEST_ADAPTER=swiftshader). Tolerance: atol = 4e-5 x each tensor's
 * max-abs (an independent float32 implementation: 9.1e-6; float32 vs float64 reference:
 * 9.8e-6). Measured: at most 8.3e-6 of max-abs on llvmpipe (stage0.out, stage2.out), 1.0e-5 on
 * SwiftShader (a stage .out: 5.0e-5 absolute), 4x below it.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { CompiledGraph } from '../../src/runtime/executor.js';
import { fixtureWeights, openFixture, type Fixture } from '../helpers/test-data.js';
import { backboneTensorNames, compareSample, compileBackbone, runSample } from './swin-fixture.js';

const REL_TOL = 4e-5;

describe('swin backbone, small fixture', () => {
  let fx: Fixture;
  let compiled: CompiledGraph;
  beforeAll(async () => {
    fx = await openFixture('small');
    compiled = await compileBackbone(fx, await fixtureWeights('small'), true);
  });
  afterAll(() => compiled?.destroy());

  it('matches s0: patch_embed, stage{0..3}.swin / fused / stream / out', async () => {
    const outputs = await runSample(fx, compiled, 's0');
    await compareSample(fx, 's0', outputs, backboneTensorNames(fx.config, true), REL_TOL);
  });
});
