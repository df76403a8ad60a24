import { describe, expect, it } from 'vitest';
import { tagWords } from '../../src/text/pos-tagger.js';
import { wordTokenize } from '../../src/text/treebank.js';

const tagged = (text: string) => {
  const words = wordTokenize(text);
  const tags = tagWords(words);
  return words.map((w, i) => `${w}/${tags[i]}`).join(' ');
};

// One case per rule of tag-rules.ts and per group of the domain lexicon (pos-tagger.ts).
describe('POS tagger: wink-pos-tagger with our rules', () => {
  it.each([
    // capitals are not names
    ['White Car On The Left', 'White/JJ Car/NN On/IN The/DT Left/NN'],
    // unknown words: NNP -> NN, ordinals and hyphenated modifiers JJ
    ['the 2nd ship from the left', 'the/DT 2nd/JJ ship/NN from/IN the/DT left/NN'],
    ['the L-shaped building', 'the/DT L-shaped/JJ building/NN'],
    ['the two-lane road near the helipad', 'the/DT two-lane/JJ road/NN near/IN the/DT helipad/NN'],
    // position words: modifier JJ, head NN, untouched outside a noun phrase
    ['the car in the top left', 'the/DT car/NN in/IN the/DT top/JJ left/NN'],
    ['the tank in the upper right corner', 'the/DT tank/NN in/IN the/DT upper/JJ right/JJ corner/NN'],
    ['the ship in the northwest', 'the/DT ship/NN in/IN the/DT northwest/NN'],
    ['the back of the truck', 'the/DT back/NN of/IN the/DT truck/NN'],
    ['the right one', 'the/DT right/JJ one/CD'],
    ['the ship far from the shore', 'the/DT ship/NN far/RB from/IN the/DT shore/NN'],
    // -most adjectives
    ['the lowermost tank', 'the/DT lowermost/JJ tank/NN'],
    // domain lexicon
    ['the ship docked at the pier', 'the/DT ship/NN docked/VBN at/IN the/DT pier/NN'],
    ['the white road marking', 'the/DT white/JJ road/NN marking/NN'],
    ['the square building opposite the canal', 'the/DT square/JJ building/NN opposite/IN the/DT canal/NN'],
  ])('%j', (text, expected) => expect(tagged(text)).toBe(expected));

  it('no words, no tags', () => expect(tagWords([])).toEqual([]));
});
