/**
 * The reference's BertTokenizer (HF transformers 3.0.2, created with from_pretrained on a
 * folder holding only vocab.txt): special-token split, BasicTokenizer, greedy
 * longest-match-first WordPiece, then [CLS] ... [SEP]. No truncation here: see
 * encode-expression.ts.
 */
import { basicTokenize } from './basic-tokenizer.js';
import type { Vocab } from './vocab.js';

/** from_pretrained registers these as no-split tokens: they are cut out of the text
 * wherever they occur, even inside a word ("car[SEP]left"), and only in upper case. */
const SPECIAL = /(\[UNK\]|\[SEP\]|\[PAD\]|\[CLS\]|\[MASK\])/;

const MAX_WORD_CHARS = 100;

/** WordPiece pieces of one basic-tokenizer word; a word longer than 100 code points, or
 * with a part no vocabulary piece covers, is one [UNK]. */
export function wordpieces(word: string, vocab: Vocab): string[] {
  const chars = Array.from(word); // Python counts and slices code points, not UTF-16 units
  if (chars.length > MAX_WORD_CHARS) return ['[UNK]'];
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = chars.length;
    let piece: string | undefined;
    while (start < end) {
      const candidate = (start > 0 ? '##' : '') + chars.slice(start, end).join('');
      if (vocab.ids.has(candidate)) {
        piece = candidate;
        break;
      }
      end -= 1;
    }
    if (piece === undefined) return ['[UNK]'];
    pieces.push(piece);
    start = end;
  }
  return pieces;
}

/** Token strings of a text, without [CLS] / [SEP] (the reference's tokenizer.tokenize). */
export function bertTokenize(text: string, vocab: Vocab): string[] {
  const tokens: string[] = [];
  text.split(SPECIAL).forEach((part, i) => {
    // split() with a capture group puts the special tokens at the odd indices
    if (i % 2 === 1) tokens.push(part);
    else for (const word of basicTokenize(part)) tokens.push(...wordpieces(word, vocab));
  });
  return tokens;
}

export interface BertEncoding {
  /** [CLS] id, piece ids, [SEP] id; not truncated, not padded */
  ids: number[];
  /** the token strings of `ids` */
  pieces: string[];
}

/** The reference's `tokenizer.encode(text, add_special_tokens=True)`. */
export function bertEncode(text: string, vocab: Vocab): BertEncoding {
  const pieces = ['[CLS]', ...bertTokenize(text, vocab), '[SEP]'];
  // A piece missing from the vocabulary ([MASK] in a vocab without it) maps to [UNK], as
  // in convert_tokens_to_ids.
  const ids = pieces.map((p) => vocab.ids.get(p) ?? vocab.unkId);
  return { ids, pieces };
}
