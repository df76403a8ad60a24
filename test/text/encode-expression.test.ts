import { describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { encodeExpression } from '../../src/text/encode-expression.js';
import { fixtureVocab } from '../helpers/test-data.js';

const vocab = fixtureVocab();

function errorOf(f: () => unknown): FianetError {
  try {
    f();
  } catch (e) {
    if (e instanceof FianetError) return e;
    throw e;
  }
  throw new Error('expected a FianetError');
}

describe('encodeExpression', () => {
  it('pads to the dataset length: 22 for rrsisd, 20 for refsegrs', () => {
    const r = encodeExpression('the ship on the left', { vocab });
    expect(r.input_ids).toEqual([101, 1996, 2911, 2006, 1996, 2187, 102, ...new Array(15).fill(0)]);
    expect(r.l_mask).toEqual([1, 1, 1, 1, 1, 1, 1, ...new Array(15).fill(0)]);
    expect(r.wordpieces).toEqual(['[CLS]', 'the', 'ship', 'on', 'the', 'left', '[SEP]']);
    expect(r.warnings).toEqual([]);
    expect(encodeExpression('the car on the left', { vocab, dataset: 'refsegrs' }).input_ids).toHaveLength(20);
  });

  it('maxTokens 0: no truncation and no padding', () => {
    const text = 'the second white car from the left parked next to the long gray building on the north side of the main road';
    const r = encodeExpression(text, { vocab, maxTokens: 0 });
    expect(r.input_ids).toHaveLength(24);
    expect(r.input_ids.at(-1)).toBe(102);
    expect(r.l_mask).toEqual(new Array(24).fill(1));
    expect(r.t_mask).toHaveLength(24);
    expect(r.p_mask).toHaveLength(24);
    expect(r.warnings).toEqual([]);
  });

  it('truncates after adding [CLS]/[SEP], so [SEP] is cut, and says so', () => {
    const text = 'the second white car from the left parked next to the long gray building on the north side of the main road';
    const r = encodeExpression(text, { vocab, maxTokens: 20 });
    expect(r.input_ids).toEqual([101, 1996, 2117, 2317, 2482, 2013, 1996, 2187, 9083, 2279, 2000, 1996, 2146, 3897, 2311, 2006, 1996, 2167, 2217, 1997]);
    expect(r.wordpieces.at(-1)).toBe('of');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/truncated: 24 tokens .* takes 20; dropped "the main road \[SEP\]"/);
  });

  it('a word past the last token is clipped from the masks; p falls back to l when nothing is left', () => {
    const r = encodeExpression('the car on the left', { vocab, maxTokens: 3, categories: ['left'] });
    expect(r.input_ids).toEqual([101, 1996, 2482]);
    expect(r.t_mask).toEqual([0, 0, 0]); // "left" is word 4: position 5
    expect(r.p_mask).toEqual(r.l_mask);
  });

  it('an expression without category or phrase: t all zero, p = l', () => {
    const r = encodeExpression('something blue', { vocab });
    expect(r.t_mask).toEqual(new Array(22).fill(0));
    expect(r.p_mask).toEqual(r.l_mask);
    expect(r.objects).toEqual([]);
    expect(r.phrases).toEqual([]);
  });

  it('takes a caller category list, matched as regexes like the reference', () => {
    const r = encodeExpression('the scarf near the ship', { vocab, categories: ['car'] });
    expect(r.objects).toEqual(['car']);
    expect(r.t_mask.slice(0, 4)).toEqual([0, 0, 1, 0]);
    expect(encodeExpression('the boat', { vocab, categories: ['bo+at'] }).objects).toEqual(['bo+at']);
  });

  it('takes a caller tagger', () => {
    const r = encodeExpression('the ship on the left', { vocab, tagger: (w) => w.map(() => 'NN') });
    expect(r.tags).toEqual(['NN', 'NN', 'NN', 'NN', 'NN']);
    expect(r.p_mask).toEqual(r.l_mask);
  });

  it('rejects an empty or whitespace-only expression', () => {
    for (const text of ['', '   ', '\t\n', '\u3000']) {
      const e = errorOf(() => encodeExpression(text, { vocab }));
      expect(e.code).toBe('bad-input');
      expect(e.message).toMatch(/empty/);
    }
  });

  it('rejects bad options with clear messages', () => {
    expect(errorOf(() => encodeExpression('the ship', { vocab, maxTokens: -1 })).message).toMatch(/max tokens must be a whole number >= 0/);
    expect(errorOf(() => encodeExpression('the ship', { vocab, maxTokens: 2.5 })).code).toBe('bad-input');
    expect(errorOf(() => encodeExpression('the ship', { vocab, dataset: 'refcoco' as 'rrsisd' })).message).toBe(
      "unknown dataset 'refcoco': expected one of rrsisd, refsegrs",
    );
    expect(errorOf(() => encodeExpression('the ship', { vocab, categories: ['tank('] })).message).toMatch(/category 'tank\(' is not a valid regular expression/);
    expect(errorOf(() => encodeExpression('the ship', { vocab, tagger: () => ['DT'] })).message).toMatch(/returned 1 tags for 2 words/);
  });
});
