/**
 * Backbone behaviour beyond the golden tensors: dead work in the last stage, weights that do
 * not fit the config, missing weights, and image sizes that are not multiples of 32.
 */
import { describe, expect, it } from 'vitest';
import { buildBackbone } from '../../src/model/backbone.js';
import type { FianetConfig } from '../../src/model/config.js';
import { WeightBinder, type WeightStore } from '../../src/model/weights.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { randomArray } from '../helpers/compare.js';
import { testGpu, testTarget } from '../helpers/gpu.js';
import { fixtureWeights, openFixture } from '../helpers/test-data.js';

const WORDS = 20;
const options = await testTarget();

function build(config: FianetConfig, store: WeightStore, H: number, W: number) {
  const g = new Graph(options);
  const b = new WeightBinder(g, store);
  const ct = config.model.fusion_text_dim;
  const lang = (k: string) => ({ features: g.input(`bert.${k}`, [WORDS, ct]), mask: g.input(`${k}_mask`, [WORDS]) });
  const net = buildBackbone(g, b, config, { image: g.input('image', [3, H, W]), l: lang('l'), t: lang('t'), p: lang('p') });
  return { g, b, net };
}

function hiding(store: WeightStore, hidden: string[]): WeightStore {
  return { ...store, names: () => store.names().filter((n) => !hidden.includes(n)), shape: (n) => (hidden.includes(n) ? undefined : store.shape(n)) };
}

describe('swin backbone', () => {
  it('binds every backbone tensor but OPAB.go_embedding (unused by the reference)', async () => {
    const { config } = await openFixture('tiny');
    const { b } = build(config, await fixtureWeights('tiny'), 96, 96);
    const unused = b.finish().filter((n) => /^backbone\.(layers|patch_embed|norm\d)/.test(n));
    expect(unused).toEqual([0, 1, 2, 3].map((i) => `backbone.layers.${i}.object_position_align_blk.go_embedding.weight`));
  });

  it('drops the last stage\'s OPAB, gates, channel modulation and stream when only the stage outputs are asked for', async () => {
    const { config } = await openFixture('tiny');
    const { g, net } = build(config, await fixtureWeights('tiny'), 96, 96);
    net.stageOutputs.forEach((t, i) => g.output(`out${i}`, t));
    g.output('stream3', net.stages[3].stream);
    const compiled = await CompiledGraph.compile(await testGpu(), g, { outputs: ['out0', 'out1', 'out2', 'out3'] });
    try {
      const plan = compiled.describe();
      // Everything removed belongs to stage 3's FIAM outside its context branch (PWAM).
      expect(compiled.removed.length).toBeGreaterThan(0);
      for (const c of compiled.removed) expect(c.label).toMatch(/^swin\.s3\.fiam\.(modulation|ctx_gate|opab|combine)/);
      expect(plan).toMatch(new RegExp(`${compiled.removed.length} removed as dead work`));
      for (const part of ['modulation.token_mean', 'ctx_gate.fc2', 'opab.go_sila.out', 'opab.sp_sila.out', 'opab.spatial', 'combine']) {
        expect(plan).toContain(`swin.s3.fiam.${part}`);
      }
      expect(compiled.calls.some((c) => c.label === 'swin.s3.fiam.pwam.project_mm')).toBe(true);
      expect(compiled.calls.some((c) => c.label === 'swin.s2.fiam.combine')).toBe(true);
    } finally {
      compiled.destroy();
    }
  });

  it('names the first tensor whose shape does not fit the config (tiny weights as small)', async () => {
    const { config } = await openFixture('small');
    const store = await fixtureWeights('tiny');
    expect(() => build(config, store, 160, 160)).toThrow("weights.safetensors: tensor 'backbone.patch_embed.proj.weight' is [16, 3, 4, 4], expected [32, 3, 4, 4] for this config");
  });

  it('lists every missing tensor', async () => {
    const { config } = await openFixture('tiny');
    const missing = ['backbone.layers.1.blocks.0.attn.qkv.bias', 'backbone.layers.3.object_position_align_blk.conv1.weight', 'backbone.norm2.weight'];
    const { b } = build(config, hiding(await fixtureWeights('tiny'), missing), 96, 96);
    let message = '';
    try {
      b.finish();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('3 tensors missing for this config');
    expect(message).toContain('backbone.layers.1.blocks.0.attn.qkv.bias [96]');
    expect(message).toContain('backbone.layers.3.object_position_align_blk.conv1.weight [1, 2, 3, 3]');
    expect(message).toContain('backbone.norm2.weight [64]');
  });

  it('pads odd image sizes like the reference: 97x83 equals the image zero-padded to 100x84', async () => {
    // Stage sizes 25x21, 13x11, 7x6, 4x3: window padding (window 4) and merge padding at every stage.
    const { config } = await openFixture('tiny');
    const store = await fixtureWeights('tiny');
    const [H, W] = [97, 83];
    const [Hp, Wp] = [100, 84];
    const ct = config.model.fusion_text_dim;
    const lang: Record<string, Float32Array> = {};
    ['l', 't', 'p'].forEach((k, i) => {
      lang[`bert.${k}`] = randomArray(WORDS * ct, 10 + i, -2, 2);
      lang[`${k}_mask`] = Float32Array.from({ length: WORDS }, (_, j) => (j < 9 - 3 * i ? 1 : 0));
    });
    const image = randomArray(3 * H * W, 1, -2, 2.5);
    const padded = new Float32Array(3 * Hp * Wp);
    for (let c = 0; c < 3; c++) for (let y = 0; y < H; y++) padded.set(image.subarray((c * H + y) * W, (c * H + y + 1) * W), (c * Hp + y) * Wp);

    const run = async (h: number, w: number, img: Float32Array) => {
      const { g, net } = build(config, store, h, w);
      net.stages.forEach((s, i) => {
        g.output(`out${i}`, s.out);
        g.output(`stream${i}`, s.stream);
      });
      const compiled = await CompiledGraph.compile(await testGpu(), g);
      try {
        return { stages: net.stages.map((s) => [s.H, s.W]), outputs: (await compiled.run({ image: img, ...lang })).outputs };
      } finally {
        compiled.destroy();
      }
    };
    const odd = await run(H, W, image);
    const even = await run(Hp, Wp, padded);
    expect(odd.stages).toEqual([[25, 21], [13, 11], [7, 6], [4, 3]]);
    expect(even.stages).toEqual(odd.stages);
    for (const [name, values] of Object.entries(odd.outputs)) {
      expect(values.every(Number.isFinite), `${name} finite`).toBe(true);
      expect(values, name).toEqual(even.outputs[name]);
    }
  });
});
