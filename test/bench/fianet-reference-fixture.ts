/**
 * Runs the float64 FIANet of src/bench (fianet-reference.ts) on a fixture's image and samples'
 * tokens with the fixture's weights and compares every tensor the fixture stores: bert.{l,t,p},
 * patch_embed, stage{i}.swin/fused/stream/out, tmem.pooled/global, tmem{i}, logits_lowres,
 * logits, each at atol = rel x its max-abs. Shared by the default suite (tiny) and test/full (small).
 */
import { fianetReference } from '../../src/bench/fianet-reference.js';
import { transposeRef, type Weights } from '../../src/bench/reference-ops.js';
import { expectWithin, formatMeasured, measureError, type Measured } from '../helpers/compare.js';
import { fixtureInts, fixtureTensor, fixtureWeights, openFixture } from '../helpers/test-data.js';

/** A fixture's weights.safetensors, read whole, as the references read weights. */
export async function fixtureWeightsRef(name: string): Promise<Weights> {
  const store = await fixtureWeights(name);
  const all = new Map(await Promise.all(store.names().map(async (n) => [n, await store.load(n)] as const)));
  return (tensor) => {
    const data = all.get(tensor);
    if (!data) throw new Error(`${name} weights: no ${tensor}`);
    return data;
  };
}

export async function checkFianetReference(name: string, samples: string[], rel: number): Promise<Measured[]> {
  const { config, tensors } = await openFixture(name);
  const w = await fixtureWeightsRef(name);
  const image = await fixtureTensor(tensors, 'input.image');
  const results: Measured[] = [];
  for (const s of samples) {
    const ints = (n: string) => fixtureInts(tensors, `${s}.${n}`);
    const ref = fianetReference(config, w, image, { ids: await ints('input_ids'), l: await ints('l_mask'), t: await ints('t_mask'), p: await ints('p_mask') });
    const check = async (n: string, got: ArrayLike<number>) => results.push(measureError(`${s}.${n}`, got, await fixtureTensor(tensors, `${s}.${n}`), (maxAbs) => rel * maxAbs));
    for (const pass of ['l', 't', 'p'] as const) await check(`bert.${pass}`, ref.text[pass].features);
    await check('patch_embed', ref.patchEmbed);
    for (const [i, stage] of ref.stages.entries()) {
      for (const part of ['swin', 'fused', 'stream', 'out'] as const) await check(`stage${i}.${part}`, stage[part]);
    }
    const dim = config.model.tmem_dim;
    await check('tmem.pooled', transposeRef(ref.tmem.pooled, ref.tmem.pooled.length / dim, dim));
    await check('tmem.global', ref.tmem.global);
    for (let i = 0; i < 4; i++) await check(`tmem${i}`, ref.tmem.outputs[i]);
    await check('logits_lowres', ref.logitsLowres);
    await check('logits', ref.logits);
  }
  console.log(formatMeasured(results));
  expectWithin(results);
  return results;
}
