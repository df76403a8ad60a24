/**
 * What the dataset readers produce: a list of samples (image, ground truth, expression),
 * independent of the layout they came from, and the file access they read through.
 * Browser-safe: file access goes through `DatasetFiles` (src/node/dataset-files.ts in Node;
 * a fetch- or File-backed object in a browser).
 */
import type { ExpressionTokens } from '../model/segmenter.js';

/**
 * Dataset files by path relative to the dataset root, '/'-separated. Implementations throw
 * FianetError('bad-input') naming the file when it cannot be read.
 */
export interface DatasetFiles {
  /** The location of `path` for messages (a full file path, a URL). */
  describe(path: string): string;
  readBytes(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
  /** Largest image (width x height) decoded; default DEFAULT_MAX_PIXELS. */
  maxPixels?: number;
}

/**
 * How a mask image becomes 0/1: 'nonzero' takes 0/1 and 0/255 masks alike; 'above-50' is
 * RefSegRS's reference rule (`cv2.imread(mask) > 50`).
 */
export type MaskRule = 'nonzero' | 'above-50';

export type GroundTruth =
  | { kind: 'mask-file'; path: string; rule: MaskRule }
  /** A COCO `segmentation` (RLE or polygons) of an image of `width` x `height`. */
  | { kind: 'coco'; segmentation: unknown; width: number; height: number };

export type SkipReason =
  | 'bad-listing' // the dataset's own listing of this sample is broken
  | 'missing-image'
  | 'unreadable-image'
  | 'missing-mask'
  | 'unreadable-mask'
  | 'size-mismatch' // mask and image sizes differ
  | 'model-input'; // the model refused the sample's input (e.g. an empty expression)

export interface EvalSample {
  /** Unique within the dataset and safe as a file name: saved masks are `<name>.png`. */
  name: string;
  /** Where the listing defines it, for messages: "test.jsonl:12", "refs(unc).p ref 4021". */
  source: string;
  /** Relative to the dataset root. */
  image: string;
  truth: GroundTruth;
  expression: string;
  category?: string;
  /** The reference preprocessing's tokens, when the dataset ships them. */
  tokens?: ExpressionTokens;
  /** Set when the listing entry is unusable; the sample is reported as skipped. */
  problem?: { reason: SkipReason; message: string };
}

export interface Dataset {
  format: DatasetFormat;
  split: string;
  /** The files the samples were listed from, for the report. */
  listing: string[];
  samples: EvalSample[];
}

export const DATASET_FORMATS = ['rrsisd', 'refsegrs', 'jsonl'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** Joins relative path parts with '/', leaving an absolute or URL part as the new start. */
export function joinPath(...parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (p === '') continue;
    out = p.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(p) || out === '' ? p : `${out.replace(/\/+$/, '')}/${p}`;
  }
  return out;
}

/** The file name without directories and without its last extension. */
export function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * Makes names unique and file-name safe: characters outside [A-Za-z0-9._-] become '_', and
 * a name given to several samples gets '-1', '-2', ... on each, in listing order (one image
 * with several expressions must not overwrite its saved masks).
 */
export function uniqueNames(names: readonly string[]): string[] {
  const safe = names.map((n) => n.replace(/[^A-Za-z0-9._-]/g, '_') || 'sample');
  const counts = new Map<string, number>();
  for (const n of safe) counts.set(n, (counts.get(n) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out = safe.map((n) => {
    if (counts.get(n) === 1) return n;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return `${n}-${k}`;
  });
  // A suffixed name can collide with a different sample's plain name ("a-1" next to two "a").
  return new Set(out).size === out.length ? out : out.map((n, i) => `${n}-${i}`);
}

export async function readText(files: DatasetFiles, path: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await files.readBytes(path));
}
