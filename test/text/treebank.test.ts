import { describe, expect, it } from 'vitest';
import { wordTokenize } from '../../src/text/treebank.js';

// Outputs of NLTK's word_tokenize(text, preserve_line=True) (the doctest and unit-test
// examples of nltk.tokenize, plus remote-sensing phrases).
const CASES: [string, string[]][] = [
  ['Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks.', ['Good', 'muffins', 'cost', '$', '3.88', 'in', 'New', 'York.', 'Please', 'buy', 'me', 'two', 'of', 'them.', 'Thanks', '.']],
  ["They'll save and invest more.", ['They', "'ll", 'save', 'and', 'invest', 'more', '.']],
  ["hi, my name can't hello,", ['hi', ',', 'my', 'name', 'ca', "n't", 'hello', ',']],
  ['The DUP is similar to the "religious right" in the United States', ['The', 'DUP', 'is', 'similar', 'to', 'the', '``', 'religious', 'right', "''", 'in', 'the', 'United', 'States']],
  ["The 'v', I've been fooled but I'll seek revenge.", ['The', "'", 'v', "'", ',', 'I', "'ve", 'been', 'fooled', 'but', 'I', "'ll", 'seek', 'revenge', '.']],
  ["'v' 're'", ["'", 'v', "'", "'re", "'"]],
  ['This is a cooool #dummysmiley: :-) :-P <3 and some arrows < > -> <--', ['This', 'is', 'a', 'cooool', '#', 'dummysmiley', ':', ':', '-', ')', ':', '-P', '<', '3', 'and', 'some', 'arrows', '<', '>', '-', '>', '<', '--']],
  ["the ship's bow cannot be seen", ['the', 'ship', "'s", 'bow', 'can', 'not', 'be', 'seen']],
  ['"the car" on the left...', ['``', 'the', 'car', "''", 'on', 'the', 'left', '...']],
  ['1,000 cars at 3:00, (white)', ['1,000', 'cars', 'at', '3:00', ',', '(', 'white', ')']],
  ['the rectangular-shaped ship', ['the', 'rectangular-shaped', 'ship']],
  ['the road--left; gonna', ['the', 'road', '--', 'left', ';', 'gon', 'na']],
  ['“the white car” on the left', ['“', 'the', 'white', 'car', '”', 'on', 'the', 'left']],
  ['the bridge — near the river', ['the', 'bridge', '—', 'near', 'the', 'river']],
  ['the ship on the left.', ['the', 'ship', 'on', 'the', 'left', '.']],
  ['the ship on the left.\n', ['the', 'ship', 'on', 'the', 'left', '.']],
  ['is it the car?', ['is', 'it', 'the', 'car', '?']],
  ['  the\u00a0white   car  ', ['the', 'white', 'car']],
  ['', []],
];

describe('Treebank word tokenizer (NLTK word_tokenize)', () => {
  it.each(CASES)('%j', (text, words) => expect(wordTokenize(text)).toEqual(words));
});
