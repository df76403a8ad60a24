// The formula-weights writer behind `npm run weights:base480` / `weights:base480c`, on the tiny config (2.4M values).
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConfig, inferConfig } from '../../src/io/infer-config.js';
import { openSafetensors } from '../../src/io/safetensors.js';
import { parseConfig, publishedConfig } from '../../src/model/config.js';
import { formulaTensor } from '../../src/model/formula-weights.js';
import { stateDictShapes } from '../../src/model/state-dict-shapes.js';
import { writeFormulaWeightsFile } from '../../src/node/formula-weights-file.js';
import { fileSource } from '../../src/node/safetensors-file.js';
import { fixtureConfig } from '../helpers/test-data.js';

const dir = mkdtempSync(join(tmpdir(), 'fianet-formula-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('formula weights file', () => {
  it('writes every state-dict tensor of the config, with the config in fianet_config metadata', async () => {
    const config = fixtureConfig('tiny');
    const path = join(dir, 'tiny-formula.safetensors');
    const progress: number[] = [];
    const summary = await writeFormulaWeightsFile(path, config, 'base480c', (done) => progress.push(done));
    const expected = stateDictShapes(config);
    expect(summary.tensors).toBe(expected.length);
    expect(progress.at(-1)).toBe(summary.params);
    expect(existsSync(`${path}.tmp-${process.pid}`)).toBe(false);

    const source = await fileSource(path);
    try {
      const file = await openSafetensors(source);
      expect(source.size).toBe(summary.bytes);
      expect([...file.tensors.values()].map((t) => `${t.name} ${t.shape}`).sort()).toEqual(expected.map((t) => `${t.name} ${t.shape}`).sort());
      const stored = parseConfig(JSON.parse(file.metadata.fianet_config), 'metadata');
      expect(stateDictShapes(stored)).toEqual(expected);
      expect(file.metadata.source).toMatch(/fixtures\/base480c/);
      // The last two differ between the rule sets: the file holds base480c's.
      for (const name of ['text_encoder.embeddings.word_embeddings.weight', 'backbone.tmem.bn.running_var', 'classifier.conv1_1.bias', 'classifier.conv1_1.weight', 'text_encoder.encoder.layer.0.output.dense.weight']) {
        const shape = expected.find((t) => t.name === name)!.shape;
        expect(await file.readF32(name), name).toEqual(formulaTensor(name, shape, 'base480c'));
      }
    } finally {
      await source.close?.();
    }
  });

  it('stores a base480 config that parses back and agrees with the tensor shapes', () => {
    const config = publishedConfig('rrsisd', 480);
    const parsed = parseConfig(JSON.parse(JSON.stringify(config)), 'fianet_config');
    expect(parsed).toEqual(config);
    checkConfig(config, inferConfig(new Map(stateDictShapes(config).map((t) => [t.name, t.shape]))), 'base480 config');
  });

  it('leaves no file behind when the path cannot be written', async () => {
    const config = fixtureConfig('tiny');
    await expect(writeFormulaWeightsFile(join(dir, 'missing-dir', 'x.safetensors'), config, 'base480')).rejects.toThrow(/cannot write/);
  });
});
