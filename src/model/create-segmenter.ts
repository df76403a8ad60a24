/**
 * A Segmenter on any device (Node or browser): builds FIANet once for the model's input size
 * and token count as two graphs, the text encoder and the image part that takes its features
 * (fianet.ts), compiles them (weights uploaded once), then each `segment` call resizes the
 * image exactly like the reference (PIL bilinear on uint8), encodes the text (unless given it
 * `encoded`), writes the inputs and reads back the mask (and the logits when asked). The
 * features cross between the graphs as float32 host arrays, unchanged, so the result is the
 * one graph's bit for bit.
 */
import { FianetError, quote } from '../errors.js';
import { normalizeImage } from '../io/image-normalize.js';
import { resizeBilinear } from '../io/resize-bilinear.js';
import type { Gpu } from '../runtime/device.js';
import { targetFor } from '../lowering/target.js';
import { CompiledGraph, type CompileOptions, type CompileProgress, type HostTensor } from '../runtime/executor.js';
import { PipelineCache } from '../runtime/pipeline-cache.js';
import { Graph, WEIGHT_DTYPES, type WeightDtype } from '../runtime/graph.js';
import { SerialQueue } from '../runtime/serial-queue.js';
import { encodeExpression } from '../text/encode-expression.js';
import type { DatasetName } from '../text/categories.js';
import type { Vocab } from '../text/vocab.js';
import { BERT_PASSES, packBertInputs } from './bert.js';
import type { FianetConfig } from './config.js';
import { TEXT_FEATURE_NAMES, buildFianetImage, buildFianetText, textFeatureInputs } from './fianet.js';
import type { EncodedText, ExpressionTokens, SegmentInput, SegmentResult, Segmenter } from './segmenter.js';
import { checkTokens } from './tokens-input.js';
import { WeightBinder, type WeightStore } from './weights.js';

