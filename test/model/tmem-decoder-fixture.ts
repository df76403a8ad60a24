/**
 * Runs TMEM + gates + decoder on a fixture's samples, fed with the fixture's own stage
 * outputs (sK.stage{i}.out), BERT features (sK.bert.l) and attention mask (sK.l_mask), and
 * compares every stored intermediate: sK.tmem.pooled, sK.tmem.global, sK.tmem{i},
 * sK.logits_lowres, sK.logits, sK.mask. Shared by the default suite (tiny, small) and
 * test/full (base480c, formula weights).
 */
import { buildDecoder } from '../../src/model/decoder.js';
import { buildTmem, stageSizes } from '../../src/model/tmem.js';
import { WeightBinder, type WeightStore } from '../../src/model/weights.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { testGpu, testTarget } from '../helpers/gpu.js';
import { expectWithin, formatMeasured, maskMismatches, measureError, type Atol, type Measured } from '../helpers/compare.js';
import { fixtureInts, fixtureTensor, type Fixture } from '../helpers/test-data.js';

export interface Tolerances {
  /** Features (pooled, global, tmem{i}): atol = featureRel * the stored tensor's max-abs. */
  featureRel: number;
  /** Logits (low-res and full): absolute, or derived from the stored tensor's max-abs. */
  logitsAtol: Atol;
  /** Mask pixels may differ only where the stored logits are closer than this. */
  marginExempt: number;
  /**
   * Full-size fixtures (base480c): a pixel may also flip where the stored margin is below
   * twice our measured max |logit error| (the most our logit difference can move, the error
   * itself being bounded by logitsAtol), and at most `maxFlips` pixels in all.
   */
  flipsFromLogitError?: { maxFlips: number };
}

/** [rows, cols] -> [cols, rows] */
function transpose(x: ArrayLike<number>, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = x[r * cols + c];
  return out;
}

export async function checkTmemDecoder(fixture: Fixture, store: WeightStore, samples: string[], tol: Tolerances): Promise<Measured[]> {
  const { config, tensors } = fixture;
  const gpu = await testGpu();
  const sizes = stageSizes(config);
  const channels = config.model.num_features;
  const [n, textDim] = tensors.tensors.get(`${samples[0]}.bert.l`)!.shape.slice(1);

  const g = new Graph(await testTarget());
  const binder = new WeightBinder(g, store);
  const stages = channels.map((c, i) => g.input(`stage${i}`, [c, ...sizes[i]]));
  const lang = { features: g.input('l', [n, textDim]), mask: g.input('l_mask', [n]) };
  const tmem = buildTmem(g, binder, config, stages, lang);
  const decoder = buildDecoder(g, binder, config, tmem.outputs, { logits: true });
  binder.finish();
  g.output('pooled', tmem.pooled);
  g.output('global', tmem.global);
  tmem.outputs.forEach((t, i) => g.output(`tmem${i}`, t));
  g.output('logits_lowres', decoder.logitsLowres);
  g.output('logits', decoder.logits!);
  g.output('mask', decoder.mask);
  const compiled = await CompiledGraph.compile(gpu, g);

  const results: Measured[] = [];
  try {
    for (const s of samples) {
      const inputs: Record<string, Float32Array> = {
        l: await fixtureTensor(tensors, `${s}.bert.l`),
        l_mask: Float32Array.from(await fixtureInts(tensors, `${s}.l_mask`)),
      };
      for (let i = 0; i < 4; i++) inputs[`stage${i}`] = await fixtureTensor(tensors, `${s}.stage${i}.out`);
      const { outputs } = await compiled.run(inputs);
      const stored = (name: string) => fixtureTensor(tensors, `${s}.${name}`);
      const feature = (maxAbs: number) => tol.featureRel * maxAbs;
      const dim = config.model.tmem_dim;
      const pooledSize = sizes[3][0] * sizes[3][1];
      results.push(measureError(`${s}.tmem.pooled`, transpose(outputs.pooled, pooledSize, dim), await stored('tmem.pooled'), feature));
      results.push(measureError(`${s}.tmem.global`, outputs.global, await stored('tmem.global'), feature));
      for (let i = 0; i < 4; i++) results.push(measureError(`${s}.tmem${i}`, outputs[`tmem${i}`], await stored(`tmem${i}`), feature));
      results.push(measureError(`${s}.logits_lowres`, outputs.logits_lowres, await stored('logits_lowres'), tol.logitsAtol));
      const logits = await stored('logits');
      const logitsResult = measureError(`${s}.logits`, outputs.logits, logits, tol.logitsAtol);
      results.push(logitsResult);
      const exempt = tol.flipsFromLogitError ? Math.max(tol.marginExempt, 2 * logitsResult.maxAbsErr) : tol.marginExempt;
      const mask = Float32Array.from(await fixtureInts(tensors, `${s}.mask`));
      const maskResult = maskMismatches(`${s}.mask`, outputs.mask, mask, logits, exempt);
      results.push(maskResult);
      if (tol.flipsFromLogitError) {
        results.push({ name: `${s}.mask flipped pixels`, maxAbsErr: maskResult.flipped, maxAbs: mask.length, atol: tol.flipsFromLogitError.maxFlips });
      }
      // The argmax of our own full logits, as the reference takes it (ties to class 0).
      const ours = outputs.logits as Float32Array;
      const argmax = Float32Array.from(mask, (_, i) => (ours[mask.length + i] > ours[i] ? 1 : 0));
      results.push(maskMismatches(`${s}.argmax(logits)`, argmax, mask, logits, exempt));
    }
  } finally {
    compiled.destroy();
  }
  console.log(formatMeasured(results));
  expectWithin(results);
  return results;
}
