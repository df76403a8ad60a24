/**
 * A BERT WordPiece vocabulary: one token per line, token id = line number - 1.
 * Parsed from text so that browsers and Node share it (src/node/vocab-file.ts reads files).
 */
import { FianetError } from '../errors.js';

export interface Vocab {
  /** token -> id */
  readonly ids: ReadonlyMap<string, number>;
  /** id -> token */
  readonly tokens: readonly string[];
  readonly clsId: number;
  readonly sepId: number;
  readonly unkId: number;
}

const REQUIRED = ['[CLS]', '[SEP]', '[UNK]', '[PAD]'] as const;

/**
 * Line splitting follows the reference's `load_vocab` (Python text mode: universal newlines,
 * only the newline stripped), so a token may contain spaces and an empty line is a token.
 * A later duplicate overrides an earlier one, as in its dict.
 */
export function parseVocab(text: string, source = 'vocabulary'): Vocab {
  const tokens = text.split(/\r\n|\r|\n/);
  if (tokens.length > 1 && tokens[tokens.length - 1] === '') tokens.pop();
  const ids = new Map<string, number>();
  tokens.forEach((token, id) => ids.set(token, id));
  const missing = REQUIRED.filter((t) => !ids.has(t));
  if (missing.length > 0) {
    throw new FianetError(
      'bad-input',
      `${source}: ${tokens.length} lines but no ${missing.join(', ')} line; a BERT WordPiece vocabulary (one token per line, ` +
        `id = line number - 1) needs ${REQUIRED.join(', ')}: use weights/vocab.txt (bert-base-uncased)`,
    );
  }
  // The reference pads input_ids with a literal 0, so only a vocabulary whose [PAD] is id 0
  // gives padding that means [PAD].
  if (ids.get('[PAD]') !== 0) {
    throw new FianetError('bad-input', `${source}: [PAD] is on line ${ids.get('[PAD]')! + 1}, expected line 1 (id 0, the padding id the model uses)`);
  }
  return { ids, tokens, clsId: ids.get('[CLS]')!, sepId: ids.get('[SEP]')!, unkId: ids.get('[UNK]')! };
}
