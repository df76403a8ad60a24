/**
 * Penn-Treebank-style word tokenizer: a port of NLTK's `word_tokenize` (NLTKWordTokenizer,
 * NLTK 3.9 rules) with preserve_line=True, which the fixtures' producer used. The default
 * preserve_line=False first splits sentences with punkt, which differs only for an
 * expression with a sentence-internal period ("the car. it is red": we keep "car." whole).
 *
 * The rules are NLTK's regexes, in NLTK's order, rewritten for JavaScript: Python's Unicode
 * \s \w \d \b become explicit classes and lookarounds (python-chars.ts), `$` also matches
 * before a final newline, and (?i) becomes the `i` flag.
 */
import { PY_SPACE, PY_WORD, pySplit } from './python-chars.js';

type Rule = readonly [RegExp, string];

const S = `[${PY_SPACE}]`;
const W = `[${PY_WORD}]`;
// Python's `$` without MULTILINE: the end, or just before a newline that ends the string.
const END = '(?=\\n?$)';
// \b before / after a word character
const B_START = `(?<!${W})`;
const B_END = `(?!${W})`;

const rx = (source: string, flags = '') => new RegExp(source, `gu${flags}`);

const STARTING_QUOTES: Rule[] = [
  [rx('([«“‘„]|[`]+)'), ' $1 '],
  [rx('^"'), '``'],
  [rx('(``)'), ' $1 '],
  [rx('([ ([{<])("|\'{2})'), '$1 `` '],
  // an opening single quote before a word that is not a clitic ('re, 've, 'll, ...)
  [rx(`(?<!${W})(')(?!(?:re|ve|ll|m|t|s|d|n)${B_END})(?=${W})`, 'i'), '$1 '],
];

const PUNCTUATION: Rule[] = [
  [rx(`([^.])(\\.)([\\])}>"'»”’ ]*)${S}*${END}`), '$1 $2 $3 '],
  [rx('([:,])([^\\p{Nd}])'), ' $1 $2'],
  [rx(`([:,])${END}`), ' $1 '],
  [rx('\\.{2,}'), ' $& '],
  [rx('[;@#$%&]'), ' $& '],
  [rx('[\\u2012-\\u2015]'), ' $& '], // figure dash, en and em dashes, horizontal bar
  [rx(`([^.])(\\.)([\\])}>"']*)${S}*${END}`), '$1 $2$3 '],
  [rx('[?!]'), ' $& '],
  [rx("([^'])' "), "$1 ' "],
  [rx('[*]'), ' $& '],
];

const PARENS_BRACKETS: Rule = [rx('[\\][(){}<>]'), ' $& '];
const DOUBLE_DASHES: Rule = [rx('--'), ' -- '];

const ENDING_QUOTES: Rule[] = [
  [rx('([»”’])'), ' $1 '],
  [rx("''"), " '' "],
  [rx('"'), " '' "],
  [rx(`${S}+`), ' '],
  [rx("([^' ])('[sS]|'[mM]|'[dD]|') "), '$1 $2 '],
  [rx("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), '$1 $2 '],
];

// Robert MacIntyre's contractions, as NLTK lists them ("cannot" -> "can not", ...).
const CONTRACTIONS: Rule[] = [
  [rx(`${B_START}(can)(not)${B_END}`, 'i'), ' $1 $2 '],
  [rx(`${B_START}(d)('ye)${B_END}`, 'i'), ' $1 $2 '],
  [rx(`${B_START}(gim)(me)${B_END}`, 'i'), ' $1 $2 '],
  [rx(`${B_START}(gon)(na)${B_END}`, 'i'), ' $1 $2 '],
  [rx(`${B_START}(got)(ta)${B_END}`, 'i'), ' $1 $2 '],
  [rx(`${B_START}(lem)(me)${B_END}`, 'i'), ' $1 $2 '],
  [rx(`${B_START}(more)('n)${B_END}`, 'i'), ' $1 $2 '],
  [rx(`${B_START}(wan)(na)(?=${S})`, 'i'), ' $1 $2 '],
  [rx(` ('t)(is)${B_END}`, 'i'), ' $1 $2 '],
  [rx(` ('t)(was)${B_END}`, 'i'), ' $1 $2 '],
];

const applyAll = (text: string, rules: readonly Rule[]) => rules.reduce((t, [re, sub]) => t.replace(re, sub), text);

/** Treebank words of `text` (NLTK word_tokenize with preserve_line=True). */
export function wordTokenize(text: string): string[] {
  let t = applyAll(text, STARTING_QUOTES);
  t = applyAll(t, PUNCTUATION);
  t = applyAll(t, [PARENS_BRACKETS, DOUBLE_DASHES]);
  t = applyAll(` ${t} `, ENDING_QUOTES);
  t = applyAll(t, CONTRACTIONS);
  return pySplit(t);
}
