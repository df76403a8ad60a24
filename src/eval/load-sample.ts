/**
 * One sample from files to model input and ground truth: the decoded image (the segmenter
 * resizes it) and the target mask at S x S, resized with PIL's NEAREST as the reference's
 * target transform does. Anything wrong with the sample's files comes back as a
 * SkippedSample naming the file and the problem, never as a throw: one bad sample must not
 * end a run over thousands.
 */
import { FianetError } from '../errors.js';
import { decodeImage } from '../io/image-decode.js';
import { maxPixelsOf } from '../io/image-types.js';
import type { DecodedImage, RgbImage } from '../io/image-types.js';
import { resizeMaskNearest } from '../io/mask-resize.js';
import { cocoMask, type BinaryMask } from './coco-mask.js';
import type { DatasetFiles, EvalSample, MaskRule, SkipReason } from './dataset.js';

export interface LoadedSample {
  sample: EvalSample;
  image: DecodedImage;
  /** [S, S], 1 = object. */
  target: Uint8Array;
  /** Milliseconds spent reading and decoding. */
  ms: number;
}

export interface SkippedSample {
  name: string;
  source: string;
  image: string;
  reason: SkipReason;
  message: string;
}

export function skipped(sample: EvalSample, reason: SkipReason, message: string): SkippedSample {
  return { name: sample.name, source: sample.source, image: sample.image, reason, message };
}

export async function loadSample(files: DatasetFiles, sample: EvalSample, size: number): Promise<LoadedSample | SkippedSample> {
  const start = performance.now();
  if (sample.problem) return skipped(sample, sample.problem.reason, sample.problem.message);
  const image = await readImage(files, sample.image);
  if ('error' in image) return skipped(sample, image.missing ? 'missing-image' : 'unreadable-image', image.error);

  let mask: BinaryMask;
  let maskLabel: string;
  const truth = sample.truth;
  if (truth.kind === 'mask-file') {
    maskLabel = `mask ${files.describe(truth.path)}`;
    const decoded = await readImage(files, truth.path);
    if ('error' in decoded) return skipped(sample, decoded.missing ? 'missing-mask' : 'unreadable-mask', decoded.error);
    mask = binarize(decoded, truth.rule);
  } else {
    maskLabel = `annotation mask (${sample.source})`;
    try {
      mask = cocoMask(truth.segmentation, truth.width, truth.height, maskLabel);
    } catch (e) {
      if (e instanceof FianetError) return skipped(sample, 'unreadable-mask', e.message);
      throw e;
    }
  }
  if (mask.width !== image.width || mask.height !== image.height) {
    return skipped(
      sample,
      'size-mismatch',
      `${maskLabel} is ${mask.width} x ${mask.height} but image ${files.describe(sample.image)} is ${image.width} x ${image.height}`,
    );
  }
  const target = resizeMaskNearest(mask.data, mask.width, mask.height, size, size);
  return { sample, image, target, ms: performance.now() - start };
}

async function readImage(files: DatasetFiles, path: string): Promise<DecodedImage | { error: string; missing: boolean }> {
  try {
    return decodeImage(await files.readBytes(path), files.describe(path), { maxPixels: maxPixelsOf(files) });
  } catch (e) {
    if (!(e instanceof FianetError)) throw e;
    return { error: e.message, missing: !(await files.exists(path)) };
  }
}

/**
 * Gray value as PIL's convert('L') computes it (ITU-R 601 luma in 16-bit fixed point), which
 * is the stored value for gray and palette-free masks, then the dataset's rule.
 */
export function binarize(image: RgbImage, rule: MaskRule): BinaryMask {
  const { width, height, rgb } = image;
  const data = new Uint8Array(width * height);
  const threshold = rule === 'above-50' ? 50 : 0;
  for (let i = 0; i < data.length; i++) {
    const gray = (rgb[3 * i]! * 19595 + rgb[3 * i + 1]! * 38470 + rgb[3 * i + 2]! * 7471 + 0x8000) >> 16;
    data[i] = gray > threshold ? 1 : 0;
  }
  return { width, height, data };
}
