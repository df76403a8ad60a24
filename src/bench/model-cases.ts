/**
 * What the model suites (bert, tmem, e2e) run: the published config at 480 (Swin-B, BERT-base,
 * base480 formula weights) and one real expression's tokens. Tests run the same suites on
 * the tiny fixture config. Before timing, bert (and e2e's text phase) checks the encoder at a
 * small width against its float64 reference (bert.ts); there is no float64 reference of TMEM
 * or the whole model in src/ (the fixtures are, checked by the tests), so for those the suites
 * check only that every output value is finite and that outputs are not all one value.
 */
import { FianetError } from '../errors.js';
import { publishedConfig, type FianetConfig } from '../model/config.js';

/** "the rectangular-shaped ship docked in the harbor on the right side of the image" (base480 s0), padded to 22. */
const IDS = [101, 1996, 10806, 1011, 5044, 2911, 25727, 1999, 1996, 6496, 2006, 1996, 2157, 2217, 1997, 1996, 3746, 102, 0, 0, 0, 0];
const mask = (ones: number[]) => IDS.map((_, i) => (ones.includes(i) ? 1 : 0));
/** A real expression's token ids and l/t/p masks, for benchmarks whose timings do not depend on values. */
export const SAMPLE_TOKENS = { ids: IDS, l: mask(IDS.map((id, i) => (id ? i : -1))), t: mask([3, 7]), p: mask([5, 6, 7, 8, 9, 10, 11]) };

/** The sample tokens padded (or cut) to `n`. */
export function sampleTokens(n: number): { ids: number[]; l: number[]; t: number[]; p: number[] } {
  const pad = (m: number[]) => Array.from({ length: n }, (_, i) => m[i] ?? 0);
  return { ids: pad(SAMPLE_TOKENS.ids), l: pad(SAMPLE_TOKENS.l), t: pad(SAMPLE_TOKENS.t), p: pad(SAMPLE_TOKENS.p) };
}

export interface ModelCase {
  name: string;
  config: () => FianetConfig;
}

export const MODEL_CASES: ModelCase[] = [{ name: 'base480 (Swin-B 480, BERT-base, 22 tokens, formula weights)', config: () => publishedConfig('rrsisd') }];

/** The model suites' check: every value finite, and not all the same (a graph that wrote nothing). */
export function checkModelOutput(what: string, out: ArrayLike<number>): void {
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) throw new FianetError('device-error', `${what}: output[${i}] is ${out[i]}; not timing a wrong result`);
  }
  if (out.length > 1 && Array.prototype.every.call(out, (v: number) => v === out[0])) {
    throw new FianetError('device-error', `${what}: all ${out.length} outputs are ${out[0]}; not timing a wrong result`);
  }
}
