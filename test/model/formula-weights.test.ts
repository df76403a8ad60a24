/**
 * The weight formula's two rule sets against their fixtures' weights_manifest.json: the first
 * and probe values of every tensor (drawn directly, no tensor generated), and exact sums on a
 * sample including the 23.4M-value word embeddings and one tensor of each base480c rule;
 * every tensor's sums are checked in test/full/formula-weights.test.ts. The state-dict
 * name/shape list of a config against the manifest (base480) and the stored weights (tiny, small).
 */
import { describe, expect, it } from 'vitest';
import { inferConfig, checkConfig } from '../../src/io/infer-config.js';
import { publishedConfig } from '../../src/model/config.js';
import { fnv1a32, formulaRule, formulaTensor, formulaValue, formulaWeightsFor, parseFormulaRuleSet, FORMULA_RULE_SETS } from '../../src/model/formula-weights.js';
import { stateDictShapes } from '../../src/model/state-dict-shapes.js';
import { fixtureConfig, openFixtureFile } from '../helpers/test-data.js';
import { checkManifestEntry, loadManifest } from './manifest.js';

describe('weight formula', () => {
  it('hashes names with FNV-1a-32 as the reference does', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    const manifest = loadManifest();
    for (const e of manifest.tensors.slice(0, 50)) expect(fnv1a32(e.name), e.name).toBe(Number(e.fnv1a32));
  });

  it('picks offset and scale by the rules, in order', () => {
    expect(formulaRule('backbone.tmem.bn.running_var', [480])).toEqual({ offset: 1, scale: 0.25 });
    expect(formulaRule('x.relative_position_bias_table', [529, 4])).toEqual({ offset: 0, scale: 0.5 });
    expect(formulaRule('a.weight', [7])).toEqual({ offset: 1, scale: 0.1 });
    expect(formulaRule('a.bias', [7])).toEqual({ offset: 0, scale: 0.05 });
    expect(formulaRule('a.weight', [4, 3, 2])).toEqual({ offset: 0, scale: Math.sqrt(3 / 6) });
    expect(() => formulaRule('a.scale', [7])).toThrow(/no rule for "a.scale"/);
  });

  it('tries base480c\'s three rules first, and only in base480c', () => {
    const bert = 'text_encoder.encoder.layer.4.attention.output.dense.weight';
    expect(formulaRule(bert, [768, 768], 'base480c')).toEqual({ offset: 0, scale: 0.01 });
    expect(formulaRule(bert, [768, 768], 'base480')).toEqual({ offset: 0, scale: Math.sqrt(3 / 768) });
    expect(formulaRule('text_encoder.encoder.layer.4.output.dense.weight', [768, 3072], 'base480c')).toEqual({ offset: 0, scale: 0.01 });
    expect(formulaRule('text_encoder.encoder.layer.4.output.dense.bias', [768], 'base480c')).toEqual({ offset: 0, scale: 0.05 });
    expect(formulaRule('backbone.layers.1.object_position_align_blk.go_cross_attn.W.0.bias', [256], 'base480c')).toEqual({ offset: 0, scale: 0.002 });
    expect(formulaRule('backbone.layers.1.object_position_align_blk.go_cross_attn.W.1.weight', [256], 'base480c')).toEqual({ offset: 1, scale: 0.1 });
    expect(formulaRule('classifier.conv1_1.weight', [2, 512, 1, 1], 'base480c')).toEqual({ offset: 0, scale: 1 });
    expect(parseFormulaRuleSet('base480c')).toBe('base480c');
    expect(() => parseFormulaRuleSet('base480d')).toThrow(/unknown weight formula rule set "base480d": expected base480 or base480c/);
  });

  for (const ruleSet of FORMULA_RULE_SETS) {
    it(`${ruleSet}: gives every manifest tensor's first and probe values`, () => {
      for (const e of loadManifest(ruleSet).tensors) {
        const probes = [...e.first.map((v, i) => [i, v]), ...Object.entries(e.at).map(([i, v]) => [Number(i), v])];
        for (const [i, v] of probes) expect(formulaValue(e.name, e.shape, i, ruleSet), `${e.name}[${i}]`).toBe(v);
      }
    });
  }

  it('base480c: changes exactly the 33 tensors of its three rules, and reproduces one of each exactly', () => {
    const changed = loadManifest('base480c').tensors.filter((e) => e.rule.startsWith('base480c:'));
    expect(changed).toHaveLength(33);
    const ours = loadManifest('base480c').tensors.filter((e) => formulaRule(e.name, e.shape, 'base480c').scale !== formulaRule(e.name, e.shape, 'base480').scale);
    expect(ours.map((e) => e.name)).toEqual(changed.map((e) => e.name));
    for (const name of [
      'text_encoder.encoder.layer.0.attention.output.dense.weight',
      'text_encoder.encoder.layer.11.output.dense.weight',
      'backbone.layers.3.object_position_align_blk.go_cross_attn.W.0.weight',
      'backbone.layers.3.object_position_align_blk.go_cross_attn.W.0.bias',
      'classifier.conv1_1.weight',
    ]) {
      const e = changed.find((t) => t.name === name)!;
      checkManifestEntry(e, formulaTensor(e.name, e.shape, 'base480c'));
    }
  });

  const sample = [
    'backbone.patch_embed.proj.weight',
    'backbone.layers.0.blocks.0.attn.relative_position_bias_table',
    'backbone.layers.2.blocks.17.attn.qkv.weight',
    'backbone.tmem.bn.running_mean',
    'backbone.tmem.bn.running_var',
    'backbone.layers.0.object_position_align_blk.conv1.weight',
    'text_encoder.embeddings.word_embeddings.weight',
    'text_encoder.embeddings.LayerNorm.weight',
    'text_encoder.encoder.layer.11.output.LayerNorm.bias',
  ];
  for (const name of sample) {
    it(`reproduces ${name} exactly`, () => {
      const entry = loadManifest().tensors.find((e) => e.name === name)!;
      checkManifestEntry(entry, formulaTensor(entry.name, entry.shape));
    });
  }

  it('serves every state-dict tensor of a config through a WeightStore', async () => {
    const store = formulaWeightsFor(publishedConfig('rrsisd'));
    expect(store.names()).toHaveLength(842);
    expect(store.shape('text_encoder.encoder.layer.3.intermediate.dense.weight')).toEqual([3072, 768]);
    const bias = await store.load('text_encoder.encoder.layer.11.output.LayerNorm.bias');
    checkManifestEntry(loadManifest().tensors.at(-1)!, bias);
    await expect(store.load('text_encoder.pooler.dense.weight')).rejects.toThrow(/no tensor "text_encoder.pooler.dense.weight"/);
  });
});

