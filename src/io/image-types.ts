import { FianetError, quote } from '../errors.js';

/** An 8-bit RGB image, row-major, interleaved: rgb[(y * width + x) * 3 + c] (H x W x 3). */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** A decoded file: the RGB pixels plus what the caller should be told about the conversion. */
export interface DecodedImage extends RgbImage {
  warnings: string[];
}

/**
 * 100 megapixels: the RGB result is 300 MB and every decoder's working memory stays within a
 * small multiple of it. A header claiming more is refused before anything is allocated (a
 * 200-byte PNG may declare 2^31 x 2^31 pixels); real larger scenes can raise it (`maxPixels`,
 * `--max-pixels`) or go through the scene path, which reads windows.
 */
export const DEFAULT_MAX_PIXELS = 100_000_000;

export interface DecodeOptions {
  /** Largest width x height accepted (default DEFAULT_MAX_PIXELS). */
  maxPixels?: number;
}

/** The pixel limit of `options`, checked to be a positive integer. */
export function maxPixelsOf(options: DecodeOptions | undefined): number {
  const max = options?.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new FianetError('bad-input', `the pixel limit must be a positive whole number, got ${quote(max)}`);
  }
  return max;
}

/**
 * The largest image file worth reading: 8 bytes per pixel of the pixel limit (an uncompressed
 * 16-bit RGBA TIFF, the largest encoding we read) plus 16 MiB of headers and metadata: 816 MB
 * at the default 100 megapixels. Readers check it before reading (a file, a Blob).
 */
export const maxImageFileBytes = (maxPixels: number): number => 8 * maxPixels + 16 * 2 ** 20;

/**
 * Every codec checks the size from its header before allocating anything: an empty or
 * non-integer size would otherwise fail later with messages about filters or offsets (or
 * succeed with 0 pixels), and a huge one would allocate gigabytes before failing.
 */
export function checkImageSize(width: number, height: number, label: string, maxPixels: number): void {
  if (!(Number.isSafeInteger(width) && Number.isSafeInteger(height) && width > 0 && height > 0)) {
    throw new FianetError('bad-input', `${label}: the image is empty or has an invalid size (${quote(width)} x ${quote(height)} pixels)`);
  }
  if (width * height > maxPixels) {
    throw new FianetError(
      'bad-input',
      `${label}: the image is ${width} x ${height} pixels, over the limit of ${maxPixels} pixels (${formatMegapixels(maxPixels)}); ` +
        `raise it with --max-pixels (library: maxPixels) if the image is genuine`,
    );
  }
}

const formatMegapixels = (pixels: number): string => `${+(pixels / 1e6).toPrecision(4)} megapixels`;