export interface SegmenterOptions extends Pick<CompileOptions, 'onProgress' | 'dumpWgsl' | 'log'> {
  vocab: Vocab;
  /** Category list of the expression parser when the config has none (default rrsisd). */
  dataset?: DatasetName;
  /** Called once with checkpoint tensors the model does not use (e.g. OPAB.go_embedding). */
  onUnused?: (names: string[]) => void;
  /**
   * How the device stores the weights that linear layers, convolutions and the word embeddings
   * stream (lowering/streamed-weight.ts): 'f16' holds half the bytes. Default: the file's
   * (f16 for a `--fp16` file), else f32.
   */
  weightsDtype?: WeightDtype;
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

const destroyedError = (): FianetError => new FianetError('bad-input', 'segment: the model was destroyed; load it again to segment more images');

export async function createSegmenter(gpu: Gpu, store: WeightStore, config: FianetConfig, options: SegmenterOptions): Promise<Segmenter> {
  const S = config.input_size;
  const N = config.text.max_tokens;
  const target = targetFor(gpu.adapter);
  const weightsDtype = options.weightsDtype ?? store.storedDtype ?? 'f32';
  if (!WEIGHT_DTYPES.includes(weightsDtype)) throw new FianetError('bad-input', `weightsDtype is ${quote(weightsDtype)}, expected one of ${WEIGHT_DTYPES.join(', ')}`);
  const textGraph = new Graph(target, weightsDtype);
  const textBinder = new WeightBinder(textGraph, store);
  const lang = buildFianetText(textGraph, textBinder, config, N);
  for (const pass of BERT_PASSES) textGraph.output(TEXT_FEATURE_NAMES[pass], lang[pass].features);
  const imageGraph = new Graph(target, weightsDtype);
  const imageBinder = new WeightBinder(imageGraph, store);
  const out = buildFianetImage(imageGraph, imageBinder, config, textFeatureInputs(imageGraph, config, N));
  imageGraph.output('mask', out.mask);
  imageGraph.output('logits', out.logits);
  const textUnused = textBinder.finish();
  const imageUnused = new Set(imageBinder.finish());
  options.onUnused?.(textUnused.filter((n) => imageUnused.has(n)));
  const [textPart, imagePart] = await compileBoth(gpu, textGraph, imageGraph, options);
  // One queue over both graphs: a call's text and image runs are one job, so destroy() lets it finish whole.
  const queue = new SerialQueue();
  /** Which handles this model made, with the host data the image graph takes. */
  const encodings = new WeakMap<EncodedText, Record<string, HostTensor>>();

  const tokensOf = (input: string | ExpressionTokens | undefined, warnings: string[]): SegmentResult['tokens'] => {
    if (typeof input === 'object') return checkTokens(input, N);
    if (input === undefined) throw new FianetError('bad-input', 'segment: give a referring expression (text) or tokens');
    const e = encodeExpression(input, { vocab: options.vocab, maxTokens: N, ...(config.categories ? { categories: config.categories } : { dataset: options.dataset ?? 'rrsisd' }) });
    warnings.push(...e.warnings);
    return { input_ids: e.input_ids, l_mask: e.l_mask, t_mask: e.t_mask, p_mask: e.p_mask, words: e.words, tags: e.tags };
  };

  /** Runs the text graph (inside the queue); the handle carries the features as the image graph's inputs. */
  const encodeNow = async (tokens: SegmentResult['tokens'], warnings: string[]): Promise<EncodedText> => {
    const packed = packBertInputs(config.text, tokens.input_ids, { l: tokens.l_mask, t: tokens.t_mask, p: tokens.p_mask });
    const t0 = performance.now();
    const run = await textPart.run(packed, undefined, { profile: true });
    const inputs: Record<string, HostTensor> = { l_mask: packed.l_mask, t_mask: packed.t_mask, p_mask: packed.p_mask };
    // Copies: the run's arrays view one readback buffer.
    for (const pass of BERT_PASSES) inputs[TEXT_FEATURE_NAMES[pass]] = (run.outputs[TEXT_FEATURE_NAMES[pass]] as Float32Array).slice();
    const encoded: EncodedText = Object.freeze({ tokens, warnings, ms: run.phases?.text ?? performance.now() - t0 });
    encodings.set(encoded, inputs);
    return encoded;
  };

  const inQueue = <T>(job: () => Promise<T>): Promise<T> => {
    if (destroying) throw destroyedError();
    return queue.push(job);
  };

  let destroying: Promise<void> | undefined;
  return {
    config,
    adapter: gpu.adapter,
    weights: { dtype: weightsDtype, bytes: textPart.weightBytes + imagePart.weightBytes },
    async encodeText(input: string | ExpressionTokens): Promise<EncodedText> {
      const warnings: string[] = [];
      const tokens = tokensOf(input, warnings);
      return inQueue(() => encodeNow(tokens, warnings));
    },
    async segment(input: SegmentInput, opts: { logits?: boolean } = {}): Promise<SegmentResult> {
      if (destroying) throw destroyedError();
      const t0 = performance.now();
      const warnings: string[] = [];
      const given = input.encoded;
      if (given && !encodings.has(given)) throw new FianetError('bad-input', "segment: 'encoded' was not made by this model's encodeText");
      const tokens = given ? given.tokens : tokensOf(input.tokens ?? input.text, warnings);
      const { image } = input;
      const resized = image.width === S && image.height === S ? image : resizeBilinear(image, S, S);
      const pixels = normalizeImage(resized.rgb, S, S);
      const t1 = performance.now();
      // The GPU part waits its turn in the queue: total includes that wait.
      return inQueue(async () => {
        const encoded = given ?? (await encodeNow(tokens, warnings));
        const run = await imagePart.run({ image: pixels, ...encodings.get(encoded)! }, opts.logits ? ['mask', 'logits'] : ['mask'], { profile: true });
        const t2 = performance.now();
        const mask = Uint8Array.from(run.outputs.mask, (v) => (v > 0.5 ? 1 : 0));
        return {
          mask,
          size: S,
          ...(opts.logits ? { logits: run.outputs.logits as Float32Array } : {}),
          tokens,
          timings: { preprocess: t1 - t0, ...(given ? {} : { text: encoded.ms }), ...run.phases, total: t2 - t0 },
          warnings,
        };
      });
    },
    destroy() {
      destroying ??= queue
        .close(destroyedError)
        .then(() => Promise.all([textPart.destroy(), imagePart.destroy()]))
        .then(() => undefined)
        .finally(() => options.release?.());
      return destroying;
    },
  };
}

/**
 * Compiles the text and image graphs at once with one pipeline cache: every pipeline of both
 * starts before the first weight uploads. Progress per phase covers both graphs: weights
 * summed, pipelines as the shared cache counts them (one pipeline serves both graphs once).
 */
async function compileBoth(gpu: Gpu, textGraph: Graph, imageGraph: Graph, options: SegmenterOptions): Promise<[CompiledGraph, CompiledGraph]> {
  const pipelines = new PipelineCache(gpu.device, options);
  const weights = [
    { done: 0, total: 0 },
    { done: 0, total: 0 },
  ];
  const report = (graph: number) => (p: CompileProgress) => {
    if (p.phase === 'pipelines') return options.onProgress?.(p);
    weights[graph] = { done: p.done, total: p.total };
    options.onProgress?.({ ...p, done: weights[0].done + weights[1].done, total: weights[0].total + weights[1].total });
  };
  const text = CompiledGraph.compile(gpu, textGraph, { ...options, pipelines, onProgress: report(0) });
  const image = CompiledGraph.compile(gpu, imageGraph, { ...options, pipelines, onProgress: report(1) });
  // Both settle before either failure is thrown, so a compiled graph is never left undestroyed.
  const [t, i] = await Promise.allSettled([text, image]);
  if (t.status === 'fulfilled' && i.status === 'fulfilled') return [t.value, i.value];
  for (const r of [t, i]) if (r.status === 'fulfilled') await r.value.destroy();
  throw (t.status === 'rejected' ? t.reason : (i as PromiseRejectedResult).reason);
}
