/**
 * The float64 model references of src/bench (what the tmem and e2e suites check their graphs
 * against before timing) against the PyTorch reference's tiny fixture, every stored tensor of
 * every sample. The fixture README: the reference evaluated in float64 differs from its stored
 * float32 values by up to 1.1e-5 of a tensor's max-abs, so a float64 reference cannot be held
 * much tighter than that.
 */
import { describe, it } from 'vitest';
import { fianetReference } from '../../src/bench/fianet-reference.js';
import { transposeRef } from '../../src/bench/reference-ops.js';
import { tmemReference } from '../../src/bench/tmem-reference.js';
import { stageSizes } from '../../src/model/tmem.js';
import { expectWithin, formatMeasured, measureError, type Measured } from '../helpers/compare.js';
import { fixtureInts, fixtureTensor, fixtureWeights, openFixture } from '../helpers/test-data.js';

const SAMPLES = ['s0', 's1', 's2'];

async function loadWeights(): Promise<(name: string) => Float32Array> {
  const store = await fixtureWeights('tiny');
  const all = new Map(await Promise.all(store.names().map(async (n) => [n, await store.load(n)] as const)));
  return (name) => all.get(name) ?? (() => { throw new Error(`tiny weights: no ${name}`); })();
}

describe('float64 model references against the tiny fixture', () => {
  it('tmemReference: pooled, global and the gated outputs from the stored stage outputs', async () => {
    // Measured at most 3.3e-6 of max-abs (s1.tmem0), pooled 6.4e-8: ~3x.
    const FEATURE_REL = 1e-5;
    const { config, tensors } = await openFixture('tiny');
    const w = await loadWeights();
    const sizes = stageSizes(config);
    const P = sizes[3][0] * sizes[3][1];
    const results: Measured[] = [];
    for (const s of SAMPLES) {
      const read = (name: string) => fixtureTensor(tensors, `${s}.${name}`);
      const stages = await Promise.all([0, 1, 2, 3].map((i) => read(`stage${i}.out`)));
      const ref = tmemReference(config, w, stages, { features: await read('bert.l'), mask: await fixtureInts(tensors, `${s}.l_mask`) });
      const dim = config.model.tmem_dim;
      const pooledCf = new Float64Array(dim * P);
      for (let p = 0; p < P; p++) for (let c = 0; c < dim; c++) pooledCf[c * P + p] = ref.pooled[p * dim + c];
      const feature = (maxAbs: number) => FEATURE_REL * maxAbs;
      results.push(measureError(`${s}.tmem.pooled`, pooledCf, await read('tmem.pooled'), feature));
      results.push(measureError(`${s}.tmem.global`, ref.global, await read('tmem.global'), feature));
      for (let i = 0; i < 4; i++) results.push(measureError(`${s}.tmem${i}`, ref.outputs[i], await read(`tmem${i}`), feature));
    }
    console.log(formatMeasured(results));
    expectWithin(results);
  });

  it('fianetReference: from the image and tokens, every stored tensor of every sample', async () => {
    // Measured at most 1.12e-5 of max-abs (s1.logits_lowres; s1.tmem3 1.06e-5), BERT 3.0e-7,
    // patch_embed 2.7e-7: the fixture's own float32 error (its README: up to 1.1e-5); ~3.5x.
    const REL = 4e-5;
    const { config, tensors } = await openFixture('tiny');
    const w = await loadWeights();
    const image = await fixtureTensor(tensors, 'input.image');
    const results: Measured[] = [];
    for (const s of SAMPLES) {
      const read = (name: string) => fixtureTensor(tensors, `${s}.${name}`);
      const ints = (name: string) => fixtureInts(tensors, `${s}.${name}`);
      const ref = fianetReference(config, w, image, { ids: await ints('input_ids'), l: await ints('l_mask'), t: await ints('t_mask'), p: await ints('p_mask') });
      const check = async (name: string, got: ArrayLike<number>) => results.push(measureError(`${s}.${name}`, got, await read(name), (maxAbs) => REL * maxAbs));
      for (const pass of ['l', 't', 'p'] as const) await check(`bert.${pass}`, ref.text[pass].features);
      await check('patch_embed', ref.patchEmbed);
      for (const [i, stage] of ref.stages.entries()) {
        for (const part of ['swin', 'fused', 'stream', 'out'] as const) await check(`stage${i}.${part}`, stage[part]);
      }
      const dim = config.model.tmem_dim;
      const P = ref.tmem.pooled.length / dim;
      await check('tmem.pooled', transposeRef(ref.tmem.pooled, P, dim));
      await check('tmem.global', ref.tmem.global);
      for (let i = 0; i < 4; i++) await check(`tmem${i}`, ref.tmem.outputs[i]);
      await check('logits_lowres', ref.logitsLowres);
      await check('logits', ref.logits);
    }
    console.log(formatMeasured(results));
    expectWithin(results);
  });
});
