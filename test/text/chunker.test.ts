import { describe, expect, it } from 'vitest';
import { chunk } from '../../src/text/chunker.js';

const spans = (tags: string) => chunk(tags.split(' ')).map(({ start, end }) => [start, end]);

// Expected chunks of nltk.RegexpParser with the reference's PP grammar.
describe('PP chunker (the reference grammar, NLTK RegexpParser semantics)', () => {
  it('rule 1: <IN><DT>?<JJ.*>?<NN>', () => {
    expect(spans('DT NN IN DT NN')).toEqual([[2, 5]]);
    expect(spans('DT NN IN NN')).toEqual([[2, 4]]);
    expect(spans('DT NN IN DT JJR NN IN DT NN')).toEqual([[2, 6], [6, 9]]);
  });
  it('only one optional adjective, and <NN> is exactly NN', () => {
    expect(spans('IN DT JJ JJ NN')).toEqual([[0, 4]]); // rule 2 takes "IN DT JJ JJ"
    expect(spans('IN DT NNS')).toEqual([]);
    expect(spans('IN DT NNP')).toEqual([]);
    expect(spans('IN DT CD NN')).toEqual([]);
  });
  it('rule 2 chunks what rule 1 left: <IN><DT>?<JJ.*>?<JJ>', () => {
    expect(spans('DT NN IN DT JJ')).toEqual([[2, 5]]);
    expect(spans('IN DT JJS JJ')).toEqual([[0, 4]]);
  });
  it('rule 3: <IN><DT>?<JJ.*><VBD>, only where rule 2 did not take the adjective', () => {
    expect(spans('DT NN IN DT JJR VBD')).toEqual([[2, 6]]);
    expect(spans('DT NN IN DT JJ VBD')).toEqual([[2, 5]]); // rule 2 came first
    expect(spans('DT NN IN DT VBD')).toEqual([]);
  });
  it('rules apply in order and never inside an earlier chunk', () => {
    // rule 1 takes "IN DT NN"; the following "IN JJ" is rule 2's
    expect(spans('IN DT NN IN JJ')).toEqual([[0, 3], [3, 5]]);
    expect(spans('IN NN NN')).toEqual([[0, 2]]);
  });
  it('tags are whole tags, never parts ("NN" does not match "NNS")', () => {
    expect(spans('IN DT JJ NNS')).toEqual([[0, 3]]);
  });
  it('no tags, no chunks', () => expect(chunk([])).toEqual([]));
});
