/**
 * What the model suites (bert, tmem, e2e) run: the published config at 480 (Swin-B, BERT-base,
 * base480 formula weights) and one real expression's tokens. Tests run the same suites on
 * the tiny fixture config. Before timing, each suite builds its graph with the same builders
 * at the small width below (checkText, checkConfig) and compares it with the float64
 * reference (bert-reference.ts; tmem-reference.ts; fianet-reference.ts for e2e, which the
 * tests hold to the tiny PyTorch fixture); the timed graph's outputs are then checked finite
 * and not all one value (checkModelOutput).
 */
import { FianetError } from '../errors.js';
import { publishedConfig, type BertConfig, type FianetConfig } from '../model/config.js';

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

/** The checked text width: 2 layers of 128 with heads of 64 (as BERT-base), the timed config's vocabulary and positions. */
export const checkText = (cfg: BertConfig): BertConfig => ({ ...cfg, layers: 2, hidden: 128, heads: 2, intermediate: 512 });

/**
 * The checked image width: every width of `timed` divided by its first stage's head count, so
 * the Swin attention keeps its head width (32 for Swin-B) and window, and the stages, TMEM
 * blocks and fusion heads keep their number (Swin-B at 480: embed 32, heads 1-2-4-8, TMEM 480
 * -> 120, decoder 128); the text is checkText's; input patch x (window + 1) (52 at window 12:
 * stages 13, 7, 4, 2, each padded to the window and shifted, odd sizes for the patch merging,
 * overlapping pooling windows in TMEM), small enough for the float64 reference to take seconds.
 */
export function checkConfig(timed: FianetConfig): FianetConfig {
  const m = timed.model;
  const k = m.num_heads[0];
  const narrow = (what: string, v: number): number => {
    if (!Number.isInteger(v / k)) throw new FianetError('bad-input', `check width: ${what} ${v} does not divide by the first stage's ${k} heads`);
    return v / k;
  };
  const text = checkText(timed.text);
  const features = m.num_features.map((c) => narrow('num_features', c));
  const tmemDim = features.reduce((a, c) => a + c, 0);
  return {
    ...timed,
    model: {
      ...m,
      embed_dim: narrow('embed_dim', m.embed_dim),
      num_heads: m.num_heads.map((h) => narrow('num_heads', h)),
      num_features: features,
      fusion_text_dim: text.hidden,
      channel_modulation_reduced_dim: m.channel_modulation_reduced_dim.map((r) => narrow('channel_modulation_reduced_dim', r)),
      tmem_dim: tmemDim,
      tmem_hidden_dim: narrow('tmem_hidden_dim', m.tmem_hidden_dim),
      tmem_ffn_hidden: narrow('tmem_ffn_hidden', m.tmem_ffn_hidden),
      decoder_hidden: narrow('decoder_hidden', m.decoder_hidden),
    },
    text,
    input_size: m.patch_size * (m.window_size + 1),
  };
}

/** How logs and notes name a checked config ("embed 32, window 12, 52 x 52"). */
export const checkWidths = (c: FianetConfig): string => `embed ${c.model.embed_dim}, window ${c.model.window_size}, ${c.input_size} x ${c.input_size}`;
