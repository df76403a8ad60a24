/**
 * BERT's BasicTokenizer as vendored by the reference (HF transformers 3.0.2,
 * bert/tokenization_bert.py) with do_lower_case and tokenize_chinese_chars on.
 * Deliberately missing, because the reference lacks it: `_clean_text` is never called, so
 * control and format characters (NUL, ZWSP, soft hyphen, U+FFFD...) stay inside words and
 * are not whitespace (see the notes of fixtures/tokenizer/cases.json).
 */
import { pySplit } from './python-chars.js';

// _is_chinese_char: the CJK Unified Ideograph blocks only; Hangul, Kana and full-width
// Latin are not split.
const CJK = /([\u{4E00}-\u{9FFF}\u{3400}-\u{4DBF}\u{20000}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}\u{2B820}-\u{2CEAF}\u{F900}-\u{FAFF}\u{2F800}-\u{2FA1F}])/gu;

// _is_punctuation: all non-alphanumeric printable ASCII, plus Unicode category P*.
const PUNCT = /([!-/:-@[-`{-~]|\p{P})/u;
const PUNCT_SPLIT = /([!-/:-@[-`{-~]|\p{P})/gu;

const MARK = /\p{Mn}/gu;

/** Python str.lower() then NFD without nonspacing marks (_run_strip_accents). */
function lowerStripAccents(word: string): string {
  // JS toLowerCase and Python str.lower both apply the full Unicode mapping, final sigma
  // included, on the whole whitespace-separated word (cases.json, "ΟΔΟΣ").
  return word.toLowerCase().normalize('NFD').replace(MARK, '');
}

/** Words of one text (the reference's basic_tokenizer.tokenize). */
export function basicTokenize(text: string): string[] {
  const spaced = text.replace(CJK, ' $1 ');
  const words: string[] = [];
  for (const word of pySplit(spaced)) {
    const lowered = lowerStripAccents(word);
    if (!PUNCT.test(lowered)) {
      if (lowered !== '') words.push(lowered);
      continue;
    }
    for (const piece of lowered.split(PUNCT_SPLIT)) if (piece !== '') words.push(piece);
  }
  return words;
}
