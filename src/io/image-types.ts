import { FianetError } from '../errors.js';

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
 * Codecs check the size from the header before decoding: given a 0-pixel image they fail
 * with messages about filters or offsets that would send the user looking for corruption.
 */
export function checkImageSize(width: number, height: number, label: string): void {
  if (!(width > 0 && height > 0)) {
    throw new FianetError('bad-input', `${label}: the image is empty (${width} x ${height} pixels)`);
  }
}
