import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultVocabPath } from '../../src/node/vocab-file.js';

const dir = mkdtempSync(join(tmpdir(), 'fianet-tokenize-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Runs `fianet ...`, returning the exit code and what went to stdout / stderr. */
async function fianet(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  const code = await main(argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('fianet tokenize', () => {
  it('uses the package vocabulary by default', () => {
    expect(defaultVocabPath()).toBe(join(new URL('../..', import.meta.url).pathname, 'weights', 'vocab.txt'));
  });

  it('--json prints the keys the model code reads', async () => {
    const r = await fianet('tokenize', '--text', 'the ship on the left', '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(Object.keys(o)).toEqual(['input_ids', 'wordpieces', 'words', 'tags', 'l_mask', 't_mask', 'p_mask']);
    expect(o.input_ids).toHaveLength(22);
    expect(o.words).toEqual(['the', 'ship', 'on', 'the', 'left']);
    expect(o.tags).toEqual(['DT', 'NN', 'IN', 'DT', 'NN']);
    expect(o.t_mask.slice(0, 7)).toEqual([0, 0, 1, 0, 0, 0, 0]);
    expect(o.p_mask.slice(0, 7)).toEqual([0, 0, 0, 1, 1, 1, 0]);
  });

  it('--dataset refsegrs: its categories and 20 tokens; --max-tokens overrides', async () => {
    const r = JSON.parse((await fianet('tokenize', '--text', 'the car on the road', '--dataset', 'refsegrs', '--json')).out);
    expect(r.input_ids).toHaveLength(20);
    expect(r.t_mask.slice(0, 7)).toEqual([0, 0, 1, 0, 0, 1, 0]);
    const unpadded = JSON.parse((await fianet('tokenize', '--text', 'the car on the road', '--max-tokens', '0', '--json')).out);
    expect(unpadded.input_ids).toEqual([101, 1996, 2482, 2006, 1996, 2346, 102]);
  });

  it('prints a table by default', async () => {
    const r = await fianet('tokenize', '--text', 'a storage tank in the middle');
    expect(r.code).toBe(0);
    expect(r.out).toContain('objects:    storage tank');
    expect(r.out).toContain('phrases:    in the middle');
    expect(r.out).toMatch(/^2\s+storage\s+5527\s+1\s+1\s+0\s+storage\s+NN$/m);
  });

  it('--file: one JSON object per line, in order; warnings on stderr', async () => {
    const long = 'the second white car from the left parked next to the long gray building on the north side of the main road';
    const path = file('expressions.txt', `the ship on the left\r\n${long}\na white car\n`);
    const r = await fianet('tokenize', '--file', path, '--dataset', 'refsegrs');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => JSON.parse(l));
    expect(lines.map((o) => o.words.length)).toEqual([5, 22, 3]);
    expect(r.err).toMatch(/warning: .*expressions\.txt:2: expression truncated/);
  });

  it('--categories FILE replaces the list', async () => {
    const path = file('categories.txt', 'boat\n\nwhite car\n');
    const o = JSON.parse((await fianet('tokenize', '--text', 'a white car near the boat', '--categories', path, '--json')).out);
    expect(o.t_mask.slice(0, 7)).toEqual([0, 0, 1, 1, 0, 0, 1]);
  });

  it('--vocab FILE is used, and checked', async () => {
    const small = file('small-vocab.txt', '[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\nship\n');
    const o = JSON.parse((await fianet('tokenize', '--text', 'the ship boat', '--vocab', small, '--max-tokens', '0', '--json')).out);
    expect(o.input_ids).toEqual([2, 4, 5, 1, 3]);
    const bad = file('bad-vocab.txt', '[PAD]\nthe\n');
    const r = await fianet('tokenize', '--text', 'the ship', '--vocab', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad-vocab\.txt: 2 lines but no \[CLS\], \[SEP\], \[UNK\] line/);
    const missing = await fianet('tokenize', '--text', 'the ship', '--vocab', join(dir, 'nope.txt'));
    expect(missing.err).toMatch(/vocabulary file .*nope\.txt: no such file/);
  });

  it('fails clearly on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['--text', '   '], /the referring expression is empty/],
      [['--text', 'the ship', '--dataset', 'refcoco'], /unknown dataset 'refcoco'/],
      [['--text', 'the ship', '--max-tokens', 'ten'], /--max-tokens takes a whole number/],
      [['--json'], /give exactly one of --text and --file/],
      [['--text', 'the ship', '--colour'], /Unknown option '--colour'/],
      [['--file', file('blank.txt', 'the ship\n\nthe car\n')], /blank\.txt:2: the referring expression is empty/],
    ];
    for (const [args, message] of cases) {
      const r = await fianet('tokenize', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(message);
    }
  });
});
