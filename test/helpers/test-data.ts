// The one place that says where the tests' reference data lives: the authors' fixtures, the demo
// run and the georeferenced scenes, all inside the repository (test/DATA.md says where each file
// came from; test/SHA256SUMS lists them). Every test reaches them through these roots.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
