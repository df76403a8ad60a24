/**
 * Runs the backbone on a fixture (tiny, small, base480) with the fixture's BERT outputs and
 * masks fed directly as graph inputs, and compares every stage tensor the fixture stores.
 * One compiled graph serves all samples of a fixture.
 */
import { buildBackbone } from '../../src/model/backbone.js';
import type { FianetConfig } from '../../src/model/config.js';
import { WeightBinder, type WeightStore } from '../../src/model/weights.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { expectClose, measureError, type Measured } from '../helpers/compare.js';
import { testGpu, testTarget } from '../helpers/gpu.js';
import { fixtureTensor, type Fixture } from '../helpers/test-data.js';

/** Fixture tensor names of the backbone outputs the graph produces, in output order. */
export function backboneTensorNames(config: FianetConfig, withSwin: boolean): string[] {
  const names = withSwin ? ['patch_embed'] : [];
  config.model.depths.forEach((_, i) => {
    if (withSwin) names.push(`stage${i}.swin`);
    names.push(`stage${i}.fused`);
    if (withSwin) names.push(`stage${i}.stream`);
    names.push(`stage${i}.out`);
  });
  return names;
}

/**
 * Compiles the backbone for the fixture's image size with graph outputs named like the
 * fixture's tensors (without the sK. prefix); `withSwin` adds patch_embed, .swin and .stream.
 */
export async function compileBackbone(fx: Fixture, store: WeightStore, withSwin: boolean): Promise<CompiledGraph> {
  const [, , H, W] = fx.tensors.tensors.get('input.image')!.shape;
  const n = fx.tensors.tensors.get('s0.l_mask')!.shape[1];
  const ct = fx.config.model.fusion_text_dim;
  const g = new Graph(await testTarget());
  const b = new WeightBinder(g, store);
  const lang = (k: string) => ({ features: g.input(`bert.${k}`, [n, ct]), mask: g.input(`${k}_mask`, [n]) });
  const net = buildBackbone(g, b, fx.config, { image: g.input('image', [3, H, W]), l: lang('l'), t: lang('t'), p: lang('p') });
  b.finish();
  if (withSwin) g.output('patch_embed', net.patchEmbed);
  net.stages.forEach((s, i) => {
    if (withSwin) g.output(`stage${i}.swin`, s.swin);
    g.output(`stage${i}.fused`, s.fused);
    if (withSwin) g.output(`stage${i}.stream`, s.stream);
    g.output(`stage${i}.out`, s.out);
  });
  return CompiledGraph.compile(await testGpu(), g);
}

/** Runs sample `sample` (e.g. 's0') through the compiled backbone: its outputs by fixture name. */
export async function runSample(fx: Fixture, compiled: CompiledGraph, sample: string): Promise<Record<string, Float32Array>> {
  const read = (name: string) => fixtureTensor(fx.tensors, name);
  const inputs: Record<string, Float32Array> = { image: await read('input.image') };
  for (const k of ['l', 't', 'p']) {
    inputs[`bert.${k}`] = await read(`${sample}.bert.${k}`);
    inputs[`${k}_mask`] = await read(`${sample}.${k}_mask`);
  }
  return (await compiled.run(inputs)).outputs as Record<string, Float32Array>;
}

/**
 * Compares each output with `sample.name` of the fixture at atol = `relTol` x the tensor's
 * max-abs; returns the measured errors.
 */
export async function compareSample(fx: Fixture, sample: string, outputs: Record<string, Float32Array>, names: string[], relTol: number): Promise<Measured[]> {
  const errors: Measured[] = [];
  for (const name of names) {
    const expected = await fixtureTensor(fx.tensors, `${sample}.${name}`);
    const measured = measureError(`${sample}.${name}`, outputs[name], expected, (maxAbs) => relTol * maxAbs);
    errors.push(measured);
    expectClose(measured.name, outputs[name], expected, { atol: measured.atol, rtol: 0 }, fx.tensors.tensors.get(`${sample}.${name}`)!.shape.slice(1));
  }
  return errors;
}
