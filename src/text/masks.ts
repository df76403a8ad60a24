/**
 * The object (t) and position (p) masks, computed the way the reference's dataset code does
 * (data/rrsisd_refer_bert.py; DESIGN.md section 5), quirks included:
 * - positions are Treebank word index + 1 (the +1 skips [CLS]) put on the WordPiece
 *   sequence without re-alignment, so after a word split into pieces the masks drift;
 * - categories and their first words are regex searches, so "car" is found in "scarf" and
 *   "tree" in "street";
 * - a phrase is marked from the first occurrence of its first word, even when the chunk
 *   itself is a later occurrence;
 * - a phrase containing the letters "of" anywhere ("roof", "offshore") is dropped.
 * Where the reference's Python slice assignment would lengthen the mask (a word past the
 * last token), we clip to the token length instead: the lengthened mask could not be fed
 * to BERT anyway.
 */
import { FianetError } from '../errors.js';
import { chunk, PP_GRAMMAR } from './chunker.js';
import { wordTokenize } from './treebank.js';

export interface ObjectMask {
  mask: number[];
  /** the categories found, in list order */
  matched: string[];
}

export interface PositionMask {
  mask: number[];
  /** the chunked phrases kept (those without "of"), left to right */
  phrases: string[];
  /** true when no phrase marked any token and p became a copy of l */
  fellBack: boolean;
}

function searchRegExp(pattern: string, what: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (e) {
    throw new FianetError('bad-input', `${what} '${pattern}' is not a valid regular expression (${(e as Error).message}); categories are matched as regexes, as in the reference`);
  }
}

/** Set mask[from .. from + count - 1] to 1, clipped to the mask. */
function mark(mask: number[], from: number, count: number): void {
  for (let i = from; i < Math.min(from + count, mask.length); i++) mask[i] = 1;
}

/** The t mask of `sentence` (its Treebank `words`) over `length` tokens. */
export function objectMask(sentence: string, words: readonly string[], categories: readonly string[], length: number): ObjectMask {
  const mask = new Array<number>(length).fill(0);
  const matched: string[] = [];
  for (const category of categories) {
    if (!searchRegExp(category, 'category').test(sentence)) continue;
    matched.push(category);
    const categoryWords = wordTokenize(category);
    if (categoryWords.length === 0) throw new FianetError('bad-input', `category '${category}' has no words`);
    const first = searchRegExp(categoryWords[0]!, 'category word');
    // no word contains it (the category spans a word boundary): the reference keeps index 0
    const index = Math.max(0, words.findIndex((w) => first.test(w)));
    mark(mask, index + 1, categoryWords.length);
  }
  return { mask, matched };
}

/** The p mask of Treebank `words` with POS `tags`; `lMask` is the attention mask it falls back to. */
export function positionMask(words: readonly string[], tags: readonly string[], lMask: readonly number[]): PositionMask {
  const mask = new Array<number>(lMask.length).fill(0);
  const phrases = chunk(tags, PP_GRAMMAR)
    .map(({ start, end }) => words.slice(start, end).join(' '))
    .filter((phrase) => !phrase.includes('of'));
  for (const phrase of phrases) {
    // the reference re-tokenizes the joined phrase and looks for its first word by equality
    const phraseWords = wordTokenize(phrase);
    const index = Math.max(0, words.indexOf(phraseWords[0]!));
    mark(mask, index + 1, phraseWords.length);
  }
  const fellBack = !mask.includes(1);
  return { mask: fellBack ? [...lMask] : mask, phrases, fellBack };
}
