/**
 * Our corrections to the tagger's Penn tags, each for a systematic error of wink-pos-tagger
 * on referring expressions (measured on the demo set, see README.md); single words it
 * gets wrong are fixed in its lexicon instead (pos-tagger.ts). The rules touch only the
 * words they name; everything else keeps the tagger's tag.
 *
 * 1. Unknown words. wink guesses NNP for words missing from its lexicon ("bikeway",
 *    "rectangular-shaped", "1st"). Words are tagged in lower case (pos-tagger.ts), so no
 *    NNP is a real name: NNP -> NN, NNPS -> NNS; an ordinal
 *    written in digits is JJ like "second"; a hyphenated compound is JJ when it ends in
 *    -ed ("l-shaped", "red-roofed") or modifies a following noun ("two-lane road").
 * 2. Position words in a noun phrase. wink reads "left" as the verb (VBN) in "on the left",
 *    "far"/"north"/"upper" as adverbs in "the far left", "the north side", "the upper left",
 *    and "top" as JJ in "at the top". Inside a noun phrase (after a determiner, possessive,
 *    number, adjective, or at the start) a position word is a modifier (JJ; JJR/JJS kept
 *    for comparatives) when a noun or another position word follows, and the head (NN) when
 *    it ends the phrase. The same words elsewhere ("far from", "the car that left") keep the
 *    tagger's tag.
 * 3. -most position adjectives ("leftmost", "topmost"), unknown to wink, are JJ.
 */

const POSITION_NOUNS = new Set([
  'left', 'right', 'top', 'bottom', 'middle', 'center', 'centre', 'front', 'back', 'rear',
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
]);
const POSITION_WORDS = new Set([
  ...POSITION_NOUNS,
  'upper', 'lower', 'far', 'central', 'inner', 'outer', 'northern', 'southern', 'eastern', 'western',
]);
const MOST = /^(?:left|right|top|bottom|upper|lower|inner|outer|north|south|east|west|northern|southern|eastern|western)most$/;

// Tags after which a word is still inside a noun phrase.
const NP_CONTEXT = new Set(['DT', 'PDT', 'PRP$', 'POS', 'CD', 'JJ', 'JJR', 'JJS']);

const ORDINAL = /^\d+(?:st|nd|rd|th)$/;

const isNominal = (word: string | undefined, tag: string | undefined) =>
  word !== undefined && (tag!.startsWith('NN') || POSITION_WORDS.has(word) || word === 'one' || word === 'ones');

function asModifier(tag: string): string {
  if (tag.startsWith('JJ')) return tag;
  if (tag === 'RBR') return 'JJR';
  if (tag === 'RBS') return 'JJS';
  return 'JJ';
}

function unknownWord(word: string, nextTag: string | undefined): string {
  if (ORDINAL.test(word)) return 'JJ';
  const compound = word.includes('-') && /[a-z]/.test(word);
  if (compound && (word.endsWith('ed') || (nextTag?.startsWith('NN') ?? false))) return 'JJ';
  return 'NN';
}

/** Corrected tags for lower-case `words` tagged `tags` by wink-pos-tagger. */
export function fixTags(words: readonly string[], tags: readonly string[]): string[] {
  const out = [...tags];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const tag = out[i]!;
    if (MOST.test(word)) out[i] = 'JJ';
    else if (tag === 'NNPS') out[i] = 'NNS';
    else if (tag === 'NNP') out[i] = unknownWord(word, tags[i + 1]);
    if (!POSITION_WORDS.has(word)) continue;
    const inPhrase = i === 0 || NP_CONTEXT.has(out[i - 1]!);
    if (!inPhrase) continue;
    if (isNominal(words[i + 1], tags[i + 1])) out[i] = asModifier(out[i]!);
    else if (POSITION_NOUNS.has(word)) out[i] = 'NN';
  }
  return out;
}

