/**
 * One referring expression -> the model's text inputs: token ids and the l / t / p masks
 * (DESIGN.md sections 1 and 5), the way the reference's dataset code builds them.
 */
import { FianetError } from '../errors.js';
import { datasetText, type DatasetName } from './categories.js';
import { objectMask, positionMask } from './masks.js';
import { tagWords, type PosTagger } from './pos-tagger.js';
import { pyIsBlank } from './python-chars.js';
import { wordTokenize } from './treebank.js';
import type { Vocab } from './vocab.js';
import { bertEncode } from './wordpiece.js';

export interface EncodeOptions {
  vocab: Vocab;
  /** category list and default length; default 'rrsisd' */
  dataset?: DatasetName;
  /** replaces the dataset's category list */
  categories?: readonly string[];
  /** token length (default: the dataset's, 22 or 20); 0 = no truncation and no padding */
  maxTokens?: number;
  /** default: tagWords (wink-pos-tagger with our rules) */
  tagger?: PosTagger;
}

export interface EncodedExpression {
  /** [CLS] pieces [SEP], truncated to maxTokens (which can cut [SEP]), then 0-padded */
  input_ids: number[];
  /** attention mask: 1 on real tokens */
  l_mask: number[];
  /** object mask: the category words (at Treebank word index + 1) */
  t_mask: number[];
  /** position mask: the kept PP chunks (at Treebank word index + 1), or l_mask when none */
  p_mask: number[];
  /** the token strings of the real (unpadded) tokens */
  wordpieces: string[];
  /** Treebank words */
  words: string[];
  /** Penn POS tag of each word */
  tags: string[];
  /** categories found in the expression */
  objects: string[];
  /** PP phrases that marked p_mask */
  phrases: string[];
  /** things the caller should show the user (truncation) */
  warnings: string[];
}

export function encodeExpression(text: string, options: EncodeOptions): EncodedExpression {
  const dataset = datasetText(options.dataset ?? 'rrsisd');
  const maxTokens = options.maxTokens ?? dataset.maxTokens;
  if (!Number.isInteger(maxTokens) || maxTokens < 0) {
    throw new FianetError('bad-input', `max tokens must be a whole number >= 0 (0 = no truncation), got ${maxTokens}`);
  }
  if (pyIsBlank(text)) throw new FianetError('bad-input', 'the referring expression is empty: give a sentence such as "the white car on the left"');

  const { ids, pieces } = bertEncode(text, options.vocab);
  const warnings: string[] = [];
  const length = maxTokens === 0 ? ids.length : maxTokens;
  const kept = Math.min(ids.length, length);
  if (kept < ids.length) {
    warnings.push(
      `expression truncated: ${ids.length} tokens with [CLS]/[SEP], the model takes ${maxTokens}; ` +
        `dropped ${JSON.stringify(pieces.slice(kept).join(' '))} (the reference truncates the same way, [SEP] included)`,
    );
  }
  const pad = (values: number[]) => [...values.slice(0, kept), ...new Array<number>(length - kept).fill(0)];
  const input_ids = pad(ids);
  const l_mask = pad(ids.map(() => 1));

  const words = wordTokenize(text);
  const objects = objectMask(text, words, options.categories ?? dataset.categories, length);
  const tags = (options.tagger ?? tagWords)(words);
  if (tags.length !== words.length) {
    throw new FianetError('bad-input', `the POS tagger returned ${tags.length} tags for ${words.length} words (${words.join(' ')})`);
  }
  const positions = positionMask(words, tags, l_mask);
  return {
    input_ids,
    l_mask,
    t_mask: objects.mask,
    p_mask: positions.mask,
    wordpieces: pieces.slice(0, kept),
    words,
    tags,
    objects: objects.matched,
    phrases: positions.phrases,
    warnings,
  };
}
