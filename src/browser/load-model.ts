/**
 * Browser entry to the model, the counterpart of src/node/load-segmenter.ts: opens the
 * WebGPU device first (so a browser without WebGPU fails before a large download), then the
 * weights (.safetensors or .pth) and the vocabulary, and builds the Segmenter once.
 * A Blob (a File from a picker) is read tensor by tensor through `blobSource`, never copied
 * whole into memory; a URL is downloaded once with byte progress.
 */
import { FianetError } from '../errors.js';
import { bytesSource, blobSource, type ByteSource } from '../io/safetensors.js';
import { createSegmenter, unusedTensorsMessage } from '../model/create-segmenter.js';
import { openWeights } from '../model/open-weights.js';
import type { Segmenter } from '../model/segmenter.js';
import type { LoadPhase } from '../runtime/executor.js';
import { browserGpu, type Gpu } from '../runtime/device.js';
import type { DatasetName } from '../text/categories.js';
import { parseVocab, type Vocab } from '../text/vocab.js';
import { fetchBytes } from './fetch-bytes.js';
import type { WeightDtype } from '../runtime/graph.js';

export type WeightsInput = string | URL | Blob | ArrayBuffer | Uint8Array;

export interface LoadProgress {
  /**
   * 'download': bytes of a weights URL; then, at the same time, 'weights': tensors uploaded and
   * 'pipelines': kernels compiled (distinct pipelines). Each phase counts its own done and total.
   */
  phase: 'download' | LoadPhase;
  done: number;
  /** Unknown for a download without Content-Length. */
  total: number | undefined;
}

export interface LoadModelOptions {
  /** A URL (string or URL), a Blob or File, or the file's bytes. */
  weights: WeightsInput;
  /** The WordPiece vocabulary: a URL to fetch, or one parsed with `parseVocab(text)`. */
  vocab: string | URL | Vocab;
  /** Model config (the fixtures' config.json layout) when the weights carry none. */
  config?: unknown;
  /** Category list and published preset when neither the config nor the weights say. */
  dataset?: DatasetName;
  /** How the device stores the weights: 'f16' holds half the bytes (default: the file's, f16 for a --fp16 file). */
  weightsDtype?: WeightDtype;
  /** A device to use (default: navigator.gpu's high-performance adapter, destroyed with the model). */
  gpu?: Gpu;
  onProgress?: (progress: LoadProgress) => void;
  /** Kernel names whose WGSL is printed to `log` ('*' = all), e.g. from a `?dump=` URL parameter. */
  dumpWgsl?: string[];
  /** Debug lines (unused checkpoint tensors, dumped WGSL); default: console.debug. */
  log?: (line: string) => void;
}

export async function loadModel(o: LoadModelOptions): Promise<Segmenter> {
  const progress = o.onProgress ?? (() => {});
  const log = o.log ?? ((line: string) => console.debug(line));
  const gpu = o.gpu ?? (await browserGpu());
  try {
    const [source, vocab] = await Promise.all([weightsSource(o.weights, progress), vocabFrom(o.vocab)]);
    const opened = await openWeights(source, {
      ...(o.config !== undefined ? { config: o.config } : {}),
      ...(o.dataset ? { dataset: o.dataset } : {}),
    });
    return await createSegmenter(gpu, opened.store, opened.config, {
      vocab,
      ...(o.dataset ? { dataset: o.dataset } : {}),
      ...(o.dumpWgsl ? { dumpWgsl: o.dumpWgsl } : {}),
      ...(o.weightsDtype ? { weightsDtype: o.weightsDtype } : {}),
      log,
      onUnused: (names) => names.length && log(unusedTensorsMessage(names)),
      onProgress: ({ phase, done, total }) => progress({ phase, done, total }),
      // A device the caller passed in stays the caller's.
      ...(o.gpu ? {} : { release: () => gpu.destroy() }),
    });
  } catch (e) {
    if (!o.gpu) gpu.destroy();
    throw e;
  }
}

async function weightsSource(weights: WeightsInput, progress: (p: LoadProgress) => void): Promise<ByteSource> {
  if (typeof weights === 'string' || weights instanceof URL) {
    const bytes = await fetchBytes(weights, (done, total) => progress({ phase: 'download', done, total }));
    return bytesSource(bytes, String(weights).split('/').pop() || String(weights));
  }
  if (weights instanceof Blob) return blobSource(weights, weights instanceof File ? weights.name : 'weights');
  if (weights instanceof ArrayBuffer) return bytesSource(new Uint8Array(weights), 'weights');
  if (weights instanceof Uint8Array) return bytesSource(weights, 'weights');
  throw new FianetError('bad-input', `weights: expected a URL, Blob, ArrayBuffer or Uint8Array, got ${Object.prototype.toString.call(weights)}`);
}

async function vocabFrom(vocab: string | URL | Vocab): Promise<Vocab> {
  if (typeof vocab !== 'string' && !(vocab instanceof URL)) return vocab;
  const text = new TextDecoder().decode(await fetchBytes(vocab));
  return parseVocab(text, String(vocab));
}