describe('state-dict shapes', () => {
  const list = (cfg: Parameters<typeof stateDictShapes>[0]) => stateDictShapes(cfg).map((t) => `${t.name} [${t.shape.join(', ')}]`);

  it('lists the base480 manifest (names, shapes, order) for the published RRSIS-D config and for base480/config.json', () => {
    const expected = loadManifest().tensors.map((e) => `${e.name} [${e.shape.join(', ')}]`);
    expect(list(publishedConfig('rrsisd'))).toEqual(expected);
    expect(list(fixtureConfig('base480'))).toEqual(expected);
    expect(loadManifest().n_params).toBe(stateDictShapes(publishedConfig('rrsisd')).reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0));
  });

  for (const fixture of ['tiny', 'small']) {
    it(`lists exactly the tensors of ${fixture}/weights.safetensors`, async () => {
      const config = fixtureConfig(fixture);
      const file = await openFixtureFile(`${fixture}/weights.safetensors`);
      const stored = [...file.tensors.values()].map((t) => `${t.name} [${t.shape.join(', ')}]`).sort();
      expect([...list(config)].sort()).toEqual(stored);
    });
  }

  it('agrees with the config inferred from its own shapes (RefSegRS preset)', () => {
    const config = publishedConfig('refsegrs');
    const shapes = stateDictShapes(config);
    expect(shapes.filter((t) => t.name.startsWith('backbone.tmem.block.')).length).toBe(16);
    checkConfig(config, inferConfig(new Map(shapes.map((t) => [t.name, t.shape]))), 'refsegrs preset');
    checkConfig(publishedConfig('rrsisd'), inferConfig(new Map(stateDictShapes(publishedConfig('rrsisd')).map((t) => [t.name, t.shape]))), 'rrsisd preset');
  });

  it('refuses a config whose tmem_dim is not the sum of the stage channels', () => {
    const config = publishedConfig('rrsisd');
    config.model.tmem_dim = 480;
    expect(() => stateDictShapes(config)).toThrow(/tmem_dim is 480, but TMEM concatenates the stage outputs \(128 \+ 256 \+ 512 \+ 1024 = 1920\)/);
  });
});

