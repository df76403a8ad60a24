// The one place that says where the tests' reference data lives (the authors' fixtures, the demo
// run and the georeferenced scenes, all inside the repository; test/DATA.md says where each file
// came from, test/SHA256SUMS lists them) and the one way tests read fixture tensors.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { bytesSource, openSafetensors, type SafetensorsFile } from '../../src/io/safetensors.js';
import { parseConfig, type FianetConfig } from '../../src/model/config.js';
import { safetensorsStore, type WeightStore } from '../../src/model/weights.js';
import type { ExpressionTokens } from '../../src/model/segmenter.js';
import { parseVocab, type Vocab } from '../../src/text/vocab.js';

export const FIXTURES = new URL('../fixtures/', import.meta.url);
export const DEMO = new URL('../demo/', import.meta.url);
export const SCENES = new URL('../scenes/', import.meta.url);
/** The shipped examples (examples/): the demo split's example images, masks and expressions. */
export const EXAMPLES = new URL('../../examples/', import.meta.url);

/** A file under one of the roots above, as a path. */
export const dataPath = (root: URL, rel: string): string => fileURLToPath(new URL(rel, root));

export const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;

let vocab: Vocab | undefined;
export function fixtureVocab(): Vocab {
  vocab ??= parseVocab(readFileSync(new URL('vocab.txt', FIXTURES), 'utf8'));
  return vocab;
}

/** A safetensors file under test/fixtures (e.g. 'tiny/tensors.safetensors'), read whole (at most ~51 MB; no handle left open). */
export async function openFixtureFile(rel: string): Promise<SafetensorsFile> {
  return openSafetensors(bytesSource(await readFile(new URL(rel, FIXTURES)), rel));
}

export interface Fixture {
  config: FianetConfig;
  tensors: SafetensorsFile;
}

/** A fixture folder's config.json. */
export const fixtureConfig = (name: string): FianetConfig => parseConfig(readJson(new URL(`${name}/config.json`, FIXTURES)), `${name}/config.json`);

/** A fixture folder's config.json and tensors.safetensors (the reference run's inputs and outputs). */
export async function openFixture(name: string): Promise<Fixture> {
  return { config: fixtureConfig(name), tensors: await openFixtureFile(`${name}/tensors.safetensors`) };
}

/** A fixture folder's weights.safetensors as a weight store. */
export async function fixtureWeights(name: string): Promise<WeightStore> {
  return safetensorsStore(await openFixtureFile(`${name}/weights.safetensors`));
}

function checkShape(file: SafetensorsFile, name: string, shape?: readonly number[]): void {
  const info = file.tensors.get(name);
  expect(info, `fixture tensor ${name}`).toBeDefined();
  if (shape) expect(info!.shape, `${name}: shape`).toEqual(shape);
}

/** A fixture tensor as float32, failing unless it exists (and has `shape`, when given). */
export async function fixtureTensor(file: SafetensorsFile, name: string, shape?: readonly number[]): Promise<Float32Array> {
  checkShape(file, name, shape);
  return file.readF32(name);
}

/** An integer fixture tensor (ids, masks), failing unless it exists (and has `shape`, when given). */
export async function fixtureInts(file: SafetensorsFile, name: string, shape?: readonly number[]): Promise<Int32Array> {
  checkShape(file, name, shape);
  return file.readInt32(name);
}

/** Sample `sample`'s (e.g. 's0') stored token ids and l/t/p masks, as `segment({ tokens })` takes them. */
export async function fixtureTokens(file: SafetensorsFile, sample: string): Promise<ExpressionTokens> {
  const ids = async (n: string) => [...(await fixtureInts(file, `${sample}.${n}`))];
  return { input_ids: await ids('input_ids'), l_mask: await ids('l_mask'), t_mask: await ids('t_mask'), p_mask: await ids('p_mask') };
}
