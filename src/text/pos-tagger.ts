/**
 * Penn Treebank POS tags for Treebank words: wink-pos-tagger plus our rules (tag-rules.ts).
 * Why wink-pos-tagger (compared with en-pos and pos on the 205 hand-tagged expressions of
 * the demo set and fixtures): README.md. It is pure JavaScript with its lexicon in JS
 * modules, so it bundles for browsers (no fs at run time).
 */
import WinkTagger from 'wink-pos-tagger';
import { fixTags } from './tag-rules.js';

/** Tags one sentence's words, one Penn tag per word. */
export type PosTagger = (words: readonly string[]) => string[];

// Remote-sensing words that wink's lexicon lacks or lists with a first tag wrong for this
// domain (alternatives in wink's order of preference). Note: wink keeps one lexicon per
// process, so these entries also apply to any other wink-pos-tagger user in it.
const DOMAIN_LEXICON: Record<string, string[]> = {
  // nouns: wink reads "pier" as a comparative (pi-er), "canal" as JJ, "van" as a name and
  // "marking" (RefSegRS "road marking") as a verb
  pier: ['NN'],
  canal: ['NN'],
  van: ['NN'],
  marking: ['NN', 'VBG'],
  // colour and shape adjectives that wink takes for nouns or participles
  grey: ['JJ', 'NN', 'VB'],
  light: ['JJ', 'NN', 'VB', 'VBP', 'RB'],
  round: ['JJ', 'NN', 'IN', 'VBP', 'RB', 'VB'],
  square: ['JJ', 'NN', 'RB', 'VB', 'VBP'],
  elongated: ['JJ', 'VBN', 'VBD'],
  oblique: ['JJ'],
  adjacent: ['JJ'],
  // prepositions
  opposite: ['IN', 'JJ', 'NN'],
  underneath: ['IN', 'RB'],
};

const wink = new WinkTagger();
wink.updateLexicon(DOMAIN_LEXICON);

/** The default tagger. */
export const tagWords: PosTagger = (words) => {
  // Lower case: wink makes every capitalised noun or adjective a proper noun (NNP), and in
  // referring expressions capitals mark the start of a sentence, not names.
  const lower = words.map((w) => w.toLowerCase());
  return fixTags(lower, wink.tagRawTokens(lower).map((t) => t.pos));
};
