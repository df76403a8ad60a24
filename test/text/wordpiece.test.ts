import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { parseVocab } from '../../src/text/vocab.js';
import { bertEncode } from '../../src/text/wordpiece.js';
import { FIXTURES, fixtureVocab, readJson } from '../helpers/test-data.js';

interface Case {
  category: string;
  text: string;
  ids: number[];
  tokens: string[];
}
const file = readJson<{ n_cases: number; cases: Case[]; variant_sensitive: Case[] }>(new URL('tokenizer/cases.json', FIXTURES));

describe('BERT tokenizer: every case of fixtures/tokenizer/cases.json', () => {
  it('has all the cases', () => expect(file.cases).toHaveLength(file.n_cases));
  it.each(file.cases.map((c, i) => [i, c.category, c] as const))('#%i %s', (_, __, c) => {
    const { ids, pieces } = bertEncode(c.text, fixtureVocab());
    expect(pieces).toEqual(c.tokens);
    expect(ids).toEqual(c.ids);
  });
});

// Documented, not required: these depend on how the reference built its tokenizer; we
// follow from_pretrained, which the reference uses, and match both.
describe('BERT tokenizer: variant-sensitive cases (from_pretrained behaviour)', () => {
  it.each(file.variant_sensitive.map((c) => [c.text, c] as const))('%j', (_, c) => {
    expect(bertEncode(c.text, fixtureVocab()).ids).toEqual(c.ids);
  });
});

describe('vocabulary', () => {
  it('weights/vocab.txt is the fixtures vocabulary', () => {
    const shipped = readFileSync(new URL('../../weights/vocab.txt', import.meta.url));
    expect(shipped.equals(readFileSync(new URL('vocab.txt', FIXTURES)))).toBe(true);
  });

  it('ids are line numbers - 1', () => {
    const v = fixtureVocab();
    expect(v.tokens).toHaveLength(30522);
    expect([v.ids.get('[PAD]'), v.unkId, v.clsId, v.sepId, v.ids.get('[MASK]')]).toEqual([0, 100, 101, 102, 103]);
  });

  it('reads CRLF files and keeps spaces inside tokens', () => {
    const v = parseVocab('[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\na b\r\n');
    expect(v.tokens).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'a b']);
  });

  it('rejects a vocabulary without the special tokens', () => {
    const err = (() => {
      try {
        parseVocab('[PAD]\n[UNK]\nthe\n', 'my-vocab.txt');
      } catch (e) {
        return e as FianetError;
      }
    })();
    expect(err).toBeInstanceOf(FianetError);
    expect(err!.code).toBe('bad-input');
    expect(err!.message).toMatch(/my-vocab\.txt: .*no \[CLS\], \[SEP\]/);
  });

  it('rejects a vocabulary whose [PAD] is not id 0 (the model pads with 0)', () => {
    expect(() => parseVocab('[UNK]\n[PAD]\n[CLS]\n[SEP]\n')).toThrow(/\[PAD\] is on line 2/);
  });
});
