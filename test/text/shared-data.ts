// Paths and loaders for ../shared, the reference's fixtures and demo set.
import { readFileSync } from 'node:fs';
import { parseVocab, type Vocab } from '../../src/text/vocab.js';

export const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);
export const DEMO = new URL('../../../shared/demo/', import.meta.url);

export const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;

let vocab: Vocab | undefined;
export function fixtureVocab(): Vocab {
  vocab ??= parseVocab(readFileSync(new URL('vocab.txt', FIXTURES), 'utf8'));
  return vocab;
}
