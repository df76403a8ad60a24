/**
 * A Segmenter on any device (Node or browser): builds the FIANet graph once for the model's
 * input size and token count, compiles it (weights uploaded once), then each `segment` call
 * resizes the image exactly like the reference (PIL bilinear on uint8), encodes the text,
 * writes the inputs and reads back the mask (and the logits when asked).
 */
import { FianetError } from '../errors.js';
import { normalizeImage } from '../io/image-normalize.js';
import { resizeBilinear } from '../io/resize-bilinear.js';
import type { Gpu } from '../runtime/device.js';
import { targetFor } from '../lowering/target.js';
import { CompiledGraph, type CompileOptions } from '../runtime/executor.js';
import { Graph } from '../runtime/graph.js';
import { encodeExpression } from '../text/encode-expression.js';
import type { DatasetName } from '../text/categories.js';
import type { Vocab } from '../text/vocab.js';
import { packBertInputs } from './bert.js';
import type { FianetConfig } from './config.js';
import { buildFianet } from './fianet.js';
import type { SegmentInput, SegmentResult, Segmenter } from './segmenter.js';
import { checkTokens } from './tokens-input.js';
import { WeightBinder, type WeightStore } from './weights.js';

export interface SegmenterOptions extends Pick<CompileOptions, 'onProgress' | 'dumpWgsl' | 'log'> {
  vocab: Vocab;
  /** Category list of the expression parser when the config has none (default rrsisd). */
  dataset?: DatasetName;
  /** Called once with checkpoint tensors the model does not use (e.g. OPAB.go_embedding). */
  onUnused?: (names: string[]) => void;
  /** Called by destroy() after the model's buffers are freed: loaders that opened the device and the weights file release them here. */
  release?: () => void;
}

/** One line for onUnused: how many checkpoint tensors the model ignores, and the first few. */
export function unusedTensorsMessage(names: readonly string[]): string {
  return `${names.length} checkpoint tensors are not used by the model (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''})`;
}

/**
 * Checkpoint tensors the reference model holds but never reads (OPAB.go_embedding, fixtures
 * README) or rebuilds itself (integer buffers): ignoring them is expected. Any other unused
 * tensor means the checkpoint and the config disagree, which the user must hear about.
 */
export const ignoredByReference = (name: string): boolean => /\.go_embedding\.|(num_batches_tracked|relative_position_index|position_ids)$/.test(name);

export async function createSegmenter(gpu: Gpu, store: WeightStore, config: FianetConfig, options: SegmenterOptions): Promise<Segmenter> {
  const S = config.input_size;
  const N = config.text.max_tokens;
  const g = new Graph(targetFor(gpu.adapter));
  const binder = new WeightBinder(g, store);
  const out = buildFianet(g, binder, config, N);
  g.output('mask', out.mask);
  g.output('logits', out.logits);
  options.onUnused?.(binder.finish());
  const compiled = await CompiledGraph.compile(gpu, g, options);

  const tokensFor = (input: SegmentInput, warnings: string[]): SegmentResult['tokens'] => {
    if (input.tokens) return checkTokens(input.tokens, N);
    if (input.text === undefined) throw new FianetError('bad-input', 'segment: give a referring expression (text) or tokens');
    const e = encodeExpression(input.text, { vocab: options.vocab, maxTokens: N, ...(config.categories ? { categories: config.categories } : { dataset: options.dataset ?? 'rrsisd' }) });
    warnings.push(...e.warnings);
    return { input_ids: e.input_ids, l_mask: e.l_mask, t_mask: e.t_mask, p_mask: e.p_mask, words: e.words, tags: e.tags };
  };

  let destroying: Promise<void> | undefined;
  return {
    config,
    adapter: gpu.adapter,
    async segment(input: SegmentInput, opts: { logits?: boolean } = {}): Promise<SegmentResult> {
      if (destroying) throw new FianetError('bad-input', 'segment: the model was destroyed; load it again to segment more images');
      const t0 = performance.now();
      const warnings: string[] = [];
      const tokens = tokensFor(input, warnings);
      const { image } = input;
      const resized = image.width === S && image.height === S ? image : resizeBilinear(image, S, S);
      const inputs = {
        image: normalizeImage(resized.rgb, S, S),
        ...packBertInputs(config.text, tokens.input_ids, { l: tokens.l_mask, t: tokens.t_mask, p: tokens.p_mask }),
      };
      const t1 = performance.now();
      // The GPU part waits its turn in the graph's queue: total includes that wait.
      const run = await compiled.run(inputs, opts.logits ? ['mask', 'logits'] : ['mask'], { profile: true });
      const t2 = performance.now();
      const mask = Uint8Array.from(run.outputs.mask, (v) => (v > 0.5 ? 1 : 0));
      return {
        mask,
        size: S,
        ...(opts.logits ? { logits: run.outputs.logits as Float32Array } : {}),
        tokens,
        timings: { preprocess: t1 - t0, ...run.phases, total: t2 - t0 },
        warnings,
      };
    },
    destroy() {
      destroying ??= compiled.destroy().finally(() => options.release?.());
      return destroying;
    },
  };
}
