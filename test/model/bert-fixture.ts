/**
 * Runs the BERT encoder on a fixture's samples (ids and masks from tensors.safetensors) and
 * compares L, T, P with `sK.bert.l/.t/.p`; shared by the default suite (tiny, small) and
 * test/full (base480c, formula weights).
 */
import type { SafetensorsFile } from '../../src/io/safetensors.js';
import { BERT_PASSES, bertEncoder, bertInputs, packBertInputs } from '../../src/model/bert.js';
import type { FianetConfig } from '../../src/model/config.js';
import { WeightBinder, type WeightStore } from '../../src/model/weights.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { testGpu, testTarget } from '../helpers/gpu.js';
import { expectWithin, formatMeasured, measureError, type Atol, type Measured } from '../helpers/compare.js';
import { fixtureInts, fixtureTensor } from '../helpers/test-data.js';

/**
 * Max abs errors of every `sK.bert.{l,t,p}` of `samples`; fails if any exceeds `atol` (a
 * number, or one derived from the stored tensor's max-abs).
 */
export async function checkBert(config: FianetConfig, store: WeightStore, tensors: SafetensorsFile, samples: string[], atol: Atol): Promise<Measured[]> {
  const gpu = await testGpu();
  const n = tensors.tensors.get(`${samples[0]}.input_ids`)!.shape[1];
  const g = new Graph(await testTarget());
  const binder = new WeightBinder(g, store);
  const out = bertEncoder(g, binder, config.text, bertInputs(g, config.text, n));
  binder.finish();
  for (const pass of BERT_PASSES) g.output(pass, out[pass]);
  const compiled = await CompiledGraph.compile(gpu, g);
  const errors: Measured[] = [];
  try {
    for (const s of samples) {
      const read = (name: string) => fixtureInts(tensors, `${s}.${name}`);
      const inputs = packBertInputs(config.text, await read('input_ids'), { l: await read('l_mask'), t: await read('t_mask'), p: await read('p_mask') });
      const { outputs } = await compiled.run(inputs);
      for (const pass of BERT_PASSES) {
        errors.push(measureError(`${s}.bert.${pass}`, outputs[pass] as Float32Array, await fixtureTensor(tensors, `${s}.bert.${pass}`), atol));
      }
    }
  } finally {
    compiled.destroy();
  }
  console.log(formatMeasured(errors));
  expectWithin(errors);
  return errors;
}
