/**
 * The evaluation loop: one loaded model, every sample in order, the next sample read and
 * decoded while the GPU runs the current one (segment() awaits the device, which leaves the
 * event loop free for the prefetch). Skipped samples are recorded and the run goes on; an
 * abort signal (Ctrl-C in the CLI) stops it after the sample in flight, and an error that is
 * not about one sample's input ends it: either way the caller gets what was measured so far,
 * marked as such, to report honestly.
 */
import { FianetError } from '../errors.js';
import type { Segmenter } from '../model/segmenter.js';
import type { DatasetFiles, EvalSample } from './dataset.js';
import { loadSample, skipped, type LoadedSample, type SkippedSample } from './load-sample.js';
import { intersectionUnion, sampleIoU } from './metrics.js';

export interface EvalRecord {
  name: string;
  image: string;
  expression: string;
  category?: string;
  I: number;
  U: number;
  iou: number;
  predPixels: number;
  targetPixels: number;
}

export interface EvalProgress {
  /** Samples finished (evaluated or skipped) out of `total`. */
  done: number;
  total: number;
  evaluated: number;
  skipped: number;
  /** Mean IoU of the samples evaluated so far (0 before the first). */
  runningMIoU: number;
  elapsedMs: number;
}

export interface EvalTimings {
  wallMs: number;
  /** The first sample alone: it includes pipeline compilation and first uploads. */
  firstSampleMs?: number;
  /** Reading and decoding, summed over samples (overlaps with the GPU work). */
  loadMs: number;
  /** Time the loop waited for a prefetched sample: loading the GPU did not hide. */
  waitMs: number;
  /** Writing predicted masks (onMask). */
  saveMs: number;
  /** The segmenter's own per-phase timings, summed. */
  segment: Record<string, number>;
}

export interface EvalRun {
  status: 'complete' | 'interrupted' | 'failed';
  /** Samples the run was asked to evaluate. */
  total: number;
  records: EvalRecord[];
  skipped: SkippedSample[];
  timings: EvalTimings;
  /** Why a failed run stopped. */
  error?: unknown;
}

export interface EvaluateOptions {
  segmenter: Segmenter;
  files: DatasetFiles;
  samples: readonly EvalSample[];
  signal?: AbortSignal;
  onProgress?: (p: EvalProgress) => void;
  onSkip?: (s: SkippedSample) => void;
  /** Receives each predicted S x S mask (1 = object), e.g. to save it. */
  onMask?: (sample: EvalSample, mask: Uint8Array, size: number) => Promise<void>;
}

export async function evaluate(options: EvaluateOptions): Promise<EvalRun> {
  const { segmenter, files, samples, signal } = options;
  const size = segmenter.config.input_size;
  const start = performance.now();
  const timings: EvalTimings = { wallMs: 0, loadMs: 0, waitMs: 0, saveMs: 0, segment: {} };
  const run: EvalRun = { status: 'complete', total: samples.length, records: [], skipped: [], timings };
  let iouSum = 0;

  const prefetch = (i: number) => (i < samples.length ? loadSample(files, samples[i]!, size) : undefined);
  let next = prefetch(0);
  try {
    for (let i = 0; i < samples.length; i++) {
      if (signal?.aborted) {
        run.status = 'interrupted';
        break;
      }
      const waitStart = performance.now();
      const loaded = await next!;
      timings.waitMs += performance.now() - waitStart;
      next = prefetch(i + 1);

      const sampleStart = performance.now();
      const outcome = 'reason' in loaded ? loaded : await segmentOne(segmenter, loaded, size, timings, options.onMask);
      if (timings.firstSampleMs === undefined && !('reason' in outcome)) timings.firstSampleMs = performance.now() - sampleStart;
      if ('reason' in outcome) {
        run.skipped.push(outcome);
        options.onSkip?.(outcome);
      } else {
        run.records.push(outcome);
        iouSum += outcome.iou;
      }
      const evaluated = run.records.length;
      options.onProgress?.({
        done: i + 1,
        total: samples.length,
        evaluated,
        skipped: run.skipped.length,
        runningMIoU: evaluated ? iouSum / evaluated : 0,
        elapsedMs: performance.now() - start,
      });
    }
  } catch (e) {
    run.status = 'failed';
    run.error = e;
  }
  // A prefetch left behind by an early stop must not surface as an unhandled rejection.
  next?.catch(() => undefined);
  timings.wallMs = performance.now() - start;
  return run;
}

async function segmentOne(
  segmenter: Segmenter,
  loaded: LoadedSample,
  size: number,
  timings: EvalTimings,
  onMask: EvaluateOptions['onMask'],
): Promise<EvalRecord | SkippedSample> {
  const { sample, image, target } = loaded;
  timings.loadMs += loaded.ms;
  let result;
  try {
    result = await segmenter.segment(sample.tokens ? { image, tokens: sample.tokens } : { image, text: sample.expression });
  } catch (e) {
    // Only a refusal of this sample's input is the sample's fault; device or model errors end the run.
    if (e instanceof FianetError && e.code === 'bad-input') return skipped(sample, 'model-input', `${sample.source}: ${e.message}`);
    throw e;
  }
  if (result.size !== size || result.mask.length !== size * size) {
    throw new FianetError('bad-graph', `${sample.source}: the segmenter returned a ${result.size} x ${result.size} mask of ${result.mask.length} values, expected ${size} x ${size}`);
  }
  for (const [phase, ms] of Object.entries(result.timings)) timings.segment[phase] = (timings.segment[phase] ?? 0) + ms;
  if (onMask) {
    const saveStart = performance.now();
    await onMask(sample, result.mask, size);
    timings.saveMs += performance.now() - saveStart;
  }
  const counts = intersectionUnion(result.mask, target);
  const record: EvalRecord = {
    name: sample.name,
    image: sample.image,
    expression: sample.expression,
    ...counts,
    iou: sampleIoU(counts),
    predPixels: countOnes(result.mask),
    targetPixels: countOnes(target),
  };
  if (sample.category !== undefined) record.category = sample.category;
  return record;
}

function countOnes(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  return n;
}
