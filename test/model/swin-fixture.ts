/**
 * Runs the backbone on a fixture (tiny, small, base480) with the fixture's BERT outputs and
 * masks fed directly as graph inputs, and compares every stage tensor the fixture stores.
 * One compiled graph serves all samples of a fixture.
 */
import { expect } from 'vitest';
import { openSafetensors, type SafetensorsFile } from '../../src/io/safetensors.js';
import { buildBackbone } from '../../src/model/backbone.js';
import { parseConfig, type FianetConfig } from '../../src/model/config.js';
import { safetensorsStore, WeightBinder, type WeightStore } from '../../src/model/weights.js';
import { fileSource } from '../../src/node/safetensors-file.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { expectClose } from '../helpers/compare.js';
import { testGpu, testTarget } from '../helpers/gpu.js';
import { measureError, type Measured } from '../helpers/measured-error.js';
import { FIXTURES, readJson } from '../helpers/test-data.js';

export interface Fixture {
  config: FianetConfig;
  tensors: SafetensorsFile;
}

export async function openFixture(name: string): Promise<Fixture> {
  const dir = new URL(`${name}/`, FIXTURES);
  return {
    config: parseConfig(readJson(new URL('config.json', dir)), `${name}/config.json`),
    tensors: await openSafetensors(await fileSource(new URL('tensors.safetensors', dir).pathname)),
  };
}

export async function fixtureWeights(name: string): Promise<WeightStore> {
  return safetensorsStore(await openSafetensors(await fileSource(new URL(`${name}/weights.safetensors`, FIXTURES).pathname)));
}

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
  const read = (name: string) => fx.tensors.readF32(name);
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
    const info = fx.tensors.tensors.get(`${sample}.${name}`);
    expect(info, `${sample}.${name} in the fixture`).toBeDefined();
    const expected = await fx.tensors.readF32(`${sample}.${name}`);
    const measured = measureError(`${sample}.${name}`, outputs[name], expected, (maxAbs) => relTol * maxAbs);
    errors.push(measured);
    expectClose(measured.name, outputs[name], expected, { atol: measured.atol, rtol: 0 }, info!.shape.slice(1));
  }
  return errors;
}
