/**
 * Node adapter: reads a WordPiece vocabulary file (src/text/vocab.ts parses it) and knows
 * where the package's own copy lives.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FianetError } from '../errors.js';
import { parseVocab, type Vocab } from '../text/vocab.js';
import { readBoundedText } from './read-bounded.js';

/**
 * weights/vocab.txt of this package. The package root is the nearest folder above this
 * module with a package.json: one level up from the bundle dist/cli.js, two from
 * src/node/ when the sources run under the tests.
 */
export function defaultVocabPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new FianetError('bad-input', `no package.json above ${fileURLToPath(import.meta.url)}: pass the vocabulary file explicitly`);
    dir = parent;
  }
  return join(dir, 'weights', 'vocab.txt');
}

export async function loadVocabFile(path: string): Promise<Vocab> {
  return parseVocab(await readBoundedText(path, 'vocabulary file'), path);
}
